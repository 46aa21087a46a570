package io.leadrelay.delivery.fields.web;

import java.util.Map;

/**
 * A CRM's field types in a marketer's words ("text" rather than {@code varchar} or
 * {@code string}); the CRM's own type shows on hover.
 */
final class FieldTypeWords {

	static final Map<String, String> WORDS = Map.ofEntries(Map.entry("string", "text"), Map.entry("varchar", "text"),
			Map.entry("varchar_auto", "text"), Map.entry("text", "long text"), Map.entry("textarea", "long text"),
			Map.entry("enumeration", "choice"), Map.entry("picklist", "choice"), Map.entry("enum", "choice"),
			Map.entry("set", "several choices"), Map.entry("multipicklist", "several choices"),
			Map.entry("bool", "yes or no"), Map.entry("boolean", "yes or no"), Map.entry("number", "number"),
			Map.entry("double", "number"), Map.entry("int", "number"), Map.entry("currency", "amount"),
			Map.entry("monetary", "amount"), Map.entry("percent", "percentage"), Map.entry("date", "date"),
			Map.entry("datetime", "date and time"), Map.entry("email", "email"), Map.entry("phone", "phone number"),
			Map.entry("phone number", "phone number"), Map.entry("url", "web address"),
			Map.entry("reference", "link to another record"), Map.entry("id", "record id"), Map.entry("user", "user"),
			Map.entry("org", "organization"), Map.entry("people", "person"), Map.entry("address", "address"));

	private FieldTypeWords() {
	}

}
