package io.github.swfheartbeat.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link AdaptiveRateLimiter}: the JVM-wide token bucket that halves its rate when SWF throttles
 * and climbs back a tenth of the configured rate per quiet second.
 */
class AdaptiveRateLimiterTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void unthrottledLimiterReportsTheConfiguredRate() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(150, 500, 0);
		assertThat(limiter.currentRate(0)).isEqualTo(150);
		assertThat(limiter.currentRate(60 * SECOND)).isEqualTo(150);
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
	void throttlingEmptiesTheBucketSoNoBurstFollows() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 50, 0);
		limiter.onThrottled(0);
		assertThat(limiter.tryAcquire(0)).isFalse();
		// At the halved rate one token takes 20 ms, not the 10 ms of the configured rate.
		assertThat(limiter.nextPermitNanos(0)).isCloseTo(SECOND / 50, within(1L));
	}

	@Test
	void recoveredRateIsWhatRefillsTheBucket() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 1, 0);
		limiter.onThrottled(SECOND);
		// Two quiet seconds: 50 + 2 * 10 = 70 calls per second.
		assertThat(limiter.tryAcquire(3 * SECOND)).isTrue();
		assertThat(limiter.currentRate(3 * SECOND)).isCloseTo(70, within(1e-9));
		assertThat(limiter.nextPermitNanos(3 * SECOND)).isCloseTo(3 * SECOND + SECOND / 70, within(1L));
		// Recovery goes on from the step already taken, not again from the throttling.
		assertThat(limiter.tryAcquire(3 * SECOND + SECOND / 2)).isTrue();
		assertThat(limiter.currentRate(3 * SECOND + SECOND / 2)).isCloseTo(70, within(1e-9));
		assertThat(limiter.tryAcquire(4 * SECOND)).isTrue();
		assertThat(limiter.currentRate(4 * SECOND)).isCloseTo(80, within(1e-9));
		assertThat(limiter.nextPermitNanos(4 * SECOND)).isCloseTo(4 * SECOND + SECOND / 80, within(1L));
	}

	@Test
	void rateRecoversNoFurtherThanConfigured() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 1, 0);
		limiter.onThrottled(0);
		assertThat(limiter.tryAcquire(60 * SECOND)).isTrue();
		assertThat(limiter.currentRate(60 * SECOND)).isEqualTo(100);
		assertThat(limiter.nextPermitNanos(60 * SECOND)).isCloseTo(60 * SECOND + SECOND / 100, within(1L));
	}

	@Test
	void theFirstRecoveryStepComesAFullSecondAfterThrottling() {
		AdaptiveRateLimiter early = new AdaptiveRateLimiter(100, 1, 0);
		early.onThrottled(0);
		assertThat(early.tryAcquire(SECOND - 1)).isTrue();
		assertThat(early.currentRate(SECOND - 1)).isEqualTo(50);
		assertThat(early.nextPermitNanos(SECOND - 1)).isCloseTo(SECOND - 1 + SECOND / 50, within(1L));
		AdaptiveRateLimiter onTime = new AdaptiveRateLimiter(100, 1, 0);
		onTime.onThrottled(0);
		assertThat(onTime.tryAcquire(SECOND)).isTrue();
		assertThat(onTime.nextPermitNanos(SECOND)).isCloseTo(SECOND + SECOND / 60, within(1L));
	}

}
