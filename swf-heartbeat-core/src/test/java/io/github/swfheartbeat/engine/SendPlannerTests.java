package io.github.swfheartbeat.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SendPlanner} once round trips are measured: a cancellation latency is met counting the
 * round trip of the call that reports it.
 */
class SendPlannerTests {

	private static final long SECOND = 1_000_000_000L;

	private final SendPlanner planner = new SendPlanner(SECOND, SECOND, SECOND / 10);

	@Test
	void cancellationLatencyLeavesRoomForTheRoundTrip() {
		// 10 s latency, 2 s round trip: send 8 s after the last send so the answer arrives in time.
		assertThat(this.planner.nextSendNanos(0, 5 * SECOND, 60 * SECOND, 10 * SECOND, 2 * SECOND))
			.isEqualTo(13 * SECOND);
	}

	@Test
	void aRoundTripLongerThanTheLatencyStillWaitsTheMinimumInterval() {
		assertThat(this.planner.nextSendNanos(0, 5 * SECOND, 60 * SECOND, 2 * SECOND, 3 * SECOND))
			.isEqualTo(6 * SECOND);
	}

	@Test
	void livenessComesFirstWhenItIsDueSooner() {
		// Margin 2 * 2 s + 0.1 s before the deadline at 60 s.
		assertThat(this.planner.nextSendNanos(0, 50 * SECOND, 60 * SECOND, 10 * SECOND, 2 * SECOND))
			.isEqualTo(60 * SECOND - 4 * SECOND - SECOND / 10);
	}

}
