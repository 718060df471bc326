package io.github.swfheartbeat.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The engine's small parts: rate limiter, send calendar, planner, backoff, window counter.
 */
class EngineComponentsTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void rateLimiterAllowsTheBurstThenTheRate() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 3, 0);
		assertThat(limiter.tryAcquire(0)).isTrue();
		assertThat(limiter.tryAcquire(0)).isTrue();
		assertThat(limiter.tryAcquire(0)).isTrue();
		assertThat(limiter.tryAcquire(0)).isFalse();
		assertThat(limiter.nextPermitNanos(0)).isEqualTo(SECOND / 10);
		assertThat(limiter.tryAcquire(SECOND / 10)).isTrue();
		assertThat(limiter.tryAcquire(SECOND / 10)).isFalse();
	}

	@Test
	void calendarMovesHeartbeatsToEarlierSlotsWhenFull() {
		SendCalendar calendar = new SendCalendar(20);
		long due = 10 * SECOND;
		long first = calendar.reserve(due, 0);
		long second = calendar.reserve(due, 0);
		long third = calendar.reserve(due, 0);
		assertThat(first).isEqualTo(100);
		assertThat(second).isEqualTo(100);
		assertThat(third).isEqualTo(99);
		assertThat(SendCalendar.sendTime(third, due)).isEqualTo(10 * SECOND - 1);
		calendar.release(first);
		assertThat(calendar.reserve(due, 0)).isEqualTo(100);
	}

	@Test
	void calendarNeverPlansBeforeNow() {
		SendCalendar calendar = new SendCalendar(10);
		calendar.reserve(SECOND, SECOND);
		assertThat(calendar.reserve(SECOND, SECOND)).isEqualTo(10);
		assertThat(calendar.reservedCount()).isEqualTo(2);
		calendar.prune(5 * SECOND);
		assertThat(calendar.reservedCount()).isZero();
	}

	@Test
	void plannerKeepsTheLargerOfMinimumAndRoundTripMargin() {
		SendPlanner planner = new SendPlanner(SECOND, SECOND, SECOND / 10);
		assertThat(planner.marginNanos(60 * SECOND, 0)).isEqualTo(SECOND);
		assertThat(planner.marginNanos(60 * SECOND, 2 * SECOND)).isEqualTo(4 * SECOND + SECOND / 10);
		assertThat(planner.marginNanos(3 * SECOND, 0)).isEqualTo(SECOND);
		assertThat(planner.marginNanos(30 * SECOND, 20 * SECOND)).isEqualTo(10 * SECOND);
	}

	@Test
	void plannerSendsForCancellationLatencyFromTheLastSend() {
		SendPlanner planner = new SendPlanner(SECOND, SECOND, SECOND / 10);
		assertThat(planner.nextSendNanos(0, 0, 60 * SECOND, 0, 0)).isEqualTo(59 * SECOND);
		assertThat(planner.nextSendNanos(0, 0, 60 * SECOND, 10 * SECOND, 0)).isEqualTo(10 * SECOND);
		assertThat(planner.nextSendNanos(0, 0, 60 * SECOND, SECOND / 2, 0)).isEqualTo(SECOND);
		assertThat(planner.nextSendNanos(0, 0, 5 * SECOND, 10 * SECOND, 0)).isEqualTo(4 * SECOND);
	}

	@Test
	void plannerKeepsAThirdOfTheTimeoutBeforeAnyRoundTripIsMeasured() {
		SendPlanner planner = new SendPlanner(SECOND, SECOND, SECOND / 10);
		assertThat(planner.unmeasuredSendNanos(0, 0, 60 * SECOND, 0)).isEqualTo(40 * SECOND);
		assertThat(planner.unmeasuredSendNanos(5 * SECOND, 5 * SECOND, 30 * SECOND, 10 * SECOND)).isEqualTo(15 * SECOND);
		assertThat(planner.unmeasuredSendNanos(0, 0, 60 * SECOND, SECOND / 2)).isEqualTo(SECOND);
		// The cancellation latency counts from the last send, the timeout from SWF's clock.
		assertThat(planner.unmeasuredSendNanos(-20 * SECOND, 0, 60 * SECOND, 30 * SECOND)).isEqualTo(20 * SECOND);
		assertThat(planner.unmeasuredSendNanos(0, 10 * SECOND, 60 * SECOND, 5 * SECOND)).isEqualTo(15 * SECOND);
	}

	@Test
	void blockingTransportNeedsAThread() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SwfClientTransport(null, 0))
			.withMessage("threads must be at least 1 but was 0");
	}

	@Test
	void backoffGrowsWithJitterUpToTheMaximum() {
		RetryBackoff full = new RetryBackoff(100, 1_000, () -> 1.0);
		RetryBackoff half = new RetryBackoff(100, 1_000, () -> 0.0);
		assertThat(full.delayNanos(1)).isEqualTo(100);
		assertThat(full.delayNanos(2)).isEqualTo(200);
		assertThat(full.delayNanos(4)).isEqualTo(800);
		assertThat(full.delayNanos(5)).isEqualTo(1_000);
		assertThat(full.delayNanos(500)).isEqualTo(1_000);
		assertThat(half.delayNanos(3)).isEqualTo(200);
	}

	@Test
	void windowCounterForgetsEventsOlderThanAMinute() {
		SlidingWindowCounter counter = new SlidingWindowCounter();
		counter.increment(0);
		counter.increment(30 * SECOND);
		counter.increment(30 * SECOND);
		assertThat(counter.sum(59 * SECOND)).isEqualTo(3);
		assertThat(counter.sum(61 * SECOND)).isEqualTo(2);
		assertThat(counter.sum(Duration.ofMinutes(5).toNanos())).isZero();
	}

	@Test
	void swfDurationsParse() {
		assertThat(HeartbeatTransport.parseSwfDuration("60")).contains(Duration.ofSeconds(60));
		assertThat(HeartbeatTransport.parseSwfDuration("NONE")).isEmpty();
		assertThat(HeartbeatTransport.parseSwfDuration(null)).isEmpty();
	}

}
