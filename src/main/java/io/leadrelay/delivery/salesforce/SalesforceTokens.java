package io.leadrelay.delivery.salesforce;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.delivery.RefusedAddressException;

/**
 * Access tokens from {@code {loginUrl}/services/oauth2/token}, one per destination, kept
 * until Salesforce says the session is invalid or the destination's settings or
 * credentials change. Supports the {@code client_credentials}, {@code refresh_token} and
 * {@code jwt_bearer} flows. Tokens and credentials are never logged nor put into a
 * message.
 */
final class SalesforceTokens {

	static final String TOKEN_PATH = "/services/oauth2/token";

	private final HttpClient http;

	private final Duration requestTimeout;

	private final ObjectMapper json;

	private final SalesforceJwt jwt;

	private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

	SalesforceTokens(HttpClient http, Duration requestTimeout, ObjectMapper json, SalesforceJwt jwt) {
		this.http = http;
		this.requestTimeout = requestTimeout;
		this.json = json;
		this.jwt = jwt;
	}

	/** The cached session of the destination, or a new one. */
	SalesforceSession session(DeliveryRequest request) {
		Cached cached = this.cache.get(request.destinationId());
		String fingerprint = fingerprint(request);
		if (cached != null && cached.fingerprint().equals(fingerprint)) {
			return new SalesforceSession.Active(cached.accessToken(), cached.instanceUrl(), false);
		}
		return login(request, fingerprint);
	}

	/** Forget the destination's token and ask for a new one. */
	SalesforceSession renew(DeliveryRequest request) {
		this.cache.remove(request.destinationId());
		return login(request, fingerprint(request));
	}

	private SalesforceSession login(DeliveryRequest request, String fingerprint) {
		String loginUrl = trimSlash(request.settings().getOrDefault("loginUrl", "https://login.salesforce.com"));
		Map<String, String> form;
		try {
			form = form(request, loginUrl);
		}
		catch (GeneralSecurityException ex) {
			return new SalesforceSession.Failed(new DeliveryOutcome.CredentialsRejected(
					"The Salesforce private key cannot sign a JWT: " + ex.getClass().getSimpleName(), null));
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(URI.create(loginUrl + TOKEN_PATH))
				.timeout(this.requestTimeout)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
				.build(), BodyHandlers.ofString());
		}
		catch (RefusedAddressException ex) {
			return new SalesforceSession.Failed(ex.outcome());
		}
		catch (IOException ex) {
			return new SalesforceSession.Failed(DeliveryOutcome.Retry
				.transientFailure("Salesforce token endpoint did not answer: " + ex.getClass().getSimpleName(), null));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new SalesforceSession.Failed(
					DeliveryOutcome.Retry.transientFailure("Interrupted while asking Salesforce for a token", null));
		}
		SalesforceSession session = SalesforceErrors.tokenResponse(response.statusCode(), body(response.body()));
		if (session instanceof SalesforceSession.Active active) {
			this.cache.put(request.destinationId(),
					new Cached(active.accessToken(), active.instanceUrl(), fingerprint));
		}
		return session;
	}

	private Map<String, String> form(DeliveryRequest request, String loginUrl) throws GeneralSecurityException {
		Map<String, String> credentials = request.credentials();
		Map<String, String> form = new LinkedHashMap<>();
		switch (request.settings().getOrDefault("authFlow", "client_credentials")) {
			case "jwt_bearer" -> {
				form.put("grant_type", SalesforceJwt.GRANT_TYPE);
				form.put("assertion", this.jwt.assertion(credentials.get("clientId"),
						request.settings().get("username"), loginUrl, credentials.get("privateKey")));
			}
			case "refresh_token" -> {
				form.put("grant_type", "refresh_token");
				form.put("client_id", credentials.get("clientId"));
				form.put("client_secret", credentials.get("clientSecret"));
				form.put("refresh_token", credentials.get("refreshToken"));
			}
			default -> {
				form.put("grant_type", "client_credentials");
				form.put("client_id", credentials.get("clientId"));
				form.put("client_secret", credentials.get("clientSecret"));
			}
		}
		return form;
	}

	private JsonNode body(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (IOException ex) {
			return this.json.missingNode();
		}
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "="
					+ URLEncoder.encode((entry.getValue() != null) ? entry.getValue() : "", StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String trimSlash(String url) {
		return url.replaceAll("/+$", "");
	}

	/**
	 * A digest of what the token depends on, so that changed credentials log in again.
	 */
	private static String fingerprint(DeliveryRequest request) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(new TreeMap<>(request.settings()).toString().getBytes(StandardCharsets.UTF_8));
			digest.update(new TreeMap<>(request.credentials()).toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Cached(String accessToken, String instanceUrl, String fingerprint) {

		@Override
		public String toString() {
			return "Cached[instanceUrl=" + this.instanceUrl + "]";
		}

	}

}
