package io.leadrelay.mapping;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

	/**
	 * The consent checkboxes it reads, by key: in its condition ({@code consent: <key>}
	 * or a test on {@code consent.<key>}) and its fields ({@code meta: consent.<key>}).
	 */
	public Set<String> consentKeys() {
		Set<String> keys = new TreeSet<>();
		consentKeys(this.condition, keys);
		this.fields.stream()
			.map(FieldRule::source)
			.filter(Source.Meta.class::isInstance)
			.map((source) -> ((Source.Meta) source).key())
			.forEach((key) -> addConsent(key, keys));
		return keys;
	}

	private static void consentKeys(Condition condition, Set<String> keys) {
		if (condition instanceof Condition.Consented consented) {
			keys.add(consented.key());
		}
		else if (condition instanceof Condition.All all) {
			all.conditions().forEach((inner) -> consentKeys(inner, keys));
		}
		else if (condition instanceof Condition.Any any) {
			any.conditions().forEach((inner) -> consentKeys(inner, keys));
		}
		else if (condition instanceof Condition.Not not) {
			consentKeys(not.condition(), keys);
		}
		else if (condition instanceof Condition.EqualsValue equals) {
			addConsent(equals.field(), keys);
		}
	}

	private static void addConsent(String name, Set<String> keys) {
		if (name.startsWith(LeadData.CONSENT_PREFIX)) {
			keys.add(name.substring(LeadData.CONSENT_PREFIX.length()));
		}
	}

}
