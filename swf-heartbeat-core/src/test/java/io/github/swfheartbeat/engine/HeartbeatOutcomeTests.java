package io.github.swfheartbeat.engine;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeartbeatOutcome} tags and {@link HeartbeatStats#isNotPermitted()}, which health checks
 * and metrics read.
 */
class HeartbeatOutcomeTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void onlyRecordedHeartbeatsAreSuccesses() {
		assertThat(HeartbeatOutcome.values()).filteredOn(HeartbeatOutcome::isSuccess)
			.containsExactlyInAnyOrder(HeartbeatOutcome.SUCCESS, HeartbeatOutcome.CANCEL_REQUESTED);
	}

	@Test
	void tagValuesAreLowerCaseNames() {
		assertThat(HeartbeatOutcome.values()).extracting(HeartbeatOutcome::tagValue)
			.containsExactly("success", "cancel_requested", "task_lost", "throttled", "not_permitted", "error");
	}

	@Test
	void notPermittedUntilASuccessFollows() {
		assertThat(stats(null, null).isNotPermitted()).isFalse();
		assertThat(stats(T0, null).isNotPermitted()).isFalse();
		assertThat(stats(null, T0).isNotPermitted()).isTrue();
		assertThat(stats(T0, T0.plusSeconds(1)).isNotPermitted()).isTrue();
		assertThat(stats(T0.plusSeconds(1), T0).isNotPermitted()).isFalse();
	}

	private static HeartbeatStats stats(Instant lastSuccessAt, Instant lastNotPermittedAt) {
		return new HeartbeatStats(1, lastSuccessAt, 0, 0, 150, lastNotPermittedAt, 0, 0, 0, true);
	}

}
