package io.leadrelay.setup;

import java.sql.ResultSet;
import java.util.Comparator;

import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;
import io.leadrelay.mapping.MappingSummary;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.page.Pages;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/** Reads how far the install is with its setup ({@link SetupProgress}). */
@Component
public class SetupGuide {

	private final Pages pages;

	private final Destinations destinations;

	private final Mappings mappings;

	private final JdbcTemplate jdbc;

	SetupGuide(Pages pages, Destinations destinations, Mappings mappings, JdbcTemplate jdbc) {
		this.pages = pages;
		this.destinations = destinations;
		this.mappings = mappings;
		this.jdbc = jdbc;
	}

	/** Reads each step's state now. */
	public SetupProgress progress() {
		String firstMapping = this.mappings.list()
			.stream()
			.map(MappingSummary::id)
			.min(Comparator.naturalOrder())
			.orElse(null);
		String firstDestination = this.destinations.list()
			.stream()
			.map(DestinationView::id)
			.min(Comparator.naturalOrder())
			.orElse(null);
		return new SetupProgress(!this.pages.list().isEmpty(), firstDestination != null, firstMapping != null,
				anyLeadDelivered(), firstMapping, firstDestination);
	}

	/**
	 * Whether a lead, a test lead (lead.test) or a real one, reached a CRM: one row of
	 * the status index is enough, however many deliveries there are.
	 */
	private boolean anyLeadDelivered() {
		return Boolean.TRUE.equals(this.jdbc.query("SELECT id FROM delivery WHERE status = 'delivered' LIMIT 1",
				(ResultSetExtractor<Boolean>) ResultSet::next));
	}

}
