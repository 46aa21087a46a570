package io.leadrelay.pipeline;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.pipeline.ReprocessOutcome.DestinationOutcome;
import io.leadrelay.pipeline.ReprocessOutcome.Result;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs leads through the current mappings again, one or all that a filter matches, each
 * in a transaction of its own and audited ({@code lead.reprocessed}, with counts, never
 * answers). A filtered or mapped lead is mapped again from its stored answers
 * ({@link LeadReprocessor}); it becomes {@code mapped} when a mapping takes it, and a
 * mapped lead stays mapped. A failed lead goes back to {@code received}, so the pipeline
 * fetches it from Meta again. Leads still on their way (received, enriching) or waiting
 * for a token are refused.
 */
@Service
public class Reprocessing {

	/** The most leads one bulk reprocess takes. */
	public static final int MAX_BULK = 1000;

	static final Set<LeadEventStatus> REPROCESSABLE = Set.of(LeadEventStatus.FILTERED, LeadEventStatus.MAPPED,
			LeadEventStatus.FAILED);

	private static final String REPROCESSABLE_CODES = "('filtered', 'mapped', 'failed')";

	private final JdbcTemplate jdbc;

	private final LeadReprocessor reprocessor;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	Reprocessing(JdbcTemplate jdbc, LeadReprocessor reprocessor, TransactionTemplate transactions, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.reprocessor = reprocessor;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Reprocesses one lead.
	 * @throws UnknownLeadException when no such lead was received
	 * @throws ReprocessRefusedException when its status does not allow it, or its answers
	 * are gone
	 */
	public ReprocessOutcome reprocess(String leadgenId, String actor) {
		return this.transactions.execute((tx) -> {
			String before = this.jdbc
				.queryForList("SELECT status FROM lead_event WHERE leadgen_id = ? FOR UPDATE", String.class, leadgenId)
				.stream()
				.findFirst()
				.orElseThrow(() -> new UnknownLeadException(leadgenId));
			LeadEventStatus status = LeadEventStatus.fromCode(before).orElseThrow();
			ReprocessOutcome outcome = switch (status) {
				case FAILED -> fetchAgain(leadgenId);
				case FILTERED, MAPPED -> remap(leadgenId, status, actor);
				default -> throw new ReprocessRefusedException(null, refusal(leadgenId, status));
			};
			audit(outcome, actor);
			return outcome;
		});
	}

	/**
	 * How many leads a bulk reprocess with this filter would take in all.
	 * @throws ReprocessRefusedException when the filter names a status that cannot be
	 * reprocessed
	 */
	public long count(ReprocessFilter filter) {
		List<Object> arguments = new ArrayList<>();
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event" + where(filter, arguments), Long.class,
				arguments.toArray());
		return (count != null) ? count : 0;
	}

	/**
	 * Reprocesses up to {@value #MAX_BULK} leads the filter matches, oldest first.
	 * @param after the last lead of the previous call ({@link BulkOutcome#next()}), or
	 * {@code null} to start from the oldest
	 */
	public BulkOutcome reprocessAll(ReprocessFilter filter, String after, String actor) {
		List<Object> arguments = new ArrayList<>();
		String where = where(filter, arguments);
		if (after != null) {
			where += " AND id > (SELECT id FROM lead_event WHERE leadgen_id = ?)";
			arguments.add(after);
		}
		arguments.add(MAX_BULK);
		List<String> leadgenIds = this.jdbc.queryForList(
				"SELECT leadgen_id FROM lead_event" + where + " ORDER BY id LIMIT ?", String.class,
				arguments.toArray());
		List<Failure> failed = new ArrayList<>();
		int reprocessed = 0;
		int nowMapped = 0;
		int fetchedAgain = 0;
		for (String leadgenId : leadgenIds) {
			try {
				ReprocessOutcome outcome = reprocess(leadgenId, actor);
				reprocessed++;
				nowMapped += outcome.nowMapped() ? 1 : 0;
				fetchedAgain += outcome.fetchedAgain() ? 1 : 0;
			}
			catch (ReprocessRefusedException | UnknownLeadException ex) {
				failed.add(new Failure(leadgenId, ex.getMessage()));
			}
		}
		boolean more = leadgenIds.size() == MAX_BULK;
		return new BulkOutcome(leadgenIds.size(), reprocessed, nowMapped, fetchedAgain, failed, more,
				more ? leadgenIds.get(leadgenIds.size() - 1) : null);
	}

