package io.leadrelay.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection: cheap enough that the load
 * generator leaves the CPU to the engine it measures.
 */
final class KeepAliveConnection {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	private final String host;

	/** Whether the server said it closes the connection after this answer. */
	private boolean closed;

	KeepAliveConnection(URI target) throws IOException {
		this.socket = new Socket(target.getHost(), target.getPort());
		this.socket.setTcpNoDelay(true);
		this.socket.setSoTimeout(30_000);
		this.out = new BufferedOutputStream(this.socket.getOutputStream(), 8192);
		this.in = new BufferedInputStream(this.socket.getInputStream(), 8192);
		this.host = target.getHost() + ":" + target.getPort();
	}

	int post(String path, byte[] body, String signature) throws IOException {
		String head = "POST " + path + " HTTP/1.1\r\nHost: " + this.host
				+ "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: " + signature + "\r\nContent-Length: "
				+ body.length + "\r\n\r\n";
		this.out.write(head.getBytes(StandardCharsets.US_ASCII));
		this.out.write(body);
		this.out.flush();
		String status = line();
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
				skip(size);
				line();
			}
			line();
		}
		else if (length > 0) {
			skip(length);
		}
		this.closed = close;
		return code;
	}

	/** Whether the server said it closes the connection after the last answer. */
	boolean closed() {
		return this.closed;
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
			if (c < 0) {
				throw new IOException("connection closed");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private void skip(long bytes) throws IOException {
		for (long left = bytes; left > 0;) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new IOException("connection closed");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	/** Closes {@code connection} if there is one; returns {@code null} to forget it. */
	static KeepAliveConnection close(KeepAliveConnection connection) {
		if (connection != null) {
			try {
				connection.socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
		return null;
	}

}
