package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Scheduling decisions of the engine, driven by a manual clock.
 */
class HeartbeatSchedulerTests {

	private static final Duration T = Duration.ofSeconds(60);

	@Test
	void untilARoundTripIsMeasuredAThirdOfTheTimeoutIsKeptInReserve() {
		EngineHarness harness = new EngineHarness();
		harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofMillis(39_999));
		assertThat(harness.transport.calls).isEmpty();
		harness.runUntil(Duration.ofSeconds(40));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).containsExactly(firstCall(T));
	}

	@Test
	void onceARoundTripIsMeasuredHeartbeatsGoOutAsLateAsTheSafetyMarginAllows() {
		EngineHarness harness = new EngineHarness();
		harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofMinutes(10));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at)
			.containsExactly(seconds(40), seconds(99), seconds(158), seconds(217), seconds(276), seconds(335),
					seconds(394), seconds(453), seconds(512), seconds(571));
	}

	@Test
	void heartbeatsDueWithin50MillisecondsOfOneDueNowGoOutWithIt() {
		EngineHarness harness = new EngineHarness();
		harness.start("first", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofMillis(20));
		harness.start("second", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofMillis(120));
		harness.start("third", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(41));
		// The second is due 20 ms after the first and goes with it; the third, 120 ms after, waits.
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::token, ScriptedTransport.Call::at)
			.containsExactly(tuple("first", firstCall(T)), tuple("second", firstCall(T)),
					tuple("third", firstCall(T).plusMillis(120)));
	}

	@Test
	void taskOptionsOverrideTheDefaultTimeout() {
		EngineHarness harness = new EngineHarness();
		Duration timeout = Duration.ofSeconds(10);
		harness.start("token-1", HeartbeatOptions.defaults().withHeartbeatTimeout(timeout));
		harness.runUntil(Duration.ofSeconds(30));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at)
			.containsExactly(firstCall(timeout), firstCall(timeout).plusSeconds(9), firstCall(timeout).plusSeconds(18));
	}

	@Test
	void shortTimeoutsKeepAThirdOfTheTimeoutAsMargin() {
		EngineHarness harness = new EngineHarness();
		harness.start("token-1", HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ofMillis(1500)));
		harness.runUntil(Duration.ofSeconds(3));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at)
			.containsExactly(Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(3000));
	}

	@Test
	void cancellationLatencyShortensTheIntervalButNotBelowTheMinimum() {
		EngineHarness harness = new EngineHarness();
		harness.start("fast", HeartbeatOptions.defaults().withMaxCancellationLatency(Duration.ofSeconds(5)));
		// Half the minimum send interval: the interval is held at the minimum, 1 s.
		harness.start("capped", HeartbeatOptions.defaults().withMaxCancellationLatency(Duration.ofMillis(500)));
		harness.runUntil(Duration.ofSeconds(15));
		assertThat(harness.transport.callsFor("fast")).extracting(ScriptedTransport.Call::at)
			.containsExactly(seconds(5), seconds(10), seconds(15));
		assertThat(harness.transport.callsFor("capped")).extracting(ScriptedTransport.Call::at)
			.containsExactly(seconds(1), seconds(2), seconds(3), seconds(4), seconds(5), seconds(6), seconds(7),
					seconds(8), seconds(9), seconds(10), seconds(11), seconds(12), seconds(13), seconds(14), seconds(15));
	}

	@Test
	void measuredRoundTripWidensTheMargin() {
		EngineHarness harness = new EngineHarness();
		harness.transport.always((call) -> {
			CompletableFuture<Boolean> answer = new CompletableFuture<>();
			pendingAnswers.add(answer);
			return answer;
		});
		harness.start("slow", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(40));
		assertThat(harness.transport.calls).hasSize(1);
		harness.runUntil(Duration.ofSeconds(42));
		pendingAnswers.remove(0).complete(false);
		harness.settle();
		// 2 s round trip: margin = 2 * upper bound (2 s + 4 * 1 s) + 0.1 s = 12.1 s
		harness.runUntil(Duration.ofMillis(40_000 + 60_000 - 12_100 - 1));
		assertThat(harness.transport.calls).hasSize(1);
		harness.runUntil(Duration.ofMillis(40_000 + 60_000 - 12_100));
		assertThat(harness.transport.calls).hasSize(2);
	}

	private final List<CompletableFuture<Boolean>> pendingAnswers = new ArrayList<>();

	@Test
	void detailsAreCoalescedIntoTheNextHeartbeat() {
		EngineHarness harness = new EngineHarness();
		HeartbeatHandle handle = harness.start("token-1", HeartbeatOptions.defaults());
		handle.setDetails("10%");
		handle.setDetails("20%");
		harness.runUntil(Duration.ofSeconds(30));
		handle.setDetails("30%");
		harness.runUntil(Duration.ofSeconds(59));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::details).containsExactly("30%");
	}

	@Test
	void cancellationIsReportedOnceAndHeartbeatsContinue() {
		EngineHarness harness = new EngineHarness();
		harness.transport.always((call) -> CompletableFuture.completedFuture(true));
		HeartbeatHandle handle = harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(200));
		assertThat(handle.isCancellationRequested()).isTrue();
		assertThat(harness.listener.cancellations).hasSize(1);
		assertThat(harness.transport.calls).hasSize(3);
		assertThat(harness.engine.stats().cancellationsRequested()).isEqualTo(1);
	}

	@Test
	void unknownResourceLosesTheTaskOnceAndStopsItsHeartbeats() {
		EngineHarness harness = new EngineHarness();
		harness.transport.thenFail(ScriptedTransport.unknownResource());
		HeartbeatHandle handle = harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofMinutes(10));
		assertThat(harness.transport.calls).hasSize(1);
		assertThat(handle.isLost()).isTrue();
		assertThat(harness.listener.losses).containsExactly(TaskLossReason.UNKNOWN_RESOURCE);
		assertThat(harness.engine.stats().activeTasks()).isZero();
		assertThat(harness.engine.stats().consecutiveFailures()).isZero();
	}

	@Test
	void operationNotPermittedIsNotRetried() {
		EngineHarness harness = new EngineHarness();
		harness.transport.always((call) -> CompletableFuture.failedFuture(ScriptedTransport.notPermitted()));
		harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofMinutes(5));
		assertThat(harness.transport.calls).hasSize(1);
		assertThat(harness.listener.losses).containsExactly(TaskLossReason.NOT_PERMITTED);
		assertThat(harness.engine.stats().isNotPermitted()).isTrue();
	}

	@Test
	void validationErrorsAreNotRetried() {
		EngineHarness harness = new EngineHarness();
		harness.transport.always((call) -> CompletableFuture.failedFuture(ScriptedTransport.validation()));
		harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofMinutes(5));
		assertThat(harness.transport.calls).hasSize(1);
		assertThat(harness.listener.losses).containsExactly(TaskLossReason.REJECTED);
	}

	@Test
	void serverErrorsAreRetriedWithGrowingBackoffWithinTheDeadline() {
		EngineHarness harness = new EngineHarness();
		harness.transport.thenFail(ScriptedTransport.serverError())
			.thenFail(ScriptedTransport.serverError())
			.thenFail(ScriptedTransport.serverError());
		HeartbeatHandle handle = harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(60));
		List<Duration> times = harness.transport.calls.stream().map(ScriptedTransport.Call::at).toList();
		assertThat(times).hasSize(4);
		assertThat(times.get(1).minus(times.get(0))).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
		assertThat(times.get(2).minus(times.get(1))).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
		assertThat(times.get(3).minus(times.get(2))).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
		assertThat(handle.isLost()).isFalse();
		// the next heartbeat is planned from the successful one
		harness.runUntil(times.get(3).plusSeconds(59));
		assertThat(harness.transport.calls).hasSize(5);
	}

	@Test
	void persistentFailuresLoseTheTaskOnceItsDeadlinePassed() {
		EngineHarness harness = new EngineHarness();
		harness.transport.always((call) -> CompletableFuture.failedFuture(ScriptedTransport.serverError()));
		HeartbeatHandle handle = harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofMinutes(10));
		assertThat(handle.isLost()).isTrue();
		assertThat(harness.listener.losses).containsExactly(TaskLossReason.DEADLINE_PASSED);
		ScriptedTransport.Call last = harness.transport.calls.get(harness.transport.calls.size() - 1);
		// The last try leaves a round trip (at least 50 ms) before the deadline, never at it.
		assertThat(last.at()).isEqualTo(T.minusMillis(50));
		// Exponential backoff, then a quarter of the time left, but at least 100 ms apart.
		assertThat(harness.transport.calls.size()).isBetween(15, 30);
		assertThat(harness.engine.stats().consecutiveFailures()).isEqualTo(harness.transport.calls.size());
	}

	@Test
	void callTimeoutNeverOutlivesTheDeadline() {
		EngineHarness harness = new EngineHarness();
		harness.start("token-1", HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(3)));
		harness.runUntil(Duration.ofSeconds(2));
		ScriptedTransport.Call first = harness.transport.calls.get(0);
		assertThat(first.at()).isEqualTo(Duration.ofSeconds(2));
		// SWF judges a heartbeat when it arrives: the call ends at the deadline, 3 s after the poll.
		assertThat(first.at().plus(first.timeout())).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void throttlingLowersTheRateWhichStaysWhileItIsEnough() {
		EngineHarness harness = new EngineHarness();
		harness.transport.thenFail(ScriptedTransport.throttled());
		harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(40));
		assertThat(harness.engine.stats().currentRateLimit()).isCloseTo(105, within(1e-9));
		assertThat(harness.engine.stats().throttledLastMinute()).isEqualTo(1);
		// One task needs far less than that: no call waits, so nothing raises the rate.
		harness.runUntil(Duration.ofSeconds(120));
		assertThat(harness.engine.stats().currentRateLimit()).isCloseTo(105, within(1e-9));
		assertThat(harness.transport.calls).hasSizeGreaterThan(2);
	}

	@Test
	void aLoweredRateClimbsBackWhileTasksWaitForPermits() {
		HeartbeatEngineSettings settings = HeartbeatEngineSettings.builder().rateLimit(20).rateLimitBurst(1).build();
		EngineHarness harness = new EngineHarness(settings);
		harness.transport.thenFail(ScriptedTransport.throttled());
		harness.start("throttled", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(40));
		assertThat(harness.engine.stats().currentRateLimit()).isCloseTo(14, within(1e-9));
		// Forty tasks whose first heartbeats fall due together: 14 calls a second are too few for them.
		for (int i = 0; i < 40; i++) {
			harness.start("task-" + i, HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(30)));
		}
		harness.runUntil(Duration.ofSeconds(70));
		assertThat(harness.engine.stats().currentRateLimit()).isGreaterThan(14);
		assertThat(harness.engine.stats().tasksLost()).isZero();
	}

	@Test
	void whenDemandExceedsTheRateTheClosestDeadlineGoesFirst() {
		HeartbeatEngineSettings settings = HeartbeatEngineSettings.builder().rateLimit(1).rateLimitBurst(1).build();
		EngineHarness harness = new EngineHarness(settings);
		// Same planned send time (cancellation latency), different deadlines.
		harness.start("relaxed", HeartbeatOptions.defaults().withMaxCancellationLatency(Duration.ofSeconds(5)));
		harness.start("urgent", HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(8))
			.withMaxCancellationLatency(Duration.ofSeconds(5)));
		harness.runUntil(Duration.ofSeconds(5));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::token).containsExactly("urgent");
		harness.runUntil(Duration.ofSeconds(6));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::token).containsExactly("urgent", "relaxed");
	}

	@Test
	void readyTasksGoInTheOrderOfTheDeadlinesTheirComingHeartbeatsMustMeet() {
		// Room for both in one calendar slot, but one call at a time: the order is the ready set's.
		HeartbeatEngineSettings settings = HeartbeatEngineSettings.builder().rateLimit(20).rateLimitBurst(1).build();
		EngineHarness harness = new EngineHarness(settings);
		harness.start("relaxed", HeartbeatOptions.defaults().withMaxCancellationLatency(Duration.ofSeconds(5)));
		harness.start("urgent", HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(8))
			.withMaxCancellationLatency(Duration.ofSeconds(5)));
		harness.runUntil(Duration.ofMillis(5010));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::token).containsExactly("urgent");
		harness.runUntil(Duration.ofMillis(5100));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::token).containsExactly("urgent", "relaxed");
	}

	@Test
	void tasksThatWaitedPastTheirDeadlineAreReportedLostWithoutACall() {
		HeartbeatEngineSettings settings = HeartbeatEngineSettings.builder().rateLimit(1).rateLimitBurst(1).build();
		EngineHarness harness = new EngineHarness(settings);
		for (int i = 0; i < 20; i++) {
			harness.start("task-" + i, HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(5)));
		}
		// One call a second reaches a few tasks before their deadline (5 s); the others are given up
		// once it has come, and their calls are never made.
		harness.runUntil(Duration.ofMillis(5050));
		List<String> called = harness.transport.calls.stream().map(ScriptedTransport.Call::token).toList();
		assertThat(called).doesNotHaveDuplicates().hasSizeBetween(3, 6);
		assertThat(harness.transport.calls).allSatisfy((call) -> assertThat(call.at()).isLessThan(seconds(5)));
		assertThat(harness.listener.losses).hasSize(20 - called.size()).containsOnly(TaskLossReason.DEADLINE_PASSED);
	}

	@Test
	void tasksStartedTogetherAreSpreadAheadOfTheirDeadlines() {
		HeartbeatEngineSettings settings = HeartbeatEngineSettings.builder().rateLimit(10).rateLimitBurst(1).build();
		EngineHarness harness = new EngineHarness(settings);
		Duration timeout = Duration.ofSeconds(10);
		for (int i = 0; i < 80; i++) {
			harness.start("task-" + i, HeartbeatOptions.defaults().withHeartbeatTimeout(timeout));
		}
		harness.runUntil(Duration.ofSeconds(60));
		for (int i = 0; i < 80; i++) {
			List<Duration> times = harness.transport.callsFor("task-" + i).stream().map(ScriptedTransport.Call::at).toList();
			Duration previous = Duration.ZERO;
			for (Duration time : times) {
				assertThat(time.minus(previous)).as("interval of task-%d", i).isLessThan(timeout);
				previous = time;
			}
			assertThat(times.size()).as("calls of task-%d", i).isBetween(6, 7);
		}
		assertThat(harness.listener.losses).isEmpty();
	}

	@Test
	void oneShotReturnsTheCancellationFlagAndReportsItForTheTrackedTask() {
		EngineHarness harness = new EngineHarness();
		HeartbeatHandle handle = harness.start("token-1", HeartbeatOptions.defaults());
		harness.transport.thenCancelRequested();
		CompletableFuture<Boolean> result = harness.engine.heartbeatOnce("token-1", "5%", ActivityTaskInfo.unknown());
		harness.settle();
		assertThat(result).isCompletedWithValue(true);
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::details).containsExactly("5%");
		assertThat(handle.isCancellationRequested()).isTrue();
		assertThat(harness.listener.cancellations).hasSize(1);
	}

	@Test
	void oneShotOfALostTaskFailsWithActivityTaskLostException() {
		EngineHarness harness = new EngineHarness();
		harness.transport.thenFail(ScriptedTransport.unknownResource());
		CompletableFuture<Boolean> result = harness.engine.heartbeatOnce("token-1", null, ActivityTaskInfo.unknown());
		harness.settle();
		assertThat(result).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(io.github.swfheartbeat.core.ActivityTaskLostException.class);
	}

	@Test
	void oneShotRetriesTransientErrorsWithinTheCallTimeout() {
		EngineHarness harness = new EngineHarness();
		harness.transport.always((call) -> CompletableFuture.failedFuture(ScriptedTransport.serverError()));
		CompletableFuture<Boolean> result = harness.engine.heartbeatOnce("token-1", null, ActivityTaskInfo.unknown());
		harness.runUntil(Duration.ofSeconds(9));
		assertThat(result).isNotDone();
		harness.runUntil(Duration.ofSeconds(11));
		assertThat(result).isCompletedExceptionally();
		assertThat(harness.transport.calls.size()).isBetween(10, 25);
	}

	@Test
	void oneShotWaitIsBoundedEvenIfTheSchedulerNeverSeesTheCall() {
		// Nothing steps this engine, as when a call is posted the moment the engine terminates.
		EngineHarness harness = new EngineHarness(
				HeartbeatEngineSettings.builder().callTimeout(Duration.ofMillis(500)).build());
		CompletableFuture<Boolean> result = harness.engine.heartbeatOnce("token-1", null, ActivityTaskInfo.unknown());
		assertThat(result).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(java.util.concurrent.TimeoutException.class);
	}

	@Test
	void handlesForTheSameTokenShareOneTask() {
		EngineHarness harness = new EngineHarness();
		HeartbeatHandle outer = harness.start("token-1", HeartbeatOptions.defaults());
		HeartbeatHandle inner = harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(60));
		assertThat(harness.transport.calls).hasSize(1);
		inner.close();
		inner.close();
		harness.runUntil(Duration.ofSeconds(120));
		assertThat(harness.transport.calls).hasSize(2);
		outer.close();
		harness.runUntil(Duration.ofSeconds(300));
		assertThat(harness.transport.calls).hasSize(2);
		assertThat(harness.listener.started).hasSize(1);
		assertThat(harness.listener.ended).hasSize(1);
		assertThat(harness.engine.stats().activeTasks()).isZero();
	}

	@Test
	void heartbeatTimeoutIsDiscoveredOncePerActivityType() {
		EngineHarness harness = new EngineHarness();
		harness.transport.describeWith((type) -> CompletableFuture.completedFuture(Optional.of(Duration.ofSeconds(20))));
		ActivityTaskInfo info = new ActivityTaskInfo("domain", "a1", "Transcode", "1", "wf", "run");
		harness.start("token-1", HeartbeatOptions.defaults().withActivityTask(info));
		harness.start("token-2", HeartbeatOptions.defaults().withActivityTask(info));
		harness.runUntil(Duration.ofSeconds(20));
		assertThat(harness.transport.describes).containsExactly("domain/Transcode:1");
		Duration first = firstCall(Duration.ofSeconds(20));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).containsExactly(first, first);
	}

	@Test
	void discoveryThatCompletesLaterReplansTheTask() {
		EngineHarness harness = new EngineHarness();
		CompletableFuture<Optional<Duration>> describe = new CompletableFuture<>();
		harness.transport.describeWith((type) -> describe);
		ActivityTaskInfo info = new ActivityTaskInfo("domain", "a1", "Transcode", "1", "wf", "run");
		harness.start("token-1", HeartbeatOptions.defaults().withActivityTask(info));
		harness.runUntil(Duration.ofSeconds(1));
		describe.complete(Optional.of(Duration.ofSeconds(5)));
		harness.runUntil(Duration.ofSeconds(5));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at)
			.containsExactly(firstCall(Duration.ofSeconds(5)));
	}

	@Test
	void failedDiscoveryPlansOnTheShortestTimeoutTheSettingsServeAndIsReported() {
		EngineHarness harness = new EngineHarness();
		harness.transport.describeWith((type) -> CompletableFuture.failedFuture(ScriptedTransport.serverError()));
		ActivityTaskInfo info = new ActivityTaskInfo("domain", "a1", "Transcode", "1", "wf", "run");
		harness.start("token-1", HeartbeatOptions.defaults().withActivityTask(info));
		harness.runUntil(Duration.ofSeconds(10));
		// The type's timeout may be shorter than the 60 s default: plan on 3 x min-send-interval.
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at)
			.containsExactly(seconds(2), seconds(4), seconds(6), seconds(8), seconds(10));
		// Retried after 1 s and 2 s of real time, then reported.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(harness.engine.stats().discoveryFailures())
				.containsOnlyKeys("domain/Transcode:1"));
		assertThat(harness.transport.describes).hasSize(TimeoutDiscovery.ATTEMPTS);
	}

	@Test
	void pendingDiscoveryPlansOnTheShortestTimeoutTheSettingsServe() {
		EngineHarness harness = new EngineHarness();
		harness.transport.describeWith((type) -> new CompletableFuture<>());
		ActivityTaskInfo info = new ActivityTaskInfo("domain", "a1", "Transcode", "1", "wf", "run");
		harness.start("token-1", HeartbeatOptions.defaults().withActivityTask(info));
		harness.runUntil(Duration.ofSeconds(4));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).containsExactly(seconds(2), seconds(4));
		assertThat(harness.engine.stats().discoveryFailures()).isEmpty();
	}

	@Test
	void deniedDiscoveryIsNotRetriedAtOnceAndIsReported() {
		EngineHarness harness = new EngineHarness();
		harness.transport.describeWith((type) -> CompletableFuture.failedFuture(ScriptedTransport.notPermitted()));
		ActivityTaskInfo info = new ActivityTaskInfo("domain", "a1", "Transcode", "1", "wf", "run");
		harness.start("token-1", HeartbeatOptions.defaults().withActivityTask(info));
		harness.start("token-2", HeartbeatOptions.defaults().withActivityTask(info));
		harness.runUntil(Duration.ofSeconds(2));
		assertThat(harness.transport.describes).hasSize(1);
		assertThat(harness.engine.stats().discoveryFailures()).containsEntry("domain/Transcode:1",
				"DescribeActivityType denied: allow swf:DescribeActivityType for the domain in IAM");
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).containsExactly(seconds(2), seconds(2));
	}

	@Test
	void discoveredStartToCloseTimeoutEndsTheTask() {
		EngineHarness harness = new EngineHarness();
		harness.transport.describeTimeoutsWith((type) -> CompletableFuture
			.completedFuture(new ActivityTypeTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(100))));
		ActivityTaskInfo info = new ActivityTaskInfo("domain", "a1", "Transcode", "1", "wf", "run");
		HeartbeatHandle handle = harness.start("token-1", HeartbeatOptions.defaults().withActivityTask(info));
		harness.runUntil(Duration.ofSeconds(300));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).containsExactly(seconds(40), seconds(99));
		assertThat(harness.listener.losses).containsExactly(TaskLossReason.START_TO_CLOSE);
		assertThat(handle.isLost()).isTrue();
	}

	@Test
	void withoutAPollInstantTheTaskIsAssumedPolledAThirdOfTheTimeoutEarlier() {
		EngineHarness harness = new EngineHarness();
		harness.engine.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(60));
		// Assumed polled 20 s ago, a third of the timeout in reserve: the first call keeps its
		// whole reserve for any gap between poll and start up to 20 s.
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).first().isEqualTo(seconds(20));
	}

	@Test
	void thePollInstantStartsTheHeartbeatClock() {
		EngineHarness harness = new EngineHarness();
		harness.engine.start("token-1", HeartbeatOptions.defaults().withPolledAt(harness.clock.now().minusSeconds(30)));
		harness.engine.start("token-2", HeartbeatOptions.defaults()
			.withActivityTask(ActivityTaskInfo.unknown().withPolledAt(harness.clock.now().minusSeconds(15))));
		harness.runUntil(Duration.ofSeconds(30));
		assertThat(harness.transport.callsFor("token-1")).extracting(ScriptedTransport.Call::at).first()
			.isEqualTo(seconds(10));
		assertThat(harness.transport.callsFor("token-2")).extracting(ScriptedTransport.Call::at).first()
			.isEqualTo(seconds(25));
	}

	@Test
	void aPollInstantInTheFutureCountsAsNow() {
		EngineHarness harness = new EngineHarness();
		harness.engine.start("token-1", HeartbeatOptions.defaults().withPolledAt(harness.clock.now().plusSeconds(3600)));
		harness.runUntil(Duration.ofSeconds(40));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).containsExactly(firstCall(T));
	}

	@Test
	void aPollInstantLongAgoStillGetsOneTry() {
		EngineHarness harness = new EngineHarness();
		harness.transport.thenFail(ScriptedTransport.unknownResource());
		HeartbeatHandle old = harness.engine.start("old", HeartbeatOptions.defaults().withPolledAt(Instant.EPOCH));
		HeartbeatHandle skewed = harness.engine.start("skewed",
				HeartbeatOptions.defaults().withPolledAt(harness.clock.now().minusSeconds(120)));
		harness.runUntil(Duration.ofSeconds(1));
		// Another clock may be off: SWF, not a guess, says whether the task is gone.
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).containsExactly(seconds(0), seconds(0));
		assertThat(harness.listener.losses).containsExactly(TaskLossReason.UNKNOWN_RESOURCE);
		assertThat(old.isLost()).isTrue();
		assertThat(skewed.isLost()).isFalse();
	}

	@Test
	void aSecondStartAppliesTheStricterOptions() {
		EngineHarness harness = new EngineHarness();
		harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(1));
		harness.start("token-1", HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(9)));
		harness.start("token-1", HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(30)));
		harness.start("token-1", HeartbeatOptions.defaults().withMaxCancellationLatency(Duration.ofSeconds(4)));
		harness.runUntil(Duration.ofSeconds(12));
		// 9 s timeout counted from the poll, 3 s in reserve; then every 4 s for the latency.
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at)
			.containsExactly(seconds(4), seconds(8), seconds(12));
	}

	@Test
	void aSecondStartBeforeTheFirstIsRegisteredIsMerged() {
		EngineHarness harness = new EngineHarness();
		harness.start("token-1", HeartbeatOptions.defaults());
		harness.start("token-1", HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(9)));
		harness.runUntil(Duration.ofSeconds(6));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).containsExactly(seconds(6));
	}

	@Test
	void theStartToCloseTimeoutEndsTheTask() {
		EngineHarness harness = new EngineHarness();
		HeartbeatHandle handle = harness.start("token-1",
				HeartbeatOptions.defaults().withStartToCloseTimeout(Duration.ofSeconds(70)));
		harness.runUntil(Duration.ofSeconds(69));
		assertThat(handle.isLost()).isFalse();
		harness.runUntil(Duration.ofSeconds(300));
		assertThat(harness.transport.calls).extracting(ScriptedTransport.Call::at).containsExactly(seconds(40));
		assertThat(harness.listener.losses).containsExactly(TaskLossReason.START_TO_CLOSE);
		assertThat(handle.whenLost().toCompletableFuture()).isCompletedWithValue(TaskLossReason.START_TO_CLOSE);
	}

	@Test
	void retriesProbeTheTimeLeftSeveralTimes() {
		EngineHarness harness = new EngineHarness();
		harness.transport.always((call) -> CompletableFuture.failedFuture(ScriptedTransport.serverError()));
		harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(T);
		List<Duration> times = harness.transport.calls.stream().map(ScriptedTransport.Call::at).toList();
		Duration lastChance = T.minusMillis(50);
		for (int i = 1; i < times.size(); i++) {
			Duration left = lastChance.minus(times.get(i - 1));
			Duration allowed = Duration.ofMillis(100).compareTo(left.dividedBy(4)) > 0 ? Duration.ofMillis(100)
					: left.dividedBy(4);
			assertThat(times.get(i).minus(times.get(i - 1))).as("retry %d", i).isLessThanOrEqualTo(allowed);
		}
		assertThat(times).last().isEqualTo(lastChance);
	}

	@Test
	void onlyUnknownResourceNotPermittedAndValidationEndATask() {
		EngineHarness harness = new EngineHarness();
		harness.transport.thenFail(ScriptedTransport.clientError(400, "ExpiredTokenException"))
			.thenFail(ScriptedTransport.clientError(403, "InvalidSignatureException"))
			.thenFail(ScriptedTransport.clientError(400, "RequestExpired"))
			.thenFail(ScriptedTransport.clientError(400, "SomethingNewException"))
			.thenFail(ScriptedTransport.clientError(403, "AccessDeniedException"));
		HeartbeatHandle handle = harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(60));
		assertThat(harness.transport.calls).hasSize(6);
		assertThat(handle.isLost()).isFalse();
		assertThat(harness.listener.losses).isEmpty();
	}

	@Test
	void shutdownReportsTheTasksItAbandonsLost() {
		EngineHarness harness = new EngineHarness();
		HeartbeatHandle running = harness.start("running", HeartbeatOptions.defaults());
		HeartbeatHandle ended = harness.start("ended", HeartbeatOptions.defaults());
		ended.close();
		harness.runFor(Duration.ofSeconds(1));
		harness.engine.shutdown(Duration.ofSeconds(5));
		harness.runFor(Duration.ofSeconds(4));
		assertThat(running.isLost()).isFalse();
		harness.runFor(Duration.ofSeconds(2));
		assertThat(harness.engine.isTerminated()).isTrue();
		assertThat(running.isLost()).isTrue();
		assertThat(running.whenLost().toCompletableFuture()).isCompletedWithValue(TaskLossReason.SHUTDOWN);
		assertThat(harness.listener.losses).containsExactly(TaskLossReason.SHUTDOWN);
		assertThat(ended.isLost()).isFalse();
	}

	@Test
	void aFailingListenerDoesNotStopHeartbeatsOrOtherListeners() {
		EngineHarness harness = new EngineHarness();
		harness.engine.addListener(new HeartbeatListener() {
			@Override
			public void onHeartbeat(HeartbeatAttempt attempt) {
				throw new IllegalStateException("broken listener");
			}
		});
		harness.start("token-1", HeartbeatOptions.defaults());
		harness.runUntil(Duration.ofSeconds(200));
		assertThat(harness.transport.calls).hasSize(3);
		assertThat(harness.listener.attempts).hasSize(3);
	}

	@Test
	void shutdownRefusesNewTasksAndKeepsRunningOnesUntilTheyEnd() {
		EngineHarness harness = new EngineHarness();
		HeartbeatHandle running = harness.start("token-1", HeartbeatOptions.defaults());
		CompletableFuture<Void> termination = harness.engine.shutdown(Duration.ofMinutes(5));
		harness.settle();
		org.assertj.core.api.Assertions
			.assertThatIllegalStateException()
			.isThrownBy(() -> harness.start("token-2", HeartbeatOptions.defaults()))
			.withMessageContaining("shutting down");
		harness.runUntil(Duration.ofSeconds(120));
		assertThat(harness.transport.calls).hasSize(2);
		assertThat(termination).isNotDone();
		running.close();
		harness.settle();
		assertThat(termination).isDone();
		harness.runUntil(Duration.ofSeconds(600));
		assertThat(harness.transport.calls).hasSize(2);
	}

	@Test
	void afterTheGracePeriodNothingMoreIsSent() {
		EngineHarness harness = new EngineHarness();
		harness.start("token-1", HeartbeatOptions.defaults());
		CompletableFuture<Void> termination = harness.engine.shutdown(Duration.ofSeconds(70));
		harness.runUntil(Duration.ofSeconds(71));
		assertThat(termination).isDone();
		assertThat(harness.transport.calls).hasSize(1);
		harness.runUntil(Duration.ofSeconds(600));
		assertThat(harness.transport.calls).hasSize(1);
		assertThat(harness.engine.isTerminated()).isTrue();
		harness.engine.shutdown(Duration.ZERO);
	}

	private static Duration seconds(long seconds) {
		return Duration.ofSeconds(seconds);
	}

	/**
	 * When the first heartbeat of a task goes out while no round trip has been measured.
	 */
	private static Duration firstCall(Duration timeout) {
		return timeout.minus(timeout.dividedBy(3));
	}

}
