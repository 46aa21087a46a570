package io.leadrelay.delivery.route;

import io.leadrelay.support.DestinationTypeChecks;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a route destination takes, as its connector declares it: the {@code direct:} or
 * {@code seda:} endpoint of a route ops declared (not one of the engine's own, not any
 * other Camel endpoint), and no credentials.
 */
class RouteSettingsTests {

	static CamelContext camel;

	RouteConnector connector;

	@BeforeAll
	static void routes() throws Exception {
		camel = new DefaultCamelContext();
		camel.addRoutes(new RouteBuilder() {
			@Override
			public void configure() {
				from("direct:sheets").routeId("sheets").log("sheet");
				from("seda:crm-queue?size=5").routeId("crm-queue").log("queued");
				from("seda:engine-wakeup?size=1").routeId("engine-wakeup").routeGroup("engine").log("awake");
				from("timer:tick?period=1h").routeId("tick").log("tick");
			}
		});
		camel.start();
	}

	@BeforeEach
	void connector() {
		this.connector = new RouteConnector(camel.createProducerTemplate());
	}

	@AfterAll
	static void stop() {
		camel.stop();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"endpointUri":"direct:sheets"}                      | {}                    | {endpointUri=direct:sheets}
					{"endpointUri":"direct://sheets"}                    | {}                    | {endpointUri=direct://sheets}
					{"endpointUri":"seda:crm-queue"}                     | {}                    | {endpointUri=seda:crm-queue}
					{"endpointUri":"not a uri"}                          | {}                    | settings.endpointUri: settings.endpointUri must be a Camel endpoint URI such as direct:sheets
					{"endpointUri":"file:/etc/cron.d?fileName=x"}        | {}                    | settings.endpointUri: settings.endpointUri must name the direct: or seda: endpoint of a route ops declared in routes/: one of [direct:sheets, seda:crm-queue]
					{"endpointUri":"direct:undeclared"}                  | {}                    | settings.endpointUri: settings.endpointUri must name the direct: or seda: endpoint of a route ops declared in routes/: one of [direct:sheets, seda:crm-queue]
					{"endpointUri":"seda:engine-wakeup"}                 | {}                    | settings.endpointUri: settings.endpointUri must name the direct: or seda: endpoint of a route ops declared in routes/: one of [direct:sheets, seda:crm-queue]
					{"endpointUri":"timer:tick"}                         | {}                    | settings.endpointUri: settings.endpointUri must name the direct: or seda: endpoint of a route ops declared in routes/: one of [direct:sheets, seda:crm-queue]
					{"endpointUri":"direct:sheets"}                      | {"token":"t"}         | credentials.token: Unknown field credentials.token; this type takes none
					""")
	void refusesTheFirstFieldThatDoesNotFit(String settings, String credentials, String expected) {
		assertThat(this.connector.code()).isEqualTo("route");
		assertThat(DestinationTypeChecks.check(this.connector, settings, credentials)).isEqualTo(expected);
	}

}
