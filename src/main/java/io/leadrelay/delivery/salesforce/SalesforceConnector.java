package io.leadrelay.delivery.salesforce;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.Connector;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.delivery.NetworkGuard;
import io.leadrelay.delivery.RefusedAddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Salesforce leads, upserted by an external id field holding the leadgen id: {@code PATCH
 * {instance_url}/services/data/v{apiVersion}/sobjects/Lead/{externalIdField}/{leadgenId}}
 * (201 created, 200 or 204 updated). {@code LastName} and {@code Company} are set to
 * {@code [not provided]} when the mapping gives none. A token is asked of
 * {@code {loginUrl}/services/oauth2/token} once per destination and kept until Salesforce
 * answers 401; then a new one is asked for and the call made once more.
 *
 * <p>
 * This calls the REST API with {@link HttpClient} rather than Camel's
 * {@code camel-salesforce} component (evaluated against the 4.17.0 jar, which resolves
 * from the Camel BOM). It accepts a plain-http {@code loginUrl} (Camel's own tests point
 * it at a mock server) and can log in lazily ({@code lazyLogin}), but:
 * <ul>
 * <li>its JWT bearer flow signs only with a key taken from a {@code KeyStore}
 * ({@code SalesforceLoginConfig.keystore}), and a key store's private-key entry needs a
 * certificate chain; destinations hold a bare PEM {@code privateKey}, and making a
 * certificate in process needs Bouncy Castle or {@code sun.security} internals;</li>
 * <li>settings and credentials are per destination and change at run time, so it would
 * mean one {@code SalesforceComponent} (with its own Jetty client and worker pool) per
 * destination, added to, restarted in and removed from the Camel context by hand;</li>
 * <li>it brings Jetty 12 client, CometD, gRPC/Netty, Protobuf and JAXB for what is one
 * form POST and one PATCH here;</li>
 * <li>the outcomes need the raw status and error array (401 vs 403
 * {@code REQUEST_LIMIT_EXCEEDED}, token endpoint {@code invalid_grant}), which it wraps
 * in {@code SalesforceException}s and its own re-login.</li>
 * </ul>
 */
@Component
class SalesforceConnector implements Connector {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(SalesforceConnector.class);

	private final HttpClient http;

	private final Duration requestTimeout;

	private final ObjectMapper json;

	private final SalesforceTokens tokens;

	private final SalesforceVersions versions;

	@Autowired
	SalesforceConnector(ObjectMapper json, Clock clock, NetworkGuard guard) {
		this(json, clock, CONNECT_TIMEOUT, REQUEST_TIMEOUT, guard);
	}

	SalesforceConnector(ObjectMapper json, Clock clock) {
		this(json, clock, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
	}

	SalesforceConnector(ObjectMapper json, Clock clock, Duration connectTimeout, Duration requestTimeout) {
		this(json, clock, connectTimeout, requestTimeout, NetworkGuard.allowingLoopback());
	}

	SalesforceConnector(ObjectMapper json, Clock clock, Duration connectTimeout, Duration requestTimeout,
			NetworkGuard guard) {
		this(json, clock, connectTimeout, requestTimeout, guard, new SalesforceVersionsClient(
				new ConnectorHttp("Salesforce", new ConnectorTimeouts(connectTimeout, requestTimeout).guardedBy(guard)),
				json));
	}

	SalesforceConnector(ObjectMapper json, Clock clock, Duration connectTimeout, Duration requestTimeout,
			SalesforceVersions versions) {
		this(json, clock, connectTimeout, requestTimeout, NetworkGuard.allowingLoopback(), versions);
	}

	SalesforceConnector(ObjectMapper json, Clock clock, Duration connectTimeout, Duration requestTimeout,
			NetworkGuard guard, SalesforceVersions versions) {
		this.http = guard.client(HttpClient.newBuilder().connectTimeout(connectTimeout));
		this.requestTimeout = requestTimeout;
		this.json = json;
		this.tokens = new SalesforceTokens(this.http, requestTimeout, json, new SalesforceJwt(json, clock));
		this.versions = versions;
	}

	@Override
	public String code() {
		return "salesforce";
	}

	@Override
	public Map<String, String> settings(Map<String, String> given) {
		Map<String, String> settings = SalesforceSettings.check(given);
		String loginUrl = settings.get("loginUrl");
		SalesforceSettings.checkOffered(this.versions.offered(loginUrl), loginUrl, settings.get("apiVersion"));
		return settings;
	}

	@Override
	public void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
		SalesforceSettings.checkCredentials(settings, credentials);
	}

