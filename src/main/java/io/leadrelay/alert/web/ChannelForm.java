package io.leadrelay.alert.web;

/** The "Add channel" form. */
class ChannelForm {

	private String kind = "email";

	private String name = "";

	private String recipients = "";

	private String webhookUrl = "";

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = (name != null) ? name.trim() : "";
	}

	public String getRecipients() {
		return this.recipients;
	}

	public void setRecipients(String recipients) {
		this.recipients = (recipients != null) ? recipients.trim() : "";
	}

	public String getWebhookUrl() {
		// Write-only: never rendered back into the page, even after an error.
		return "";
	}

	String webhookUrl() {
		return this.webhookUrl;
	}

	public void setWebhookUrl(String webhookUrl) {
		this.webhookUrl = (webhookUrl != null) ? webhookUrl.trim() : "";
	}

}
