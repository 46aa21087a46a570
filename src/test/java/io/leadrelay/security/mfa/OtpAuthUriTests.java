package io.leadrelay.security.mfa;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OtpAuthUriTests {

	@Test
	void namesTheIssuerTheUserAndTheParametersTheAppMustUse() {
		assertThat(OtpAuthUri.of("ada lovelace", "JBSWY3DPEHPK3PXP")).isEqualTo(
				"otpauth://totp/LeadRelay:ada%20lovelace?secret=JBSWY3DPEHPK3PXP&issuer=LeadRelay&algorithm=SHA1&digits=6&period=30");
	}

}
