package io.leadrelay.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs a {@link LeadRelayIntegrationTest} or a {@link LeadRelayJdbcTest} on PostgreSQL:
 * its context gets a new database on the shared embedded server
 * ({@link EmbeddedPostgresSupport}) instead of one in H2.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = IntegrationTestProperties.DATABASE + "=postgres")
public @interface OnPostgres {

}
