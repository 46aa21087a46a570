package io.leadrelay.delivery;

import java.util.Map;

import io.leadrelay.delivery.CrmErasures.CrmRecord;

/**
 * What a connector needs to ask its CRM to delete one person's record.
 *
 * @param record the record, with the person's email when known (never log it)
 * @param settings the destination's settings (defaults filled in)
 * @param credentials the destination's credentials, decrypted; never log them
 */
public record CrmErasureRequest(CrmRecord record, Map<String, String> settings, Map<String, String> credentials) {

	public CrmErasureRequest {
		settings = Map.copyOf(settings);
		credentials = Map.copyOf(credentials);
	}

	/** The CRM's id of the record, or {@code null} when the delivery kept none. */
	public String crmRecordId() {
		return present(this.record.crmRecordId()) ? this.record.crmRecordId() : null;
	}

	/** The person's email, or {@code null}. */
	public String email() {
		return present(this.record.email()) ? this.record.email().strip() : null;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "CrmErasureRequest[" + this.record + "]";
	}

}
