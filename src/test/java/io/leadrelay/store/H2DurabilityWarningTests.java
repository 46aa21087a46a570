package io.leadrelay.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class H2DurabilityWarningTests {

	@Test
	void warnsThatH2CanLoseAcknowledgedLeads(CapturedOutput output) {
		warning("jdbc:h2:file:./data/leadrelay;WRITE_DELAY=0").warnWhenOnH2();
		assertThat(output).contains("WARN")
			.contains("H2 does not flush a commit to disk before the webhook is answered")
			.contains("remove spring.datasource.url to use the embedded PostgreSQL");
	}

	@Test
	void saysNothingOnPostgres(CapturedOutput output) {
		warning("jdbc:postgresql://db:5432/leadrelay").warnWhenOnH2();
		assertThat(output).doesNotContain("H2 does not flush");
	}

	private static H2DurabilityWarning warning(String url) {
		return new H2DurabilityWarning(new MockEnvironment().withProperty("spring.datasource.url", url));
	}

}
