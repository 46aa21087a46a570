package io.leadrelay.alert;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.NetworkGuard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one message to one channel: an email through Spring's {@link JavaMailSender}
 * (configured by {@code spring.mail.*}), or a JSON {@code {"text": ...}} posted to an
 * incoming webhook through the delivery engine's {@link NetworkGuard}. Never throws: the
 * result says what went wrong, in words, without the webhook URL (a secret).
 */
@Component
class ChannelSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final HttpClient http;

	private final ObjectMapper json;

	private final AlertsProperties properties;

	ChannelSender(ObjectProvider<JavaMailSender> mail, NetworkGuard guard, ObjectMapper json,
			AlertsProperties properties) {
		this.mail = mail;
		this.http = guard.client(HttpClient.newBuilder().connectTimeout(properties.sendTimeout()));
		this.json = json;
		this.properties = properties;
	}

	SendResult send(Target target, AlertMessage message) {
		return (target.kind() == ChannelKind.EMAIL) ? email(target, message) : post(target, message);
	}

	private SendResult email(Target target, AlertMessage message) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return SendResult.failed("No mail server is configured: set spring.mail.host (and its port, user name and "
					+ "password) in LeadRelay's configuration.");
		}
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.properties.from());
		mail.setTo(target.recipients().toArray(String[]::new));
		mail.setSubject(message.subject());
		mail.setText(message.text());
		try {
			sender.send(mail);
			return SendResult
				.sent("The mail server took the email for " + String.join(", ", target.recipients()) + ".");
		}
		catch (MailException ex) {
			return SendResult.failed("The email could not be sent: " + causes(ex));
		}
	}

	private SendResult post(Target target, AlertMessage message) {
		try {
			HttpRequest request = HttpRequest.newBuilder(target.webhookUrl())
				.timeout(this.properties.sendTimeout())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body(message)))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return SendResult.sent("The webhook at " + target.webhookUrl().getHost() + " took the message (HTTP "
						+ response.statusCode() + ").");
			}
			return SendResult.failed("The webhook at " + target.webhookUrl().getHost() + " answered HTTP "
					+ response.statusCode() + ": " + abbreviate(response.body()));
		}
		catch (IOException ex) {
			return SendResult.failed("The webhook at " + target.webhookUrl().getHost() + " could not be reached: "
					+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return SendResult.failed("Sending was interrupted");
		}
	}

	private String body(AlertMessage message) throws JsonProcessingException {
		return this.json.writeValueAsString(Map.of("text", chatEscaped(message.chatText())));
	}

	/**
	 * The text with {@code &}, {@code <} and {@code >} escaped as Slack (and Mattermost)
	 * want them: a lead's answer such as {@code <!channel>} or
	 * {@code <https://evil|https://leads.example.com>} then shows as written instead of
	 * pinging everyone or disguising a link.
	 */
	static String chatEscaped(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String causes(Throwable ex) {
		StringBuilder words = new StringBuilder();
		for (Throwable cause = ex; cause != null && words.length() < 400; cause = cause.getCause()) {
			if (cause.getMessage() != null && !words.toString().contains(cause.getMessage())) {
				words.append((words.length() > 0) ? "; " : "").append(cause.getMessage());
			}
		}
		return abbreviate(words.toString().strip());
	}

	private static String abbreviate(String text) {
		String oneLine = (text != null) ? text.replaceAll("\\s+", " ").strip() : "";
		return (oneLine.length() > 300) ? oneLine.substring(0, 300) + "…" : oneLine;
	}

}
