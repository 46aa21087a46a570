package io.leadrelay.alert;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.leadrelay.mapping.LeadData;
import io.leadrelay.pipeline.LeadStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the new-lead notifications of each lead the pipeline stores, once its transaction
 * has committed, on a thread of its own: a slow channel never holds the pipeline up (when
 * too many wait, the newest are dropped, and that is logged). The messages carry a lead's
 * answers, so they are never logged.
 */
@Component
class NewLeadNotifier implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NewLeadNotifier.class);

	private static final int QUEUE = 1000;

	private final LeadNotifications notifications;

	private final AlertChannels channels;

	private final AlertsProperties properties;

	private final ThreadPoolExecutor senders = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(QUEUE), (task) -> {
				Thread thread = new Thread(task, "lead-notifications");
				thread.setDaemon(true);
				return thread;
			}, (task, executor) -> log.warn("A new-lead notification was dropped: {} are waiting to be sent", QUEUE));

	NewLeadNotifier(LeadNotifications notifications, AlertChannels channels, AlertsProperties properties) {
		this.notifications = notifications;
		this.channels = channels;
		this.properties = properties;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void stored(LeadStored event) {
		LeadData lead = event.lead();
		List<LeadNotificationView> wanted;
		try {
			wanted = this.notifications.enabledFor(lead.metadata().get("form_id"));
		}
		catch (RuntimeException ex) {
			log.warn("The new-lead notifications could not be read", ex);
			return;
		}
		for (LeadNotificationView notification : wanted) {
			AlertMessage message = message(lead, notification.fields());
			this.senders.execute(() -> send(notification, message));
		}
	}

	private void send(LeadNotificationView notification, AlertMessage message) {
		try {
			SendResult result = this.channels.send(notification.channelId(), message);
			if (!result.sent()) {
				// Not the reason: a receiver's reply may quote the lead's answers back.
				log.warn("A new-lead notification to channel {} was not sent; a test alert from Settings > Alerts "
						+ "shows why", notification.channelName());
			}
		}
		catch (RuntimeException ex) {
			log.warn("A new-lead notification to channel {} was not sent ({})", notification.channelName(),
					ex.getClass().getSimpleName());
		}
	}

	AlertMessage message(LeadData lead, List<String> fields) {
		String form = lead.metadata().getOrDefault("form_name", "form " + lead.metadata().get("form_id"));
		boolean test = "true".equals(lead.metadata().get("is_test"));
		StringBuilder text = new StringBuilder(
				(test ? "A test lead" : "A new lead") + " came in from the form " + form + ".\n");
		for (String field : fields) {
			String answer = lead.answer(field);
			// One line per answer: an answer cannot fake the lines around it.
			text.append('\n')
				.append(field)
				.append(": ")
				.append((answer != null) ? answer.replaceAll("[\\r\\n]+", " ") : "(not answered)");
		}
		text.append("\n\nSee it at ").append(this.properties.linkTo("/leads/" + lead.metadata().get("leadgen_id")));
		return new AlertMessage((test ? "Test lead: " : "New lead: ") + form, text.toString());
	}

	@Override
	public void destroy() {
		this.senders.shutdownNow();
	}

}
