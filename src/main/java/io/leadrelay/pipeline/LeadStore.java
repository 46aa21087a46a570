package io.leadrelay.pipeline;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.graph.GraphLead;
import io.leadrelay.mapping.LeadData;
import io.leadrelay.mapping.StoredLeads;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each enriched lead once, answers included: Meta may stop serving a lead after
 * about 90 days, so its first fetch is what LeadRelay keeps.
 */
@Component
public class LeadStore implements StoredLeads {

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<String, Boolean>> CONSENTS = new TypeReference<>() {
	};

	private static final String INSERT_IF_ABSENT = """
			INSERT INTO lead (leadgen_id, page_id, form_id, form_name, ad_id, ad_name, adset_id, adset_name,
			    campaign_id, campaign_name, platform, organic, created_time, answers, enriched_at, consents)
			SELECT CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)),
			    CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)),
			    CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)), CAST(? AS VARCHAR(16)), CAST(? AS BOOLEAN),
			    CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(100000)), CAST(? AS TIMESTAMP WITH TIME ZONE),
			    CAST(? AS VARCHAR(4000))
			WHERE NOT EXISTS (SELECT 1 FROM lead WHERE leadgen_id = ?)""";

	private static final String LEAD_COLUMNS = """
			SELECT leadgen_id, created_time, answers, form_id, form_name, ad_id, ad_name, adset_id, adset_name,
			    campaign_id, campaign_name, platform, organic, page_id, test, consents FROM lead""";

	/** Adds one search term of a lead ({@code lead_contact}). */
	public static final String INSERT_CONTACT = "INSERT INTO lead_contact (leadgen_id, kind, term) VALUES (?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	LeadStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Keeps the lead unless it is kept already, and what its person can be found by
	 * ({@link LeadContacts}).
	 */
	public void save(String pageId, GraphLead lead) {
		saveAll(pageId, List.of(lead));
	}

	/** {@link #save Keeps} several leads of one page, in one batch of each statement. */
	void saveAll(String pageId, List<GraphLead> leads) {
		if (leads.isEmpty()) {
			return;
		}
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		int[] inserted = this.jdbc.batchUpdate(INSERT_IF_ABSENT,
				leads.stream()
					.map((lead) -> new Object[] { lead.leadgenId(), pageId, lead.formId(), lead.formName(), lead.adId(),
							lead.adName(), lead.adsetId(), lead.adsetName(), lead.campaignId(), lead.campaignName(),
							lead.platform(), lead.organic(),
							(lead.createdTime() != null) ? lead.createdTime().atOffset(ZoneOffset.UTC) : null,
							write(lead.answers()), now, write((lead.consents() != null) ? lead.consents() : Map.of()),
							lead.leadgenId() })
					.toList());
		List<Object[]> terms = new ArrayList<>();
		for (int index = 0; index < leads.size(); index++) {
			if (inserted[index] == 1) {
				String leadgenId = leads.get(index).leadgenId();
				LeadContacts.of(leads.get(index).answers())
					.forEach((term) -> terms.add(new Object[] { leadgenId, term.kind().code(), term.term() }));
			}
		}
		if (!terms.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_CONTACT, terms);
		}
	}

	/**
	 * Keeps a test lead a person sent, marked as a test ({@code lead.test}), with what
	 * its person can be found by.
	 */
	public void saveTest(String pageId, GraphLead lead) {
		save(pageId, lead);
		this.jdbc.update("UPDATE lead SET test = TRUE WHERE leadgen_id = ?", lead.leadgenId());
	}

	/**
	 * What a mapping reads of a stored lead, for a preview, a remap or a reprocess.
	 * @return empty when the lead was never enriched, or its personal data was removed
	 * (erasure, retention): it has no answers left to map
	 */
	@Override
	public Optional<LeadData> find(String leadgenId) {
		return this.jdbc
			.query(LEAD_COLUMNS + " WHERE leadgen_id = ? AND personal_data_removed_at IS NULL", this::lead, leadgenId)
			.stream()
			.findFirst();
	}

	@Override
	public List<LeadData> latest(Collection<String> formIds, int limit) {
		List<Object> arguments = new ArrayList<>(formIds);
		String forms = formIds.isEmpty() ? ""
				: " AND form_id IN (" + String.join(", ", Collections.nCopies(formIds.size(), "?")) + ")";
		arguments.add(limit);
		return this.jdbc.query(
				LEAD_COLUMNS + " WHERE test = FALSE AND personal_data_removed_at IS NULL" + forms
						+ " ORDER BY enriched_at DESC, leadgen_id DESC FETCH FIRST ? ROWS ONLY",
				this::lead, arguments.toArray());
	}

	private LeadData lead(ResultSet rs, int row) throws SQLException {
		return data(rs.getString(14), rs.getBoolean(15),
				new GraphLead(rs.getString(1),
						(rs.getObject(2) != null) ? rs.getObject(2, OffsetDateTime.class).toInstant() : null,
						read(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
						rs.getBoolean(13), consents(rs.getString(16))));
	}

	/** What a mapping reads of a lead: its answers and what Meta says about it. */
	static LeadData data(String pageId, GraphLead lead) {
		return data(pageId, false, lead);
	}

	/**
	 * What a mapping reads of a lead, a test lead or not.
	 * @param test whether it is a test lead a person sent
	 */
	public static LeadData data(String pageId, boolean test, GraphLead lead) {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("leadgen_id", lead.leadgenId());
		metadata.put("page_id", pageId);
		metadata.put("form_id", lead.formId());
		metadata.put("form_name", lead.formName());
		metadata.put("ad_id", lead.adId());
		metadata.put("ad_name", lead.adName());
		metadata.put("adset_id", lead.adsetId());
		metadata.put("adset_name", lead.adsetName());
		metadata.put("campaign_id", lead.campaignId());
		metadata.put("campaign_name", lead.campaignName());
		metadata.put("platform", lead.platform());
		metadata.put("is_organic", String.valueOf(lead.organic()));
		metadata.put("created_time", (lead.createdTime() != null) ? lead.createdTime().toString() : null);
		metadata.put("is_test", String.valueOf(test));
		if (lead.consents() != null) {
			lead.consents()
				.forEach((key, ticked) -> metadata.put(LeadData.CONSENT_PREFIX + key, String.valueOf(ticked)));
		}
		metadata.values().removeIf((value) -> value == null);
		return new LeadData(lead.answers(), metadata);
	}

	private Map<String, List<String>> read(String answers) {
		try {
			return this.json.readValue(answers, ANSWERS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored lead's answers are not JSON", ex);
		}
	}

	private Map<String, Boolean> consents(String consents) {
		try {
			return (consents != null) ? this.json.readValue(consents, CONSENTS) : Map.of();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored lead's consents are not JSON", ex);
		}
	}

	String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
