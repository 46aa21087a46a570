package io.leadrelay.privacy;

import io.leadrelay.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PersonKeysTests {

	final PhoneNumbers german = new PhoneNumbers(new PrivacyProperties("de"));

	final PersonKeys withRegion = new PersonKeys(this.german);

	final PersonKeys withoutRegion = new PersonKeys(new PhoneNumbers(new PrivacyProperties(null)));

	@Test
	void readsEveryWritingOfAPhoneNumberAsOneE164Number() {
		for (String phone : new String[] { "+49 151 2345-6789", "0049 151 23456789", "+4915123456789",
				" +49 (151) 234 567 89 " }) {
			assertThat(this.withoutRegion.parse(null, phone, null)).as(phone)
				.isEqualTo(new PersonKey(PersonKey.Kind.PHONE, "+4915123456789"));
		}
	}

	@Test
	void readsANumberWithoutCountryCodeAsTheDefaultRegionsOrRefusesIt() {
		assertThat(this.withRegion.parse(null, "0151 23456789", null).value()).isEqualTo("+4915123456789");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.withoutRegion.parse(null, "0151 23456789", null))
			.withMessageContaining("with its country code")
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("phone"));
	}

	@Test
	void findsTheDefaultRegionsNationalWritingInStoredSearchTerms() {
		assertThat(this.german.storedForms("+4915123456789")).containsExactly("4915123456789", "004915123456789",
				"015123456789");
		assertThat(new PhoneNumbers(new PrivacyProperties(null)).storedForms("+4915123456789"))
			.containsExactly("4915123456789", "004915123456789");
	}

	@Test
	void trimsAndLowerCasesAnEmail() {
		assertThat(this.withRegion.parse(" Ana@Example.COM ", "", null))
			.isEqualTo(new PersonKey(PersonKey.Kind.EMAIL, "ana@example.com"));
	}

	@Test
	void refusesNoKeyTwoKeysAndValuesThatAreNotWhatTheirFieldSays() {
		assertField(null, null, null, "email");
		assertField("a@example.com", "+4915123456789", null, "phone");
		assertField(null, "+4915123456789", "920000000000001", "leadgenId");
		assertField("ana", null, null, "email");
		assertField(null, null, "92-1", "leadgenId");
	}

	@Test
	void refusesADefaultRegionThatIsNotOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PrivacyProperties("Germany"))
			.withMessageContaining("leadrelay.privacy.default-region must be a valid E.164 region");
	}

	@Test
	void neverShowsTheKeysValue() {
		assertThat(new PersonKey(PersonKey.Kind.EMAIL, "ana@example.com").toString()).doesNotContain("ana");
	}

	private void assertField(String email, String phone, String leadgenId, String field) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.withRegion.parse(email, phone, leadgenId))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

}
