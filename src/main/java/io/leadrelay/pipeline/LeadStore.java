package io.leadrelay.pipeline;

import java.time.Clock;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.graph.GraphLead;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each enriched lead once, answers included: Meta may stop serving a lead after
 * about 90 days, so its first fetch is what LeadRelay keeps.
 */
@Component
class LeadStore {

	private static final String INSERT_IF_ABSENT = """
			INSERT INTO lead (leadgen_id, page_id, form_id, form_name, ad_id, ad_name, adset_id, adset_name,
			    campaign_id, campaign_name, platform, organic, created_time, answers, enriched_at)
			SELECT CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)),
			    CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)),
			    CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)), CAST(? AS VARCHAR(16)), CAST(? AS BOOLEAN),
			    CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(100000)), CAST(? AS TIMESTAMP WITH TIME ZONE)
			WHERE NOT EXISTS (SELECT 1 FROM lead WHERE leadgen_id = ?)""";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	LeadStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	void save(String pageId, GraphLead lead) {
		this.jdbc.update(INSERT_IF_ABSENT, lead.leadgenId(), pageId, lead.formId(), lead.formName(), lead.adId(),
				lead.adName(), lead.adsetId(), lead.adsetName(), lead.campaignId(), lead.campaignName(),
				lead.platform(), lead.organic(),
				(lead.createdTime() != null) ? lead.createdTime().atOffset(ZoneOffset.UTC) : null,
				write(lead.answers()), this.clock.instant().atOffset(ZoneOffset.UTC), lead.leadgenId());
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
