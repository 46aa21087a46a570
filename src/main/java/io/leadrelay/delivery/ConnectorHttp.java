package io.leadrelay.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;

/**
 * The HTTP client connectors share: timeouts always set, JSON accepted, no redirect
 * followed, every call checked by the {@link NetworkGuard} of its timeouts before it
 * leaves, failures to reply turned into a {@link HttpReply.NoReply} naming the call but
 * never its URL (which may hold payload values) nor its headers (which hold credentials).
 */
public final class ConnectorHttp {

	private final HttpClient http;

	private final ConnectorTimeouts timeouts;

	private final String crm;

	public ConnectorHttp(String crm, ConnectorTimeouts timeouts) {
		this.http = timeouts.guard().client(HttpClient.newBuilder().connectTimeout(timeouts.connect()));
		this.timeouts = timeouts;
		this.crm = crm;
	}

	/**
	 * Sends one request.
	 * @param request the request, without timeout
	 * @param call what the call does, for messages, such as {@code searching the person}
	 * @return the reply, or why there was none
	 */
	public HttpReply send(HttpRequest.Builder request, String call) {
		try {
			HttpResponse<String> response = this.http.send(
					request.timeout(this.timeouts.request()).header("Accept", "application/json").build(),
					BodyHandlers.ofString());
			return new HttpReply.Replied(response.statusCode(), response.headers(), response.body());
		}
		catch (RefusedAddressException ex) {
			return new HttpReply.NoReply(this.crm + " was not called while " + call + ": " + ex.getMessage(), true);
		}
		catch (HttpTimeoutException ex) {
			return new HttpReply.NoReply(this.crm + " did not answer in time while " + call);
		}
		catch (IOException ex) {
			return new HttpReply.NoReply(
					this.crm + " could not be reached while " + call + ": " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new HttpReply.NoReply("Interrupted while " + call + " at " + this.crm);
		}
	}

	/** Cuts a CRM's message to a length the attempt log keeps. */
	public static String shorten(String message) {
		if (message == null) {
			return "";
		}
		return (message.length() <= 500) ? message : message.substring(0, 497) + "...";
	}

}
