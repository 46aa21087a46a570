package io.leadrelay.pipeline;

import java.util.stream.Collectors;

import io.leadrelay.delivery.LeadRemapper;
import io.leadrelay.mapping.Mapping;
import io.leadrelay.mapping.MappingEngine;
import io.leadrelay.mapping.MappingResult;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.mapping.StoredMapping;

import org.springframework.stereotype.Component;

/**
 * Maps a stored lead again with the current version of a mapping, for a replay after the
 * mapping was fixed.
 */
@Component
class Remapper implements LeadRemapper {

	private final LeadStore leads;

	private final Mappings mappings;

	private final MappingEngine engine;

	Remapper(LeadStore leads, Mappings mappings, MappingEngine engine) {
		this.leads = leads;
		this.mappings = mappings;
		this.engine = engine;
	}

	@Override
	public Remapped remap(String leadgenId, String mappingId) {
		StoredMapping stored = this.mappings.current(mappingId);
		Mapping mapping = this.mappings.definitionOf(stored);
		return this.leads.find(leadgenId).map((lead) -> {
			MappingResult result = this.engine.apply(mapping, lead);
			String error = result.ok() ? null
					: result.errors().stream().map(MappingResult.FieldError::message).collect(Collectors.joining("; "));
			return new Remapped(this.leads.write(result.payload()), stored.version(), error);
		})
			.orElseGet(() -> new Remapped(null, stored.version(),
					"The lead " + leadgenId + " is no longer stored; resend the payload as it is"));
	}

}
