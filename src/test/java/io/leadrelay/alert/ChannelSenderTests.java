package io.leadrelay.alert;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.NetworkGuard;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelSenderTests {

	private final AlertsProperties properties = new AlertsProperties(Duration.ofMinutes(1), Duration.ofHours(4),
			Duration.ofMinutes(5), "leadrelay@example.com", true, Duration.ofSeconds(2), Duration.ofSeconds(30),
			Duration.ofSeconds(5), 3, null);

	@Test
	void saysInWordsThatTheMailServerCannotBeReached() throws Exception {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(closedPort());
		ChannelSender sender = sender(mail);

		SendResult result = sender.send(new Target(1, "Ops", ChannelKind.EMAIL, List.of("ops@example.com"), null),
				new AlertMessage("Subject", "Text"));

		assertThat(result.sent()).isFalse();
		assertThat(result.message()).startsWith("The email could not be sent: ").contains("Connection refused");
	}

	@Test
	void saysThatNoMailServerIsConfigured() {
		SendResult result = sender(null).send(new Target(1, "Ops", ChannelKind.EMAIL, List.of("ops@example.com"), null),
				new AlertMessage("Subject", "Text"));

		assertThat(result.sent()).isFalse();
		assertThat(result.message()).startsWith("No mail server is configured: set spring.mail.host");
	}

	@Test
	void saysInWordsThatTheWebhookCannotBeReachedWithoutItsUrl() throws Exception {
		URI url = URI.create("http://127.0.0.1:" + closedPort() + "/services/T0/B0/secret");

		SendResult result = sender(null).send(new Target(1, "Chat", ChannelKind.WEBHOOK, List.of(), url),
				new AlertMessage("Subject", "Text"));

		assertThat(result.sent()).isFalse();
		assertThat(result.message()).startsWith("The webhook at 127.0.0.1 could not be reached")
			.doesNotContain("secret");
	}

	private ChannelSender sender(JavaMailSender mail) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		if (mail != null) {
			beans.registerSingleton("mailSender", mail);
		}
		return new ChannelSender(beans.getBeanProvider(JavaMailSender.class), NetworkGuard.allowingLoopback(),
				new ObjectMapper(), this.properties);
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
