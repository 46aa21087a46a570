package io.leadrelay.alert;

import java.util.List;

import io.leadrelay.delivery.HostResolver;
import io.leadrelay.delivery.NetworkGuard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChannelRulesTests {

	private final ChannelRules rules = new ChannelRules(new NetworkGuard(List.of(), HostResolver.SYSTEM), false);

	@Test
	void takesCommaOrSpaceSeparatedAddresses() {
		assertThat(ChannelRules.recipients(" ops@example.com,  lead@example.co.uk ; ops@example.com"))
			.containsExactly("ops@example.com", "lead@example.co.uk");
	}

	@Test
	void refusesWhatIsNotAnEmailAddressNamingIt() {
		assertThatExceptionOfType(InvalidChannelException.class)
			.isThrownBy(() -> ChannelRules.recipients("ops@example.com, ops-at-example"))
			.withMessage("'ops-at-example' is not an email address, such as ops@example.com")
			.extracting(InvalidChannelException::field)
			.isEqualTo("recipients");
		assertThatExceptionOfType(InvalidChannelException.class).isThrownBy(() -> ChannelRules.recipients(" "))
			.withMessage("enter at least one email address, such as ops@example.com");
	}

	@Test
	void refusesAPlainHttpWebhook() {
		assertThatExceptionOfType(InvalidChannelException.class)
			.isThrownBy(() -> this.rules.webhookUrl("http://hooks.slack.com/services/T0/B0/x"))
			.withMessage("webhook URL must start with https://");
	}

	@Test
	void refusesAWebhookOnAPrivateAddressAsDeliveryWebhooksAre() {
		assertThatExceptionOfType(InvalidChannelException.class)
			.isThrownBy(() -> this.rules.webhookUrl("https://10.1.2.3/hooks/x"))
			.withMessageStartingWith("webhook URL points at a private address (10.1.2.3)");
		assertThatExceptionOfType(InvalidChannelException.class)
			.isThrownBy(() -> this.rules.webhookUrl("https://169.254.169.254/latest"))
			.withMessageContaining("169.254.169.254");
	}

	@Test
	void takesAnHttpsWebhookOnAPublicAddress() {
		assertThat(this.rules.webhookUrl(" https://93.184.215.14/services/T0/B0/x ").getHost())
			.isEqualTo("93.184.215.14");
	}

	@Test
	void refusesAnEmptyOrLongName() {
		assertThatExceptionOfType(InvalidChannelException.class).isThrownBy(() -> ChannelRules.name("  "))
			.withMessage("name must be 1 to 100 characters");
		assertThat(ChannelRules.name(" Ops ")).isEqualTo("Ops");
	}

}
