package io.leadrelay.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.MetaSignatures;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that misbehave at the HTTP level, over raw sockets against the running engine.
 * Proves that a body declared or streamed past the 1 MB limit is answered 413 before the
 * client has sent it all, that a client trickling its body in does not hold up other
 * senders, and that a client hanging up mid-body leaves nothing stored; after each, the
 * engine is healthy and still stores a real notification.
 */
@LeadRelayIntegrationTest
class HostileClientsIntegrationTests {

	static final String SECRET = LeadRelayIntegrationTest.APP_SECRET;

	private static final int CHUNK = 64 * 1024;

	private static final long STREAMED_BYTES = 64L * 1024 * 1024;

	private static final AtomicLong LEADGEN_IDS = new AtomicLong(950_000_000_000_000L);

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	WebhookClient client;

	ExecutorService executor;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
		this.executor = Executors.newFixedThreadPool(2);
		TableCleaner.deleteAll(this.jdbc);
	}

	@AfterEach
	void stopExecutor() {
		this.executor.shutdownNow();
	}

	@Test
	void refusesABodyDeclaredAsTwoGigabytesWithoutWaitingForIt() throws Exception {
		String leadgenId = freshLeadgenId();
		byte[] body = LeadgenPayloads.notification(leadgenId);
		try (Socket socket = open()) {
			OutputStream out = socket.getOutputStream();
			out.write(HostileArbitraries.concat(head(MetaSignatures.sign(SECRET, body), "Content-Length: 2147483648"),
					body));
			out.flush();
			String response = readResponse(socket);
			assertThat(response).startsWith("HTTP/1.1 413").contains("\"reason\":\"body_too_large\"");
		}
		assertThat(storedWithId(leadgenId)).isZero();
		assertStillServing();
	}

	@Test
	void refusesAChunkedBodyStreamingPastTheLimitBeforeItEnds() throws Exception {
		byte[] chunk = new byte[CHUNK];
		Arrays.fill(chunk, (byte) ' ');
		String signature = signRepeated(chunk, STREAMED_BYTES / CHUNK);
		AtomicLong sent = new AtomicLong();
		try (Socket socket = open()) {
			OutputStream out = socket.getOutputStream();
			out.write(head(signature, "Transfer-Encoding: chunked"));
			Future<Boolean> writer = this.executor.submit(() -> streamChunks(out, chunk, sent));
			assertThat(readStatusLine(socket)).startsWith("HTTP/1.1 413");
			assertThat(sent.get()).as("bytes sent when the answer came").isLessThan(STREAMED_BYTES);
			socket.close();
			assertThat(writer.get(30, TimeUnit.SECONDS)).as("the whole body could be sent").isFalse();
		}
		assertThat(storedLeads()).isZero();
		assertStillServing();
	}

	@Test
	void servesOtherSendersWhileAClientTricklesItsBody() throws Exception {
		String slowId = freshLeadgenId();
		byte[] body = LeadgenPayloads.notification(slowId);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch othersServed = new CountDownLatch(1);
		Future<String> slow = this.executor.submit(() -> trickle(body, started, othersServed));
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 20; i++) {
			String leadgenId = freshLeadgenId();
			HttpResponse<String> response = this.client.postSigned(SECRET, LeadgenPayloads.notification(leadgenId));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(storedWithId(leadgenId)).isEqualTo(1);
		}
		othersServed.countDown();
		assertThat(slow.get(30, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200");
		assertThat(storedWithId(slowId)).isEqualTo(1);
		assertThat(storedLeads()).isEqualTo(21);
		assertStillServing();
	}

	/**
	 * The bytes sent are a whole signed notification, or half of it; the declared length
	 * is longer. Taking what arrived as the body would store the lead.
	 */
	@ParameterizedTest(name = "sends {0}% of the signed body")
	@ValueSource(ints = { 50, 100 })
	void storesNothingWhenTheClientHangsUpMidBody(int percent) throws Exception {
		String leadgenId = freshLeadgenId();
		byte[] body = LeadgenPayloads.notification(leadgenId);
		try (Socket socket = open()) {
			OutputStream out = socket.getOutputStream();
			out.write(head(MetaSignatures.sign(SECRET, body), "Content-Length: " + (body.length + 100)));
			out.write(body, 0, body.length * percent / 100);
			out.flush();
		}
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).until(() -> storedWithId(leadgenId) == 0);
		assertStillServing();
	}

	/**
	 * Sends the body a few bytes at a time over about 2 s, the last byte once allowed.
	 */
	private String trickle(byte[] body, CountDownLatch started, CountDownLatch allowed) throws Exception {
		try (Socket socket = open()) {
			OutputStream out = socket.getOutputStream();
			out.write(head(MetaSignatures.sign(SECRET, body), "Content-Length: " + body.length));
			int piece = 8;
			long pause = Duration.ofSeconds(2).toNanos() / (body.length / piece + 1);
			int offset = 0;
			while (offset < body.length - 1) {
				int length = Math.min(piece, body.length - 1 - offset);
				out.write(body, offset, length);
				out.flush();
				offset += length;
				started.countDown();
				LockSupport.parkNanos(pause);
			}
			assertThat(allowed.await(30, TimeUnit.SECONDS)).isTrue();
			out.write(body, offset, 1);
			out.flush();
			return readStatusLine(socket);
		}
	}

	/** Writes chunks until the body is sent ({@code true}) or the server cuts it off. */
	private static boolean streamChunks(OutputStream out, byte[] chunk, AtomicLong sent) {
		byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
		try {
			while (sent.get() < STREAMED_BYTES) {
				out.write(size);
				out.write(chunk);
				out.write(end);
				sent.addAndGet(chunk.length);
			}
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String signRepeated(byte[] chunk, long times) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		for (long i = 0; i < times; i++) {
			mac.update(chunk);
		}
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
	}

	private Socket open() throws IOException {
		Socket socket = new Socket("localhost", this.port);
		socket.setSoTimeout(30_000);
		return socket;
	}

	private static byte[] head(String signature, String framing) {
		return ("POST /webhooks/meta HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ WebhookClient.SIGNATURE_HEADER + ": " + signature + "\r\n" + framing + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static String readStatusLine(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			line.write(b);
		}
		return line.toString(StandardCharsets.US_ASCII).strip();
	}

	/**
	 * The status line, headers and a body of the declared Content-Length. Not read to the
	 * end of the stream: Tomcat keeps the connection to swallow up to
	 * {@code server.tomcat.max-swallow-size} of the refused body.
	 */
	private static String readResponse(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b == -1) {
				break;
			}
			head.write(b);
		}
		String headers = head.toString(StandardCharsets.US_ASCII);
		Matcher length = Pattern.compile("(?im)^Content-Length: *([0-9]+)").matcher(headers);
		byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
		return headers + new String(body, StandardCharsets.UTF_8);
	}

	private void assertStillServing() throws Exception {
		HttpResponse<String> health = this.client.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
		String leadgenId = freshLeadgenId();
		assertThat(this.client.postSigned(SECRET, LeadgenPayloads.notification(leadgenId)).statusCode()).isEqualTo(200);
		assertThat(storedWithId(leadgenId)).isEqualTo(1);
	}

	private static String freshLeadgenId() {
		return String.valueOf(LEADGEN_IDS.incrementAndGet());
	}

	private int storedLeads() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event", Integer.class);
		return (count != null) ? count : 0;
	}

	private int storedWithId(String leadgenId) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event WHERE leadgen_id = ?", Integer.class,
				leadgenId);
		return (count != null) ? count : 0;
	}

}
