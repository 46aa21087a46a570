package io.leadrelay.delivery.route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Leads handed to Camel endpoints: what a route's ending says, and the example route
 * shipped in {@code routes/}.
 */
class RouteConnectorTests {

	@TempDir
	Path directory;

	CamelContext camel;

	RouteConnector connector;

	@BeforeEach
	void camel() throws Exception {
		this.camel = new DefaultCamelContext();
		this.camel.getPropertiesComponent()
			.setInitialProperties(properties("leadrelay.example-route.directory", this.directory.toString()));
		this.camel.addRoutes(new RouteBuilder() {
			@Override
			public void configure() {
				from("direct:crm").routeId("crm")
					.setHeader(RouteConnector.RECORD_ID_HEADER, simple("row-${header.leadrelayLeadgenId}"));
				from("direct:refuse").routeId("refuse")
					.setHeader(RouteConnector.OUTCOME_HEADER, constant("permanent"))
					.setHeader(RouteConnector.MESSAGE_HEADER, constant("the sheet is full"));
				from("direct:broken").throwException(new IllegalStateException("sheet service down"));
			}
		});
		PluginHelper.getRoutesLoader(this.camel)
			.loadRoutes(ResourceHelper.resolveResource(this.camel, "file:routes/example-deliveries.yaml"));
		this.camel.start();
		this.connector = new RouteConnector(this.camel.createProducerTemplate());
	}

	@AfterEach
	void stop() {
		this.camel.stop();
	}

	@Test
	void deliversWhenTheRouteEndsWellWithTheRecordIdItSet() {
		assertThat(this.connector.deliver(request("direct:crm", Map.of("email", "ana@example.com"))))
			.isEqualTo(new DeliveryOutcome.Delivered("row-920000000000901", null, "delivered by the route"));
	}

	@Test
	void sendsTheLeadToTheDeadLettersWhenTheRouteRefusesIt() {
		assertThat(this.connector.deliver(request("direct:refuse", Map.of("email", "ana@example.com"))))
			.isEqualTo(new DeliveryOutcome.Permanent("the sheet is full", null, null));
	}

	@Test
	void triesAgainWhenTheRouteFails() {
		assertThat(this.connector.deliver(request("direct:broken", Map.of())))
			.isInstanceOfSatisfying(DeliveryOutcome.Retry.class, (retry) -> assertThat(retry.message())
				.isEqualTo("The route failed: IllegalStateException: sheet service down"));
	}

	@Test
	void triesAgainAtOnceWhenTheRouteWasStoppedOrRemovedInsteadOfWaitingForAConsumer() throws Exception {
		this.camel.getRouteController().stopRoute("crm");
		this.camel.getRouteController().stopRoute("refuse");
		this.camel.removeRoute("refuse");
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			assertThat(this.connector.deliver(request("direct:crm", Map.of("email", "ana@example.com")))).isEqualTo(
					DeliveryOutcome.Retry.transientFailure("The route crm consuming direct:crm is stopped", null));
			assertThat(this.connector.deliver(request("direct:refuse", Map.of("email", "ana@example.com"))))
				.isEqualTo(DeliveryOutcome.Retry.transientFailure(
						"No route in routes/ consumes direct:refuse (removed, "
								+ "or never declared); declared: [direct:broken, direct:crm, direct:leads-to-files]",
						null));
		});
	}

	@Test
	void handsNothingToAnEndpointNoDeclaredRouteConsumesSavedBeforeTheCheck() throws Exception {
		Path outside = this.directory.resolve("outside");
		assertThat(this.connector.deliver(request("file:" + outside, Map.of("email", "ana@example.com"))))
			.isInstanceOf(DeliveryOutcome.Retry.class);
		assertThat(outside).doesNotExist();
	}

	@Test
	void theExampleRouteWritesEachLeadOnceAsAJsonFile() throws Exception {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("email", "ana@example.com");
		payload.put("firstname", "Ana");
		assertThat(this.connector.deliver(request("direct:leads-to-files", payload)))
			.isInstanceOf(DeliveryOutcome.Delivered.class);
		assertThat(this.connector.deliver(request("direct:leads-to-files", payload)))
			.isInstanceOf(DeliveryOutcome.Delivered.class);
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("920000000000901.json");
		}
		assertThat(Files.readString(this.directory.resolve("920000000000901.json")))
			.isEqualTo("{\"email\":\"ana@example.com\",\"firstname\":\"Ana\"}");
		assertThat(this.connector.deliver(request("direct:leads-to-files", Map.of("firstname", "Ana"))))
			.isEqualTo(new DeliveryOutcome.Permanent("the payload has no email field", null, null));
	}

	private static DeliveryRequest request(String endpoint, Map<String, String> payload) {
		return new DeliveryRequest(1, "920000000000901", "sheets", Map.of("endpointUri", endpoint), Map.of(), payload,
				DeliveryRequest.idempotencyKey("920000000000901", "sheets"), false);
	}

	private static Properties properties(String key, String value) {
		Properties properties = new Properties();
		properties.setProperty(key, value);
		return properties;
	}

}
