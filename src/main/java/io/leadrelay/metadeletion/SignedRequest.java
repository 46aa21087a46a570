package io.leadrelay.metadeletion;

/**
 * What a verified {@code signed_request} asks to delete.
 *
 * @param userId the person's app-scoped id; {@code "0"} or {@code null} when a Page sent
 * it
 * @param profileId the Page that removed the app, {@code null} for a person
 */
public record SignedRequest(String userId, String profileId) {

	/** Whether a Page, rather than a person, removed the app. */
	public boolean forPage() {
		return this.profileId != null && !this.profileId.isBlank();
	}

	@Override
	public String toString() {
		return "SignedRequest[" + (forPage() ? "page" : "person") + "]";
	}

}
