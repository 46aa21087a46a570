package io.leadrelay.ingest;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.meta.MetaProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the webhook: the {@code metaWebhook} bean the route calls, and the body limit in
 * front of it.
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
