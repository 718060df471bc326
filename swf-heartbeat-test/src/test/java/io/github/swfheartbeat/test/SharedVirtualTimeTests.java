package io.github.swfheartbeat.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SharedVirtualTime}, with a stand-in for a heartbeat engine that speaks the
 * engine's clock protocol through an interface of the same shape.
 */
class SharedVirtualTimeTests {

	private static final String DOMAIN = "shared";

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension(
			EmbeddedSwf.builder().virtualTime().longPollTimeout(Duration.ofSeconds(1)));

	@Test
	void timeJumpsToEachMomentTheEngineWaitsForAndWaitsForItsCallsInFlight(EmbeddedSwf swf, SharedVirtualTime time) {
		swf.registerDomain(DOMAIN);
		swf.registerActivityType(DOMAIN, "Work", "1", Duration.ofMinutes(10));
		StartedActivity task = swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1"));
		Clock clock = time.asEngineClock(Clock.class);
		List<Instant> heartbeats = new CopyOnWriteArrayList<>();
		Thread engine = new Thread(() -> {
			long next = clock.nanoTime() + Duration.ofMinutes(9).toNanos();
			while (!Thread.currentThread().isInterrupted()) {
				clock.awaitUntil(next);
				if (clock.nanoTime() < next) {
					continue;
				}
				// A call that takes real time: the endpoint's timeout must not overtake it.
				clock.callStarted();
				new Thread(() -> {
					sleep(Duration.ofMillis(20));
					swf.syncClient().recordActivityTaskHeartbeat((request) -> request.taskToken(task.taskToken()));
					heartbeats.add(clock.now());
					clock.callFinished();
				}).start();
				next += Duration.ofMinutes(9).toNanos();
			}
		}, "stand-in-scheduler");
		engine.setDaemon(true);
		Instant start = time.now();
		engine.start();
		// As an engine does when a task is registered: time waits for the scheduler's step.
		clock.wakeUp(engine);
		try {
			time.advance(Duration.ofHours(2));
		}
		finally {
			engine.interrupt();
		}
		assertThat(swf.activityTask(task.taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
		assertThat(heartbeats).hasSize(13);
		for (int i = 0; i < heartbeats.size(); i++) {
			assertThat(heartbeats.get(i)).isEqualTo(start.plus(Duration.ofMinutes(9L * (i + 1))));
		}
		assertThat(swf.currentTime()).isEqualTo(start.plus(Duration.ofHours(2)));
	}

	@Test
	void aClockInterfaceWithAMethodItDoesNotKnowIsRefused(SharedVirtualTime time) {
		assertThatIllegalArgumentException().isThrownBy(() -> time.asEngineClock(UnknownClock.class))
			.withMessageContaining("UnknownClock.ticks");
	}

	@Test
	void anEndpointOnTheSystemsClockHasNoSharedTime() {
		try (EmbeddedSwf swf = EmbeddedSwf.start()) {
			assertThatIllegalStateException().isThrownBy(swf::sharedTime).withMessageContaining("virtual time");
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The shape of swf-heartbeat-core's {@code EngineClock}.
	 */
	interface Clock {

		long nanoTime();

		Instant now();

		void awaitUntil(long deadlineNanos);

		void wakeUp(Thread scheduler);

		void callStarted();

		void callFinished();

	}

	interface UnknownClock {

		long ticks();

	}

}
