package io.leadrelay.alert;

/** No channel has this id. */
public class ChannelNotFoundException extends RuntimeException {

	public ChannelNotFoundException(long id) {
		super("No alert channel has the id " + id);
	}

}
