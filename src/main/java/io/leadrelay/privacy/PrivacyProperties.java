package io.leadrelay.privacy;

import java.util.Locale;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Finding and erasing a person.
 *
 * @param defaultRegion the country (an ISO 3166 region such as DE or GB) that a phone
 * number written without a country code belongs to, both in a search and in a lead's
 * answers; when unset, such a number is refused in a search and does not match a
 * suppressed person's number
 */
@ConfigurationProperties("leadrelay.privacy")
public record PrivacyProperties(String defaultRegion) {

	public PrivacyProperties {
		if (defaultRegion != null && !defaultRegion.isBlank()) {
			defaultRegion = defaultRegion.trim().toUpperCase(Locale.ROOT);
			if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
				throw new IllegalArgumentException("leadrelay.privacy.default-region must be a valid E.164 region, "
						+ "such as DE or GB, not '" + defaultRegion + "'");
			}
		}
		else {
			defaultRegion = null;
		}
	}

}
