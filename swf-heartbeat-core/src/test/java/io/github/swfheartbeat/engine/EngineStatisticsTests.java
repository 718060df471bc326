package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for what {@link HeartbeatStats} says about the active tasks and about failed calls:
 * slack, planned demand, errors across tasks.
 */
class EngineStatisticsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void smallestSlackIsTheTimeLeftBeforeTheClosestDeadline() {
		EngineHarness harness = new EngineHarness();
		assertThat(harness.engine.stats().smallestSlack()).isNull();
		harness.engine.start("early", HeartbeatOptions.defaults().withHeartbeatTimeout(TIMEOUT));
		harness.runFor(Duration.ofSeconds(5));
		harness.engine.start("late", HeartbeatOptions.defaults().withHeartbeatTimeout(TIMEOUT));
		harness.runFor(Duration.ofSeconds(10));
		// Without a poll instant each task is taken as polled a third of its timeout before it was
		// registered: "early" has 60 - 20 - 15 s left.
		assertThat(harness.engine.stats().smallestSlack()).isEqualTo(Duration.ofSeconds(25));
	}

	@Test
	void slackOfAHeartbeatIsWhatWasLeftWhenSwfAnswered() {
		EngineHarness harness = new EngineHarness();
		CompletableFuture<Boolean> answer = new CompletableFuture<>();
		harness.transport.thenAnswer((call) -> answer);
		harness.engine.start("token-1", HeartbeatOptions.defaults().withHeartbeatTimeout(TIMEOUT));
		// Taken as polled 20 s before registration, the task's deadline is at 40 s; before a round
		// trip is measured, the first heartbeat keeps a third of the timeout in reserve and goes out
		// at 20 s; SWF answers 3 s later, 17 s before the deadline.
		harness.runUntil(Duration.ofSeconds(23));
		answer.complete(false);
		harness.settle();
		assertThat(harness.listener.attempts).hasSize(1);
		assertThat(harness.listener.attempts.get(0).slack()).isEqualTo(Duration.ofSeconds(17));
	}

	@Test
	void failedAndOneShotHeartbeatsHaveNoSlack() {
		EngineHarness harness = new EngineHarness();
		harness.transport.thenFail(ScriptedTransport.notPermitted());
		harness.engine.start("token-1", HeartbeatOptions.defaults().withHeartbeatTimeout(TIMEOUT));
		harness.runFor(Duration.ofSeconds(41));
		harness.engine.heartbeatOnce("token-2", null, ActivityTaskInfo.unknown());
		harness.settle();
		assertThat(harness.listener.attempts).hasSize(2).allSatisfy((attempt) -> assertThat(attempt.slack()).isNull());
	}

	@Test
	void plannedDemandAddsEachTasksCallsPerSecond() {
		EngineHarness harness = new EngineHarness();
		assertThat(harness.engine.stats().plannedDemand()).isZero();
		for (int i = 0; i < 30; i++) {
			harness.engine.start("token-" + i, HeartbeatOptions.defaults().withHeartbeatTimeout(TIMEOUT));
		}
		harness.settle();
		// Unmeasured: one heartbeat 20 s after registration, so 1/20 call per second each.
		assertThat(harness.engine.stats().plannedDemand()).isCloseTo(30 / 20.0, within(0.001));
	}

	@Test
	void lostTasksNeedNothing() {
		EngineHarness harness = new EngineHarness();
		harness.transport.thenFail(ScriptedTransport.unknownResource());
		harness.engine.start("token-1", HeartbeatOptions.defaults().withHeartbeatTimeout(TIMEOUT));
		harness.runFor(Duration.ofSeconds(41));
		assertThat(harness.listener.losses).hasSize(1);
		HeartbeatStats stats = harness.engine.stats();
		assertThat(stats.plannedDemand()).isZero();
		assertThat(stats.smallestSlack()).isNull();
	}

	@Test
	void errorsCountAcrossTasksUntilACallSucceedsAndThrottlingIsNoError() {
		EngineHarness harness = new EngineHarness();
		harness.transport.thenFail(ScriptedTransport.serverError())
			.thenFail(ScriptedTransport.throttled())
			.thenFail(ScriptedTransport.serverError());
		harness.engine.heartbeatOnce("token-1", null, ActivityTaskInfo.unknown());
		harness.engine.heartbeatOnce("token-2", null, ActivityTaskInfo.unknown());
		harness.engine.heartbeatOnce("token-3", null, ActivityTaskInfo.unknown());
		harness.settle();
		HeartbeatStats failing = harness.engine.stats();
		assertThat(failing.consecutiveFailures()).isEqualTo(3);
		assertThat(failing.consecutiveErrors()).isEqualTo(2);
		assertThat(failing.failingTasks()).isEqualTo(2);
		harness.runFor(Duration.ofSeconds(1));
		HeartbeatStats recovered = harness.engine.stats();
		assertThat(recovered.consecutiveErrors()).isZero();
		assertThat(recovered.failingTasks()).isZero();
	}

}
