package io.leadrelay.ingest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

/**
 * Webhooks arriving together wait for one commit together, however many there are: the
 * route runs on the thread that received the request, not on one of a few pool threads
 * (Spring's task executor has eight), which capped a group commit at eight requests.
 */
@LeadRelayIntegrationTest
class WebhookConcurrencyIntegrationTests {

	static final int REQUESTS = 20;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GroupCommitter committer;

	@MockitoSpyBean
	LeadEventInbox inbox;

	@Test
	void twentyWebhooksInFlightAreCommittedTogether() throws Exception {
		TableCleaner.deleteAll(this.jdbc);
		AtomicBoolean first = new AtomicBoolean(true);
		// The first commit waits until every other request is queued behind it.
		doAnswer((invocation) -> {
			if (first.getAndSet(false)) {
				int inGroup = invocation.<List<?>>getArgument(0).size();
				await().atMost(Duration.ofSeconds(30)).until(() -> inGroup + this.committer.waiting() == REQUESTS);
			}
			return invocation.callRealMethod();
		}).when(this.inbox).storeAll(anyList());
		WebhookClient client = new WebhookClient(this.port);
		ExecutorService senders = Executors.newFixedThreadPool(REQUESTS);
		try {
			List<Future<HttpResponse<String>>> answers = IntStream.range(0, REQUESTS)
				.mapToObj((i) -> LeadgenPayloads.notification(List.of(String.valueOf(940000000000000L + i))))
				.map((body) -> senders.submit(() -> client.postSigned(LeadRelayIntegrationTest.APP_SECRET, body)))
				.toList();
			for (Future<HttpResponse<String>> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			}
		}
		finally {
			senders.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event", Integer.class)).isEqualTo(REQUESTS);
	}

}
