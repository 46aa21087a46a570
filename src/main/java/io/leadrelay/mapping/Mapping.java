package io.leadrelay.mapping;

import java.util.List;
import java.util.Set;

/**
 * How leads that match become a payload for one destination.
 *
 * @param id the mapping's id
 * @param version its version
 * @param destination the destination the payload goes to
 * @param enabled whether leads are mapped with it
 * @param pages the pages whose leads it takes (empty: all)
 * @param forms the forms whose leads it takes (empty: all)
 * @param platforms the platforms ({@code fb}, {@code ig}) whose leads it takes (empty:
 * all)
 * @param condition what else a lead must satisfy
 * @param fields how each CRM field is filled
 */
public record Mapping(String id, int version, String destination, boolean enabled, Set<String> pages, Set<String> forms,
		Set<String> platforms, Condition condition, List<FieldRule> fields) {

	public Mapping {
		pages = Set.copyOf(pages);
		forms = Set.copyOf(forms);
		platforms = Set.copyOf(platforms);
		fields = List.copyOf(fields);
	}

}
