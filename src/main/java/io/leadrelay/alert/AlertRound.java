package io.leadrelay.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One alert round, run by the {@code alert-rounds} route once per cluster: asks every
 * {@link AlertCheck} bean what is wrong now; a new condition opens an incident and alerts
 * every enabled channel; one that stays is sent again every
 * {@code leadrelay.alerts.reminder-interval}; one that is gone is resolved, with a
 * "resolved" message once it has stayed away for {@code leadrelay.alerts.resolve-after}.
 * An alert or reminder no channel took is sent again at the next round. A check that
 * throws is logged and its incidents are left as they are this round. Each incident is
 * written (and audited) before its message is sent, so a slow or broken channel never
 * sends the same alert twice.
 */
@Component("alertRound")
public class AlertRound {

	private static final Logger log = LoggerFactory.getLogger(AlertRound.class);

	private final ListableBeanFactory beans;

	private final Incidents incidents;

	private final AlertChannels channels;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final AlertsProperties properties;

	private final Clock clock;

	AlertRound(ListableBeanFactory beans, Incidents incidents, AlertChannels channels, AuditLog audit,
			TransactionTemplate transactions, AlertsProperties properties, Clock clock) {
		this.beans = beans;
		this.incidents = incidents;
		this.channels = channels;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Runs one round; called by the route. */
	public void run() {
		Map<String, List<AlertCondition>> reported = new LinkedHashMap<>();
		Set<String> failed = new HashSet<>();
		this.beans.getBeansOfType(AlertCheck.class).forEach((name, check) -> {
			try {
				reported.put(name, List.copyOf(check.check()));
			}
			catch (RuntimeException ex) {
				log.error("The alert check {} failed; its incidents stay as they are this round", name, ex);
				failed.add(name);
			}
		});
		Map<String, Incidents.Open> open = this.incidents.openWithSource()
			.stream()
			.collect(Collectors.toMap((incident) -> incident.view().key(), Function.identity(), (a, b) -> a));
		Instant now = this.clock.instant();
		Set<String> seen = new HashSet<>();
		reported.forEach((source, conditions) -> {
			for (AlertCondition condition : conditions) {
				if (!seen.add(condition.key())) {
					continue;
				}
				Incidents.Open existing = open.remove(condition.key());
				if (existing == null) {
					raise(source, condition, now);
				}
				else {
					stillWrong(existing, condition, now);
				}
			}
		});
		open.values()
			.stream()
			.filter((incident) -> !failed.contains(incident.source()))
			.forEach((incident) -> gone(incident, now));
	}

	private void raise(String source, AlertCondition condition, Instant now) {
		IncidentView incident = this.transactions.execute((tx) -> {
			IncidentView raised = this.incidents.raise(source, condition, now);
			audit(raised, "alert.raised", now);
			return raised;
		});
		if (!send(new AlertMessage("LeadRelay alert: " + incident.title(), body(incident, "This needs you.")))) {
			retryNextRound(incident, now);
		}
	}

	private void stillWrong(Incidents.Open existing, AlertCondition condition, Instant now) {
		IncidentView before = existing.view();
		this.incidents.stillWrong(before.id(), condition);
		if (!before.lastAlertedAt().plus(this.properties.reminderInterval()).isAfter(now)) {
			remind(new IncidentView(before.id(), before.key(), before.kind(), condition.title(), condition.detail(),
					condition.link(), before.openedAt(), before.lastAlertedAt(), before.reminders()), now);
		}
	}

	/**
	 * A condition no longer reported is resolved once it has stayed away for
	 * {@code resolve-after}; until then it is still open, and if it comes back it is the
	 * same incident, without a new alert.
	 */
	private void gone(Incidents.Open incident, Instant now) {
		Instant absentSince = (incident.absentSince() != null) ? incident.absentSince() : now;
		if (incident.absentSince() == null) {
			this.incidents.absent(incident.view().id(), now);
		}
		if (!absentSince.plus(this.properties.resolveAfter()).isAfter(now)) {
			resolve(incident.view(), now);
		}
	}

	/** No channel took the message: the next round sends it again, as a reminder. */
	private void retryNextRound(IncidentView incident, Instant now) {
		this.incidents.notAlerted(incident.id(), now.minus(this.properties.reminderInterval()));
	}

	private void remind(IncidentView incident, Instant now) {
		this.transactions.executeWithoutResult((tx) -> this.incidents.reminded(incident.id(), now));
		if (!send(new AlertMessage("LeadRelay reminder: " + incident.title(),
				body(incident, "Still wrong since " + incident.openedAt() + ".")))) {
			retryNextRound(incident, now);
		}
	}

	private void resolve(IncidentView incident, Instant now) {
		this.transactions.executeWithoutResult((tx) -> {
			this.incidents.resolve(incident.id(), now);
			audit(incident, "alert.resolved", now);
		});
		send(new AlertMessage("LeadRelay resolved: " + incident.title(), "This is no longer wrong (wrong from "
				+ incident.openedAt() + " to " + now + "). Nothing more to do about it."));
	}

	private String body(IncidentView incident, String lead) {
		String text = lead + "\n\n" + ((incident.detail() != null) ? incident.detail() : incident.title());
		return (incident.link() != null) ? text + "\n\nFix it at " + this.properties.linkTo(incident.link()) : text;
	}

	/**
	 * Sends to every enabled channel.
	 * @return whether a channel took it, or none is enabled (nothing to send again)
	 */
	private boolean send(AlertMessage message) {
		try {
			return this.channels.sendToEnabled(message) > 0 || !this.channels.anyEnabled();
		}
		catch (RuntimeException ex) {
			log.error("Alert '{}' could not be sent", message.subject(), ex);
			return false;
		}
	}

	private void audit(IncidentView incident, String action, Instant now) {
		this.audit.record(new AuditEntry(now, "system", action, "alert", incident.key(),
				AuditDetails.of("kind", incident.kind(), "title", incident.title())));
	}

}
