package io.leadrelay.page.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many of a page's leads are not done yet, for the question "what happens to them if
 * I disconnect it?". Read from the pipeline's and the delivery engine's tables: those
 * features use pages, so the page feature may not call them back.
 */
@Component
class WaitingLeads {

	private final JdbcTemplate jdbc;

	WaitingLeads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Leads told by Meta whose answers are not read yet (they need the page's token). */
	int unread(String pageId) {
		return count("""
				SELECT COUNT(*) FROM lead_event
				WHERE page_id = ? AND status IN ('received', 'enriching', 'needs_token')""", pageId);
	}

	/** Leads read whose sending to a destination is not finished. */
	int unsent(String pageId) {
		return count("""
				SELECT COUNT(DISTINCT d.leadgen_id) FROM delivery d JOIN lead l ON l.leadgen_id = d.leadgen_id
				WHERE l.page_id = ? AND d.status IN ('pending', 'in_flight', 'retrying', 'dead')""", pageId);
	}

	private int count(String sql, String pageId) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, pageId);
		return (count != null) ? count : 0;
	}

}
