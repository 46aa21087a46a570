package io.leadrelay.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test of database code without the web, Camel or the other features: the schema
 * migrated by Flyway into a database of its own ({@link IntegrationTestProperties}; H2,
 * or PostgreSQL with {@link OnPostgres}) and the beans the test imports. Tests commit as
 * the engine does (no transaction rolled back around each test), so that other threads
 * see their rows; they empty the tables with {@link TableCleaner}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ContextConfiguration(initializers = IntegrationTestProperties.class)
public @interface LeadRelayJdbcTest {

}
