package io.github.swfheartbeat.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link AdaptiveRateLimiter}: the JVM-wide token bucket that drops to 0.7 of its rate when SWF
 * throttles, and climbs back a tenth of the configured rate in each second in which a call waited
 * for a permit.
 */
class AdaptiveRateLimiterTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void unthrottledLimiterReportsTheConfiguredRate() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(150, 500, 0);
		assertThat(limiter.currentRate()).isEqualTo(150);
		limiter.tryAcquire(60 * SECOND);
		assertThat(limiter.currentRate()).isEqualTo(150);
	}

	@Test
	void aPermitIsAvailableNowWhileTheBucketHoldsOne() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 2, 0);
		assertThat(limiter.nextPermitNanos(5 * SECOND)).isEqualTo(5 * SECOND);
		assertThat(limiter.tryAcquire(5 * SECOND)).isTrue();
		assertThat(limiter.nextPermitNanos(5 * SECOND)).isEqualTo(5 * SECOND);
	}

	@Test
	void nextPermitCountsTheTokensRefilledSinceTheLastCall() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(8, 1, 0);
		assertThat(limiter.tryAcquire(0)).isTrue();
		// An eighth of a second later the bucket holds one token again: the permit is due now.
		assertThat(limiter.nextPermitNanos(SECOND / 8)).isEqualTo(SECOND / 8);
		// Half-way there, the rest of the token takes the other half.
		AdaptiveRateLimiter other = new AdaptiveRateLimiter(8, 1, 0);
		other.tryAcquire(0);
		assertThat(other.nextPermitNanos(SECOND / 16)).isEqualTo(SECOND / 8);
	}

	@Test
	void throttlingTakesThirtyPercentOffAndEmptiesTheBucketSoNoBurstFollows() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 50, 0);
		limiter.onThrottled(0);
		assertThat(limiter.currentRate()).isCloseTo(70, within(1e-9));
		assertThat(limiter.tryAcquire(0)).isFalse();
		// At the lowered rate one token takes 1/70 s, not the 10 ms of the configured rate.
		assertThat(limiter.nextPermitNanos(0)).isCloseTo(SECOND / 70, within(1L));
	}

	@Test
	void throttlingSignalsWithinHalfASecondCountOnce() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 10, 0);
		limiter.onThrottled(SECOND);
		limiter.onThrottled(SECOND + SECOND / 2 - 1);
		assertThat(limiter.currentRate()).isCloseTo(70, within(1e-9));
		limiter.onThrottled(SECOND + SECOND / 2);
		assertThat(limiter.currentRate()).isCloseTo(49, within(1e-9));
	}

	@Test
	void rateClimbsOnlyInSecondsInWhichACallWaitedForAPermit() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 1, 0);
		limiter.onThrottled(0);
		// Ten seconds at 20 calls a second, which 70 a second allows: no call waits, the rate stays.
		for (long at = SECOND / 20; at < 10 * SECOND; at += SECOND / 20) {
			assertThat(limiter.tryAcquire(at)).isTrue();
		}
		assertThat(limiter.tryAcquire(10 * SECOND)).isTrue();
		assertThat(limiter.currentRate()).isCloseTo(70, within(1e-9));
		// A call that finds no permit is demand above the rate: the next second brings one step.
		assertThat(limiter.tryAcquire(10 * SECOND + 1)).isFalse();
		limiter.tryAcquire(11 * SECOND);
		assertThat(limiter.currentRate()).isCloseTo(80, within(1e-9));
		// One wait brings one step, however long the scheduler then sleeps.
		limiter.tryAcquire(20 * SECOND);
		assertThat(limiter.currentRate()).isCloseTo(80, within(1e-9));
	}

	@Test
	void recoveredRateIsWhatRefillsTheBucket() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 1, 0);
		limiter.onThrottled(SECOND);
		// Demand above the rate for two seconds: 70 + 2 * 10 = 90 calls per second.
		assertThat(limiter.tryAcquire(SECOND)).isFalse();
		assertThat(limiter.tryAcquire(2 * SECOND)).isTrue();
		assertThat(limiter.tryAcquire(2 * SECOND)).isFalse();
		assertThat(limiter.tryAcquire(3 * SECOND)).isTrue();
		assertThat(limiter.currentRate()).isCloseTo(90, within(1e-9));
		assertThat(limiter.nextPermitNanos(3 * SECOND)).isCloseTo(3 * SECOND + SECOND / 90, within(1L));
	}

	@Test
	void rateRecoversNoFurtherThanConfigured() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 1, 0);
		limiter.onThrottled(0);
		for (long second = 0; second < 60; second++) {
			limiter.tryAcquire(second * SECOND);
			limiter.tryAcquire(second * SECOND);
		}
		assertThat(limiter.currentRate()).isEqualTo(100);
		limiter.tryAcquire(60 * SECOND);
		assertThat(limiter.nextPermitNanos(60 * SECOND)).isCloseTo(60 * SECOND + SECOND / 100, within(1L));
	}

	@Test
	void theFirstRecoveryStepComesAFullSecondAfterThrottling() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 1, 0);
		limiter.onThrottled(SECOND);
		assertThat(limiter.tryAcquire(SECOND)).isFalse();
		assertThat(limiter.tryAcquire(2 * SECOND - 1)).isTrue();
		assertThat(limiter.currentRate()).isCloseTo(70, within(1e-9));
		assertThat(limiter.tryAcquire(2 * SECOND)).isFalse();
		assertThat(limiter.currentRate()).isCloseTo(80, within(1e-9));
	}

	@Test
	void aWaitBeforeThrottlingBringsNoStepAfterIt() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 1, 0);
		limiter.onThrottled(0);
		assertThat(limiter.tryAcquire(0)).isFalse();
		limiter.onThrottled(SECOND / 2);
		limiter.tryAcquire(2 * SECOND);
		assertThat(limiter.currentRate()).isCloseTo(49, within(1e-9));
	}

	@Test
	void rateNeverFallsBelowTheFloor() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 10, 0);
		for (int i = 1; i < 40; i++) {
			limiter.onThrottled(i * SECOND / 2);
		}
		assertThat(limiter.currentRate()).isEqualTo(5);
	}

}
