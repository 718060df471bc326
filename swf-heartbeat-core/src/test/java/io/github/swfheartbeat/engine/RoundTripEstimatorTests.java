package io.github.swfheartbeat.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RoundTripEstimator}: RFC 6298 smoothing of heartbeat round trips.
 */
class RoundTripEstimatorTests {

	private static final long MILLI = 1_000_000L;

	@Test
	void nothingIsReservedBeforeTheFirstSample() {
		RoundTripEstimator estimator = new RoundTripEstimator();
		assertThat(estimator.isMeasured()).isFalse();
		assertThat(estimator.upperBoundNanos()).isZero();
	}

	@Test
	void firstSampleSetsTheMeanAndHalfOfItAsVariation() {
		RoundTripEstimator estimator = new RoundTripEstimator();
		estimator.record(100 * MILLI);
		assertThat(estimator.isMeasured()).isTrue();
		// 100 + 4 * 50
		assertThat(estimator.upperBoundNanos()).isEqualTo(300 * MILLI);
	}

	@Test
	void laterSamplesMoveTheMeanByAnEighthAndTheVariationByAQuarter() {
		RoundTripEstimator estimator = new RoundTripEstimator();
		estimator.record(100 * MILLI);
		estimator.record(200 * MILLI);
		// variation (3 * 50 + |100 - 200|) / 4 = 62.5; mean (7 * 100 + 200) / 8 = 112.5
		assertThat(estimator.upperBoundNanos()).isEqualTo(112_500_000L + 4 * 62_500_000L);
		estimator.record(40 * MILLI);
		// variation (3 * 62.5 + |112.5 - 40|) / 4 = 65; mean (7 * 112.5 + 40) / 8 = 103.4375
		assertThat(estimator.upperBoundNanos()).isEqualTo(103_437_500L + 4 * 65_000_000L);
	}

	@Test
	void steadyRoundTripsShrinkTheVariation() {
		RoundTripEstimator estimator = new RoundTripEstimator();
		for (int i = 0; i < 100; i++) {
			estimator.record(80 * MILLI);
		}
		assertThat(estimator.upperBoundNanos()).isBetween(80 * MILLI, 81 * MILLI);
	}

	@Test
	void negativeSamplesFromAClockStepCountAsZero() {
		RoundTripEstimator estimator = new RoundTripEstimator();
		estimator.record(-5 * MILLI);
		assertThat(estimator.upperBoundNanos()).isZero();
	}

}
