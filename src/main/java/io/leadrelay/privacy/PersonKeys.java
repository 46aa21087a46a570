package io.leadrelay.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.leadrelay.meta.FacebookIds;
import io.leadrelay.web.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Reads the one key of a request: {@code email}, {@code phone} or {@code leadgenId}.
 * None, two, or a value that is not what its field says is refused, naming the field.
 */
@Component
public class PersonKeys {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final PhoneNumbers phones;

	PersonKeys(PhoneNumbers phones) {
		this.phones = phones;
	}

	/**
	 * The key of a request.
	 * @throws InvalidRequestException naming the field at fault
	 */
	public PersonKey parse(String email, String phone, String leadgenId) {
		List<String> given = new ArrayList<>();
		if (present(email)) {
			given.add("email");
		}
		if (present(phone)) {
			given.add("phone");
		}
		if (present(leadgenId)) {
			given.add("leadgenId");
		}
		if (given.isEmpty()) {
			throw new InvalidRequestException("email", "Give an email, a phone number or a lead id");
		}
		if (given.size() > 1) {
			throw new InvalidRequestException(given.get(1),
					"Give only one of email, phone and leadgenId, not " + String.join(" and ", given));
		}
		if (present(email)) {
			String normalized = email.trim().toLowerCase(Locale.ROOT);
			if (!EMAIL.matcher(normalized).matches()) {
				throw new InvalidRequestException("email", "must be an email address, such as ana@example.com");
			}
			return new PersonKey(PersonKey.Kind.EMAIL, normalized);
		}
		if (present(phone)) {
			return new PersonKey(PersonKey.Kind.PHONE,
					this.phones.e164(phone).orElseThrow(() -> new InvalidRequestException("phone", phoneRule())));
		}
		if (!FacebookIds.isId(leadgenId.trim())) {
			throw new InvalidRequestException("leadgenId", "must be a lead id: digits only, such as 920000000000001");
		}
		return new PersonKey(PersonKey.Kind.LEADGEN_ID, leadgenId.trim());
	}

	private String phoneRule() {
		return this.phones.hasDefaultRegion() ? "must be a phone number, such as +49 151 23456789 or 0151 23456789"
				: "must be a phone number with its country code, such as +49 151 23456789 "
						+ "(set leadrelay.privacy.default-region to search numbers without one)";
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
