package io.leadrelay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Graph API batch requests ({@code POST /{version}/} with {@code batch}) on a WireMock
 * Graph API whose tests stub single reads: each item is asked of the same server as the
 * {@code GET} it names (with the batch's token), and the answers are put together as Meta
 * does. Register it with {@code wireMockConfig().extensions(new GraphBatchStandIn())}.
 */
public final class GraphBatchStandIn implements StubRequestFilterV2 {

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * A WireMock Graph API on a free port that answers batch reads from its single-read
	 * stubs, as the pipeline reads a page's leads in batches.
	 */
	public static WireMockExtension wireMock() {
		return WireMockExtension.newInstance()
			.options(wireMockConfig().dynamicPort().extensions(new GraphBatchStandIn()))
			.build();
	}

	private final HttpClient http = HttpClient.newHttpClient();

	@Override
	public String getName() {
		return "graph-batch-stand-in";
	}

	@Override
	public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
		if (!"POST".equals(request.getMethod().getName()) || !request.getUrl().matches("/v\\d+\\.\\d+/?")) {
			return RequestFilterAction.continueWith(request);
		}
		Map<String, String> form = form(request.getBodyAsString());
		URI base = URI.create(request.getAbsoluteUrl());
		String version = request.getUrl().replaceAll("/$", "");
		ArrayNode answers = this.json.createArrayNode();
		for (JsonNode item : read(form.get("batch"))) {
			String url = base.resolve(version + "/" + item.path("relative_url").asText()).toString();
			url += (url.contains("?") ? "&" : "?") + "access_token=" + encode(form.get("access_token"));
			if (form.containsKey("appsecret_proof")) {
				url += "&appsecret_proof=" + encode(form.get("appsecret_proof"));
			}
			HttpResponse<String> answer = get(url);
			ObjectNode itemAnswer = answers.addObject().put("code", answer.statusCode());
			itemAnswer.putArray("headers").addObject().put("name", "Content-Type").put("value", "application/json");
			itemAnswer.put("body", answer.body());
		}
		ResponseDefinition response = responseDefinition().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(answers.toString())
			.build();
		return RequestFilterAction.stopWith(response);
	}

	private HttpResponse<String> get(String url) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode read(String batch) {
		try {
			return this.json.readTree(batch);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
