package io.leadrelay.mapping.web;

import java.util.List;

/**
 * What the live preview shows: the problem that stops the draft being used, or what it
 * makes of each lead.
 *
 * @param problem why the draft cannot be used yet ({@code null} when it can)
 * @param problemAt where the problem is shown in the form ({@link EditorErrors}' keys)
 * @param sample whether the leads are a made-up sample (no real lead of the forms yet)
 * @param leads one result per lead
 */
record EditorPreview(String problem, String problemAt, boolean sample, List<LeadPreview> leads) {

	static EditorPreview problem(String message, String at) {
		return new EditorPreview(message, at, false, List.of());
	}

	/**
	 * One lead's result.
	 *
	 * @param title which lead it is (its form and when it came)
	 * @param taken whether the mapping would take it
	 * @param whyNot why it would not ({@code null} when taken)
	 * @param rows one per CRM field of the mapping
	 */
	record LeadPreview(String title, boolean taken, String whyNot, List<Row> rows) {

		public boolean refused() {
			return this.rows.stream().anyMatch((row) -> row.error() != null);
		}

	}

	/**
	 * One CRM field as the lead fills it.
	 *
	 * @param target the CRM field
	 * @param value what would be sent ({@code null}: nothing)
	 * @param error why the field is refused ({@code null}: it is not)
	 */
	record Row(String target, String value, String error) {
	}

}