	/**
	 * The name of a form, as its most recent stored lead gives it, to show beside its id.
	 */
	public Optional<String> formName(String formId) {
		return this.jdbc.queryForList("""
				SELECT l.form_name FROM lead_event e JOIN lead l ON l.leadgen_id = e.leadgen_id
				WHERE e.form_id = ? AND l.form_name IS NOT NULL ORDER BY e.id DESC LIMIT 1""", String.class, formId)
			.stream()
			.findFirst();
	}

	private ReprocessOutcome fetchAgain(String leadgenId) {
		this.jdbc.update("""
				UPDATE lead_event SET status = 'received', attempts = 0, last_error = NULL, next_attempt_at = NULL,
				    claimed_by = NULL, claimed_until = NULL WHERE leadgen_id = ?""", leadgenId);
		return new ReprocessOutcome(leadgenId, LeadEventStatus.FAILED.code(), LeadEventStatus.RECEIVED.code(),
				List.of());
	}

	private ReprocessOutcome remap(String leadgenId, LeadEventStatus before, String actor) {
		List<DestinationOutcome> destinations = this.reprocessor.remap(leadgenId, actor);
		LeadEventStatus after = (destinations.isEmpty() && before == LeadEventStatus.FILTERED)
				? LeadEventStatus.FILTERED : LeadEventStatus.MAPPED;
		if (after != before) {
			this.jdbc.update("UPDATE lead_event SET status = ?, last_error = NULL WHERE leadgen_id = ?", after.code(),
					leadgenId);
		}
		return new ReprocessOutcome(leadgenId, before.code(), after.code(), destinations);
	}

	private void audit(ReprocessOutcome outcome, String actor) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("from", outcome.previousStatus());
		details.put("to", outcome.status());
		if (!outcome.fetchedAgain()) {
			for (Result result : Result.values()) {
				details.put(result.name().toLowerCase(Locale.ROOT), outcome.count(result));
			}
		}
		this.audit.record(
				new AuditEntry(this.clock.instant(), actor, "lead.reprocessed", "lead", outcome.leadgenId(), details));
	}

	private static String refusal(String leadgenId, LeadEventStatus status) {
		return switch (status) {
			case NEEDS_TOKEN -> "Lead " + leadgenId
					+ " is waiting for its page's access token; it goes on by itself once the page has one";
			default -> "Lead " + leadgenId
					+ " is still being processed; only filtered, mapped or failed leads can be reprocessed";
		};
	}

	private static String where(ReprocessFilter filter, List<Object> arguments) {
		StringBuilder where = new StringBuilder();
		if (filter.status() == null) {
			where.append(" WHERE status IN ").append(REPROCESSABLE_CODES);
		}
		else if (REPROCESSABLE.contains(filter.status())) {
			where.append(" WHERE status = ?");
			arguments.add(filter.status().code());
		}
		else {
			throw new ReprocessRefusedException("status", "only filtered, mapped or failed leads can be reprocessed");
		}
		condition(where, arguments, "leadgen_id = ?", filter.leadgenId());
		condition(where, arguments, "page_id = ?", filter.pageId());
		condition(where, arguments, "form_id = ?", filter.formId());
		condition(where, arguments, "received_at >= ?",
				(filter.from() != null) ? filter.from().atOffset(ZoneOffset.UTC) : null);
		condition(where, arguments, "received_at < ?",
				(filter.to() != null) ? filter.to().atOffset(ZoneOffset.UTC) : null);
		return where.toString();
	}

	private static void condition(StringBuilder where, List<Object> arguments, String condition, Object value) {
		if (value != null) {
			where.append(" AND ").append(condition);
			arguments.add(value);
		}
	}

	/**
	 * What a bulk reprocess did.
	 *
	 * @param matched how many leads it took (at most {@value #MAX_BULK} per call)
	 * @param reprocessed how many were reprocessed
	 * @param nowMapped how many of them a mapping now takes
	 * @param fetchedAgain how many failed leads go to be fetched from Meta again
	 * @param failed the leads that could not be reprocessed, and why
	 * @param more whether more may match: call again with {@code after} = {@code next}
	 * @param next the last lead taken when there may be more, else {@code null}
	 */
	public record BulkOutcome(int matched, int reprocessed, int nowMapped, int fetchedAgain, List<Failure> failed,
			boolean more, String next) {
	}

	/**
	 * A lead a bulk reprocess left as it was.
	 *
	 * @param leadgenId the lead
	 * @param reason why
	 */
	public record Failure(String leadgenId, String reason) {
	}

}
