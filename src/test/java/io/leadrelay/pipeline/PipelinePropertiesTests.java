package io.leadrelay.pipeline;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PipelinePropertiesTests {

	private final PipelineProperties defaults = new PipelineProperties(true, 4, 20, 100, Duration.ofMinutes(2),
			Duration.ofSeconds(1), List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(1)),
			Duration.ofHours(72));

	@Test
	void waitsLongerAfterEachTryThenRepeatsTheLastWait() {
		assertThat(this.defaults.retryDelay(1, 0)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.defaults.retryDelay(2, 0)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.defaults.retryDelay(3, 0)).isEqualTo(Duration.ofHours(1));
		assertThat(this.defaults.retryDelay(40, 0)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void addsAtMostATenthAsJitter() {
		assertThat(this.defaults.retryDelay(1, 0.999)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
	}

	@Test
	void refusesSettingsOutsideTheirRangeNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PipelineProperties(true, 0, 20, 100, Duration.ofMinutes(2), Duration.ofSeconds(1),
					List.of(Duration.ofSeconds(1)), Duration.ofHours(1)))
			.withMessageContaining("leadrelay.pipeline.concurrency");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PipelineProperties(true, 1, 20, 100, Duration.ofSeconds(1), Duration.ofSeconds(1),
					List.of(Duration.ofSeconds(1)), Duration.ofHours(1)))
			.withMessageContaining("leadrelay.pipeline.lease");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PipelineProperties(true, 1, 20, 100, Duration.ofMinutes(2), Duration.ofSeconds(1),
					List.of(), Duration.ofHours(1)))
			.withMessageContaining("leadrelay.pipeline.retry-schedule");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PipelineProperties(true, 1, 20, 10, Duration.ofMinutes(2), Duration.ofSeconds(1),
					List.of(Duration.ofSeconds(1)), Duration.ofHours(1)))
			.withMessageContaining("leadrelay.pipeline.max-in-flight");
	}

}
