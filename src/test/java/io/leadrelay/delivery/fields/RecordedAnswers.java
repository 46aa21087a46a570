package io.leadrelay.delivery.fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The CRMs' answers recorded under {@code src/test/resources/crm-fields/}, shaped as each
 * CRM documents them.
 */
public final class RecordedAnswers {

	private RecordedAnswers() {
	}

	public static String read(String name) {
		try (InputStream in = RecordedAnswers.class.getResourceAsStream("/crm-fields/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No recorded answer " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