	@Override
	public double defaultRateLimit() {
		return 20;
	}

	@Override
	public Map<String, String> testPayload() {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("LastName", "Test lead");
		payload.put("FirstName", "LeadRelay");
		payload.put("Company", "LeadRelay test");
		payload.put("Email", TEST_EMAIL);
		return payload;
	}

	/**
	 * Refuses an {@code apiVersion} the org's own instance does not offer (an org may run
	 * a release behind its login host). A failed login is left to the test lead to
	 * report.
	 */
	@Override
	public void checkBeforeTest(DeliveryRequest request) {
		if (this.tokens.session(request) instanceof SalesforceSession.Active active) {
			SalesforceSettings.checkOffered(this.versions.offered(active.instanceUrl()), active.instanceUrl(),
					apiVersion(request));
		}
	}

	@Override
	public DeliveryOutcome deliver(DeliveryRequest request) {
		SalesforceLeadBody body = SalesforceLeadBody.of(request.payload(), request.settings().get("externalIdField"),
				this.json);
		SalesforceSession session = this.tokens.session(request);
		if (!(session instanceof SalesforceSession.Active active)) {
			return ((SalesforceSession.Failed) session).outcome();
		}
		DeliveryOutcome outcome = upsert(request, active, body);
		if (sessionRefused(outcome) && !active.fresh()) {
			logger.info("Salesforce refused the cached session of destination {}; logging in again",
					request.destinationId());
			session = this.tokens.renew(request);
			if (!(session instanceof SalesforceSession.Active renewed)) {
				return ((SalesforceSession.Failed) session).outcome();
			}
			outcome = upsert(request, renewed, body);
		}
		return withDefaults(outcome, body);
	}

	private DeliveryOutcome upsert(DeliveryRequest request, SalesforceSession.Active session, SalesforceLeadBody body) {
		HttpResponse<String> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(uri(request, session))
				.timeout(this.requestTimeout)
				.header("Authorization", "Bearer " + session.accessToken())
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(body.json()))
				.build(), BodyHandlers.ofString());
		}
		catch (RefusedAddressException ex) {
			return ex.outcome();
		}
		catch (IOException ex) {
			return DeliveryOutcome.Retry.transientFailure("Salesforce did not answer: " + ex.getClass().getSimpleName(),
					null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DeliveryOutcome.Retry.transientFailure("Interrupted while calling Salesforce", null);
		}
		return SalesforceErrors.upsertResponse(response.statusCode(), read(response.body()));
	}

	private URI uri(DeliveryRequest request, SalesforceSession.Active session) {
		return URI.create(session.instanceUrl() + "/services/data/v" + apiVersion(request) + "/sobjects/Lead/"
				+ request.settings().get("externalIdField") + "/"
				+ URLEncoder.encode(request.leadgenId(), StandardCharsets.UTF_8).replace("+", "%20"));
	}

	private static String apiVersion(DeliveryRequest request) {
		return request.settings().getOrDefault("apiVersion", SalesforceSettings.DEFAULT_API_VERSION);
	}

	private JsonNode read(String body) {
		if (body == null || body.isBlank()) {
			return this.json.missingNode();
		}
		try {
			return this.json.readTree(body);
		}
		catch (IOException ex) {
			return this.json.missingNode();
		}
	}

	private static boolean sessionRefused(DeliveryOutcome outcome) {
		return outcome instanceof DeliveryOutcome.CredentialsRejected rejected
				&& Integer.valueOf(401).equals(rejected.httpStatus());
	}

	private static DeliveryOutcome withDefaults(DeliveryOutcome outcome, SalesforceLeadBody body) {
		if (outcome instanceof DeliveryOutcome.Delivered delivered && !body.defaulted().isEmpty()) {
			return new DeliveryOutcome.Delivered(delivered.crmRecordId(), delivered.httpStatus(), delivered.message()
					+ "; " + String.join(", ", body.defaulted()) + " set to " + SalesforceLeadBody.NOT_PROVIDED);
		}
		return outcome;
	}

}
