package io.leadrelay.alert.web;

/** The "Add new-lead notification" form. */
class NotificationForm {

	private Long channelId;

	private String formId = "";

	private String fields = "";

	public Long getChannelId() {
		return this.channelId;
	}

	public void setChannelId(Long channelId) {
		this.channelId = channelId;
	}

	public String getFormId() {
		return this.formId;
	}

	public void setFormId(String formId) {
		this.formId = (formId != null) ? formId.trim() : "";
	}

	public String getFields() {
		return this.fields;
	}

	public void setFields(String fields) {
		this.fields = (fields != null) ? fields.trim() : "";
	}

}
