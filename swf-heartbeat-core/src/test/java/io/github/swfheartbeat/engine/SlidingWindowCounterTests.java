package io.github.swfheartbeat.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SlidingWindowCounter}: throttled calls of the last minute, in one-second buckets.
 */
class SlidingWindowCounterTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void aBucketReusedAMinuteLaterStartsFromZero() {
		SlidingWindowCounter counter = new SlidingWindowCounter();
		counter.increment(SECOND);
		counter.increment(SECOND);
		counter.increment(61 * SECOND);
		assertThat(counter.sum(61 * SECOND)).isEqualTo(1);
	}

	@Test
	void theWindowHoldsExactlySixtySeconds() {
		SlidingWindowCounter counter = new SlidingWindowCounter();
		counter.increment(0);
		assertThat(counter.sum(59 * SECOND + SECOND - 1)).isEqualTo(1);
		assertThat(counter.sum(60 * SECOND)).isZero();
	}

	@Test
	void eventsOfTheFutureAreNotCounted() {
		SlidingWindowCounter counter = new SlidingWindowCounter();
		counter.increment(10 * SECOND);
		assertThat(counter.sum(9 * SECOND)).isZero();
		assertThat(counter.sum(10 * SECOND)).isEqualTo(1);
	}

}
