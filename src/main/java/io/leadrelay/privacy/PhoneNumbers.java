package io.leadrelay.privacy;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.stereotype.Component;

/**
 * Phone numbers in E.164, so that formatting does not hide a match:
 * {@code +49 151 2345-678}, {@code 0049 151 2345678} and {@code +491512345678} are one
 * number. A number without a country code belongs to
 * {@code leadrelay.privacy.default-region}, or to none when it is unset.
 */
@Component
class PhoneNumbers {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	PhoneNumbers(PrivacyProperties properties) {
		this.defaultRegion = properties.defaultRegion();
	}

	/** Whether numbers without a country code are read as the default region's. */
	boolean hasDefaultRegion() {
		return this.defaultRegion != null;
	}

	/**
	 * The number in E.164 ({@code +491512345678}), or empty when it is not a phone number
	 * or has no country code and no default region applies.
	 */
	Optional<String> e164(String text) {
		return parse(text).map((number) -> PHONES.format(number, PhoneNumberFormat.E164));
	}

	/**
	 * The digit strings a lead's answer may have left for this number in
	 * {@code lead_contact} (which keeps a phone's digits only): international, with a
	 * {@code 00} prefix, and, for the default region's numbers, national.
	 */
	Set<String> storedForms(String e164) {
		Set<String> forms = new LinkedHashSet<>();
		String digits = e164.substring(1);
		forms.add(digits);
		forms.add("00" + digits);
		parse(e164).ifPresent((number) -> {
			if (this.defaultRegion != null && this.defaultRegion.equals(PHONES.getRegionCodeForNumber(number))) {
				forms.add(PHONES.format(number, PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", ""));
			}
		});
		return forms;
	}

	private Optional<PhoneNumber> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String trimmed = text.trim();
		if (trimmed.startsWith("00")) {
			trimmed = "+" + trimmed.substring(2);
		}
		String region = trimmed.startsWith("+") ? "ZZ" : this.defaultRegion;
		if (region == null) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = PHONES.parse(trimmed, region);
			return PHONES.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
