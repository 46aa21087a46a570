package io.leadrelay.form;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead forms kept for each page, as last read from Meta.
 */
@Service
public class LeadForms {

	private static final String COLUMNS = "SELECT form_id, page_id, name, status, locale, questions, fetched_at FROM lead_form";

	private static final TypeReference<List<LeadForm.Question>> QUESTIONS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final RowMapper<LeadForm> rows;

	LeadForms(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.rows = (rs, row) -> new LeadForm(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), questions(rs.getString(6)), rs.getObject(7, OffsetDateTime.class).toInstant());
	}

	/** Every kept form, by page and name. */
	public List<LeadForm> all() {
		return this.jdbc.query(COLUMNS + " ORDER BY page_id, name, form_id", this.rows);
	}

	/** The page's kept forms, by name. */
	public List<LeadForm> forPage(String pageId) {
		return this.jdbc.query(COLUMNS + " WHERE page_id = ? ORDER BY name, form_id", this.rows, pageId);
	}

	public Optional<LeadForm> get(String formId) {
		return this.jdbc.query(COLUMNS + " WHERE form_id = ?", this.rows, formId).stream().findFirst();
	}

	/** Replaces what is kept of the page's forms with what Meta listed. */
	@Transactional
	public void replaceForPage(String pageId, List<LeadForm> forms, Instant fetchedAt) {
		this.jdbc.update("DELETE FROM lead_form WHERE page_id = ?", pageId);
		OffsetDateTime at = fetchedAt.atOffset(ZoneOffset.UTC);
		for (LeadForm form : forms) {
			this.jdbc.update("""
					INSERT INTO lead_form (form_id, page_id, name, status, locale, questions, fetched_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", form.formId(), pageId, form.name(), form.status(), form.locale(),
					write(form.questions()), at);
		}
	}

	/** Forgets the page's forms (the page was disconnected). */
	public void deleteForPage(String pageId) {
		this.jdbc.update("DELETE FROM lead_form WHERE page_id = ?", pageId);
	}

	private List<LeadForm.Question> questions(String stored) {
		try {
			return this.json.readValue(stored, QUESTIONS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("lead_form.questions is not a JSON list of questions", ex);
		}
	}

	private String write(List<LeadForm.Question> questions) {
		try {
			return this.json.writeValueAsString(questions);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
