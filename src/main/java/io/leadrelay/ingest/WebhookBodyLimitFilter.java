package io.leadrelay.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a webhook POST body up to {@code leadrelay.ingest.max-body-size} and answers 413
 * past it, before anything parses the body: a declared length over the limit is refused
 * unread, and a chunked body is cut off at the first byte over it. A body declared as a
 * form is refused with 415, as nothing downstream may parse it as one.
 */
class WebhookBodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final IngestMetrics metrics;

	private final ObjectMapper mapper;

	WebhookBodyLimitFilter(IngestProperties properties, IngestMetrics metrics, ObjectMapper mapper) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.metrics = metrics;
		this.mapper = mapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isForm(request.getContentType())) {
			reject(response, RejectionReason.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type " + request.getContentType() + " is not accepted: send application/json");
			return;
		}
		byte[] body = (request.getContentLengthLong() > this.maxBytes) ? null : readAtMost(request.getInputStream());
		if (body == null) {
			reject(response, RejectionReason.BODY_TOO_LARGE, "The body is larger than " + this.maxBytes + " bytes");
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private static boolean isForm(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.strip().toLowerCase(Locale.ROOT);
		return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
	}

	private void reject(HttpServletResponse response, RejectionReason reason, String detail) throws IOException {
		this.metrics.rejected(reason);
		response.setStatus(reason.status().value());
		response.setContentType(WebhookResponses.PROBLEM_JSON);
		response.setHeader("Connection", "close");
		response.getWriter().write(WebhookResponses.problemJson(this.mapper, reason, detail, null));
	}

	/** The body, or {@code null} when it is longer than the limit. */
	private byte[] readAtMost(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long total = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			total += read;
			if (total > this.maxBytes) {
				return null;
			}
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
