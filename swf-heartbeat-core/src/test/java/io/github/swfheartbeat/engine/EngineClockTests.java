package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link EngineClock#system()} reads the JVM's clocks.
 */
class EngineClockTests {

	@Test
	void systemClockMoves() {
		EngineClock clock = EngineClock.system();
		long start = clock.nanoTime();
		await().atMost(Duration.ofSeconds(5)).until(() -> clock.nanoTime() > start);
	}

	@Test
	void systemClockTellsTheTimeOfDay() {
		Instant before = Instant.now();
		Instant now = EngineClock.system().now();
		assertThat(now).isBetween(before, Instant.now());
	}

}
