package io.leadrelay.delivery.salesforce;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.delivery.HttpReply;
import io.leadrelay.delivery.NetworkGuard;
import io.leadrelay.delivery.fields.FieldReadException;
import io.leadrelay.delivery.fields.FieldReader;
import io.leadrelay.delivery.fields.Fields;
import io.leadrelay.destination.CrmField;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Lead object's fields: {@code GET {instance_url}/services/data/v{apiVersion}/
 * sobjects/Lead/describe}, logged in as deliveries are. A field Salesforce does not let a
 * new lead set ({@code createable: false}) is read-only; one that is createable, not
 * nillable and not defaulted on create is required (classically {@code LastName} and
 * {@code Company}). Only active picklist values are offered.
 */
@Component
class SalesforceFieldReader implements FieldReader {

	private final ConnectorHttp http;

	private final SalesforceTokens tokens;

	private final ObjectMapper json;

	@Autowired
	SalesforceFieldReader(ObjectMapper json, Clock clock, NetworkGuard guard) {
		this(json, clock, ConnectorTimeouts.DEFAULT.guardedBy(guard));
	}

	SalesforceFieldReader(ObjectMapper json, Clock clock, ConnectorTimeouts timeouts) {
		this.http = new ConnectorHttp("Salesforce", timeouts);
		this.tokens = new SalesforceTokens(
				timeouts.guard().client(HttpClient.newBuilder().connectTimeout(timeouts.connect())), timeouts.request(),
				json, new SalesforceJwt(json, clock));
		this.json = json;
	}

	@Override
	public String type() {
		return "salesforce";
	}

	@Override
	public List<CrmField> read(String destinationId, Map<String, String> settings, Map<String, String> credentials) {
		DeliveryRequest asker = new DeliveryRequest(0, "field-discovery", destinationId, settings, credentials,
				Map.of(), "field-discovery", true);
		SalesforceSession session = this.tokens.session(asker);
		HttpReply reply = describe(session, settings);
		if (reply instanceof HttpReply.Replied replied && replied.status() == 401
				&& session instanceof SalesforceSession.Active active && !active.fresh()) {
			reply = describe(this.tokens.renew(asker), settings);
		}
		if (reply instanceof HttpReply.NoReply none) {
			throw FieldReadException.noReply(none);
		}
		HttpReply.Replied replied = (HttpReply.Replied) reply;
		JsonNode body = body(replied.body());
		if (!replied.successful()) {
			JsonNode error = body.isArray() ? body.path(0) : body;
			String code = error.path("errorCode").asText(null);
			String message = error.path("message").asText(null);
			throw FieldReadException.answered("Salesforce", replied.status(),
					(code != null && message != null) ? code + ": " + message : message);
		}
		List<CrmField> fields = new ArrayList<>();
		body.path("fields").forEach((field) -> fields.add(field(field)));
		return Fields.inOrder(fields);
	}

	private HttpReply describe(SalesforceSession session, Map<String, String> settings) {
		if (!(session instanceof SalesforceSession.Active active)) {
			throw new FieldReadException(((SalesforceSession.Failed) session).outcome().message() + ".");
		}
		String version = settings.getOrDefault("apiVersion", SalesforceSettings.DEFAULT_API_VERSION);
		return this.http.send(HttpRequest
			.newBuilder(URI.create(active.instanceUrl() + "/services/data/v" + version + "/sobjects/Lead/describe"))
			.header("Authorization", "Bearer " + active.accessToken())
			.GET(), "reading the fields of a lead");
	}

	private static CrmField field(JsonNode field) {
		String name = field.path("name").asText();
		boolean createable = field.path("createable").asBoolean(false);
		boolean required = createable && !field.path("nillable").asBoolean(true)
				&& !field.path("defaultedOnCreate").asBoolean(false);
		List<String> options = new ArrayList<>();
		field.path("picklistValues").forEach((value) -> {
			if (value.path("active").asBoolean(true)) {
				options.add(value.path("value").asText());
			}
		});
		return new CrmField(name, field.path("label").asText(name), field.path("type").asText("string"), required,
				!createable, options);
	}

	private JsonNode body(String body) {
		try {
			return (body == null || body.isBlank()) ? this.json.missingNode() : this.json.readTree(body);
		}
		catch (IOException ex) {
			return this.json.missingNode();
		}
	}

}
