package io.leadrelay.ingest;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.meta.MetaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;

import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Wires the webhook: the {@code metaWebhook} bean the route calls, the body limit in
 * front of it, and the HTTP engine its route runs on.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	static final String WEBHOOK_PATH = "/webhooks/meta";

	@Bean
	IngestMetrics ingestMetrics(MeterRegistry registry) {
		return new IngestMetrics(registry);
	}

	@Bean
	GroupCommitter leadEventGroupCommitter(LeadEventInbox inbox) {
		return new GroupCommitter(inbox);
	}

	@Bean
	MetaWebhook metaWebhook(MetaProperties meta, ObjectMapper mapper, GroupCommitter committer, IngestMetrics metrics,
			Clock clock) {
		return new MetaWebhook(meta, new NotificationParser(mapper), committer, metrics, new WebhookResponses(mapper),
				clock);
	}

	/**
	 * Camel's platform-http engine, running each route on the servlet thread that
	 * received the request. Camel's own runs it on Spring's application task executor,
	 * eight threads: as each webhook holds its thread until its leads are committed, no
	 * more than eight were ever in flight, and a group commit never held more than eight
	 * requests.
	 */
	@Bean(name = "platform-http-engine")
	PlatformHttpEngine platformHttpEngine(Environment environment) {
		return new SpringBootPlatformHttpEngine(environment.getProperty("server.port", Integer.class, 8080),
				Runnable::run);
	}

	/**
	 * No {@code http.server.requests} observation for the webhook: it cost about a tenth
	 * of the request threads' CPU under load, and {@code leadrelay.webhook.request}
	 * (latency of every POST) with {@code leadrelay.webhook.rejected} (every refusal, by
	 * reason) already say what it would.
	 */
	@Bean
	ObservationPredicate noRequestObservationOnWebhook() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier() != null && WEBHOOK_PATH.equals(request.getCarrier().getRequestURI()));
	}

	@Bean
	FilterRegistrationBean<WebhookBodyLimitFilter> webhookBodyLimitFilter(IngestProperties properties,
			IngestMetrics metrics, ObjectMapper mapper) {
		FilterRegistrationBean<WebhookBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new WebhookBodyLimitFilter(properties, metrics, mapper));
		registration.addUrlPatterns(WEBHOOK_PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
