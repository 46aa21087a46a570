package io.leadrelay.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of the whole engine, serving on a random port, with the settings every such test
 * shares: the admin's password, one app secret, one encryption key, the pipeline and the
 * delivery engine off, no scheduled reconciliation, and what
 * {@link IntegrationTestProperties} adds (a database of its own, no mapping files, the
 * {@link SharedGraphApi}).
 * <p>
 * Test classes with the same settings share one Spring context, and so one database: each
 * empties the tables with {@link TableCleaner} before its tests. A test that needs more
 * (the pipeline on, another secret) says so with {@link TestPropertySource}, and gets a
 * context of its own. {@link OnPostgres} runs a test on PostgreSQL instead of H2.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "leadrelay.security.bootstrap-admin-password=" + LeadRelayIntegrationTest.ADMIN_PASSWORD,
				"leadrelay.meta.app-secrets=" + LeadRelayIntegrationTest.APP_SECRET,
				"leadrelay.crypto.keys." + LeadRelayIntegrationTest.KEY_ID
						+ "=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
				"leadrelay.pipeline.enabled=false", "leadrelay.delivery.enabled=false",
				// Tests start reconciliation themselves; a timer would call the Graph API
				// of whichever test runs then.
				"leadrelay.backfill.interval=24h",
				// Tests run the retention purge themselves; a timer would purge the old
				// leads and audit entries other tests write.
				"leadrelay.retention.first-run-delay=24h",
				// Alert rounds write incidents and audit entries: tests run one
				// themselves
				// (AlertRound.run), so no other test's audit trail gets an entry of
				// theirs;
				// an incident gone is resolved at the next round.
				"leadrelay.alerts.check-interval=24h", "leadrelay.alerts.reminder-interval=24h",
				"leadrelay.alerts.resolve-after=0s",
				// Low enough for BackfillCatchUpIntegrationTests to cut a read with a few
				// hundred leads; the other tests read one page a form.
				"leadrelay.backfill.max-pages-per-form=2" })
@ContextConfiguration(initializers = IntegrationTestProperties.class)
public @interface LeadRelayIntegrationTest {

	/** The password of the {@code admin} user created at the first start. */
	String ADMIN_PASSWORD = "integration-admin-password";

	/** The Meta app secret the webhook checks signatures with. */
	String APP_SECRET = "integration-app-secret";

	/** The id of the key that encrypts page tokens and credentials. */
	String KEY_ID = "test2026";

}
