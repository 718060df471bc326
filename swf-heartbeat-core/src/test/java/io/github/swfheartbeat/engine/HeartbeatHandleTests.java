package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What a {@link HeartbeatHandle} tells its caller about the task, driven by a manual clock: with
 * default settings and no measured round trip the first heartbeat of a 60 s task goes out at
 * 40 s.
 */
class HeartbeatHandleTests {

	private static final String TOKEN = "token-of-a-transcode-task";

	private static final ActivityTaskInfo INFO = new ActivityTaskInfo("orders", "activity-7", "transcode", "1",
			"workflow-1", "run-1");

	private final EngineHarness harness = new EngineHarness();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger schedulerLogger = (Logger) LoggerFactory.getLogger(HeartbeatScheduler.class);

	private final ListAppender<ILoggingEvent> engineLog = new ListAppender<>();

	private final Logger engineLogger = (Logger) LoggerFactory.getLogger(HeartbeatEngine.class);

	@BeforeEach
	void captureLog() {
		this.log.start();
		this.schedulerLogger.addAppender(this.log);
		this.engineLog.start();
		this.engineLogger.addAppender(this.engineLog);
	}

	@AfterEach
	void releaseLog() {
		this.schedulerLogger.detachAppender(this.log);
		this.engineLogger.detachAppender(this.engineLog);
	}

	@Test
	void handleDescribesItsTaskWithoutTheToken() {
		HeartbeatHandle handle = this.harness.engine.start(TOKEN, HeartbeatOptions.defaults().withActivityTask(INFO));
		assertThat(handle.activityTask()).isEqualTo(INFO);
		assertThat(handle.taskTokenFingerprint()).isEqualTo(TaskTokenFingerprint.of(TOKEN));
		assertThat(handle).hasToString("HeartbeatHandle[" + TaskTokenFingerprint.of(TOKEN) + "]");
		handle.close();
		assertThat(handle).hasToString("HeartbeatHandle[" + TaskTokenFingerprint.of(TOKEN) + ", closed]");
	}

	@Test
	void detailsSetOnTheHandleGoOutWithTheNextHeartbeat() {
		try (HeartbeatHandle handle = this.harness.engine.start(TOKEN, HeartbeatOptions.defaults())) {
			handle.setDetails("40%");
			assertThat(handle.details()).isEqualTo("40%");
			this.harness.runUntil(Duration.ofSeconds(21));
			assertThat(this.harness.transport.calls).extracting(ScriptedTransport.Call::details).containsExactly("40%");
		}
		// The scripted transport answers at once, and the manual clock sends exactly on time: with
		// no poll instant the task is taken as polled 20 s (T/3) before its start, and until a
		// round trip is measured the first heartbeat keeps another 20 s in reserve.
		assertThat(this.harness.listener.attempts).singleElement().satisfies((attempt) -> {
			assertThat(attempt.outcome()).isEqualTo(HeartbeatOutcome.SUCCESS);
			assertThat(attempt.attempt()).isOne();
			assertThat(attempt.lateness()).isZero();
			assertThat(attempt.completedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:20Z"));
		});
		assertThat(this.harness.engine.stats().lastSuccessAt()).isEqualTo(Instant.parse("2026-01-01T00:00:20Z"));
	}

	@Test
	void cancellationReportedBySwfReachesTheHandle() {
		this.harness.transport.thenCancelRequested();
		try (HeartbeatHandle handle = this.harness.engine.start(TOKEN, HeartbeatOptions.defaults().withActivityTask(INFO))) {
			handle.setDetails("40%");
			assertThat(handle.isCancellationRequested()).isFalse();
			assertThatNoException().isThrownBy(handle::throwIfCancellationRequested);
			assertThat(handle.whenCancellationRequested().toCompletableFuture()).isNotDone();
			this.harness.runUntil(Duration.ofSeconds(41));
			assertThat(handle.isCancellationRequested()).isTrue();
			assertThat(handle.whenCancellationRequested().toCompletableFuture()).isCompleted();
			assertThat(this.harness.listener.attempts).extracting(HeartbeatAttempt::outcome)
				.containsExactly(HeartbeatOutcome.CANCEL_REQUESTED);
			assertThatExceptionOfType(ActivityCancellationRequestedException.class)
				.isThrownBy(handle::throwIfCancellationRequested)
				.satisfies((ex) -> {
					assertThat(ex.getTaskTokenFingerprint()).isEqualTo(TaskTokenFingerprint.of(TOKEN));
					assertThat(ex.getDetails()).isEqualTo("40%");
				});
			assertThat(this.harness.listener.cancellations).singleElement().satisfies((snapshot) -> {
				assertThat(snapshot.lastDetails()).isEqualTo("40%");
				assertThat(snapshot.activityTask()).isEqualTo(INFO);
				assertThat(snapshot.taskTokenFingerprint()).isEqualTo(TaskTokenFingerprint.of(TOKEN));
				assertThat(snapshot.toString()).doesNotContain(TOKEN).contains(TaskTokenFingerprint.of(TOKEN));
			});
		}
		assertThat(messages()).contains("Cancellation of activity task " + TaskTokenFingerprint.of(TOKEN)
				+ " (activity activity-7, type transcode:1) was requested");
		assertThat(messages()).allSatisfy((message) -> assertThat(message).doesNotContain(TOKEN));
	}

	@Test
	void aTaskSwfNoLongerKnowsIsReportedLost() {
		this.harness.transport.thenFail(ScriptedTransport.unknownResource());
		try (HeartbeatHandle handle = this.harness.engine.start(TOKEN, HeartbeatOptions.defaults())) {
			assertThat(handle.isLost()).isFalse();
			this.harness.runUntil(Duration.ofSeconds(21));
			assertThat(handle.isLost()).isTrue();
			assertThat(handle.whenLost().toCompletableFuture()).isCompletedWithValue(TaskLossReason.UNKNOWN_RESOURCE);
			assertThat(this.harness.listener.losses).containsExactly(TaskLossReason.UNKNOWN_RESOURCE);
			assertThat(this.harness.listener.lost).singleElement()
				.satisfies((snapshot) -> assertThat(snapshot.at()).isEqualTo(Instant.parse("2026-01-01T00:00:20Z")));
		}
		assertThat(messages()).anySatisfy((message) -> assertThat(message).startsWith("Activity task "
				+ TaskTokenFingerprint.of(TOKEN) + " (activity ?, type ?) is lost: " + TaskLossReason.UNKNOWN_RESOURCE.description()));
	}

	@Test
	void aOneShotHeartbeatThatFindsTheTaskGoneLosesItsBackgroundHeartbeatsToo() {
		this.harness.transport.thenFail(ScriptedTransport.unknownResource());
		try (HeartbeatHandle handle = this.harness.engine.start(TOKEN, HeartbeatOptions.defaults())) {
			this.harness.settle();
			java.util.concurrent.CompletableFuture<Boolean> oneShot = this.harness.engine.heartbeatOnce(TOKEN, null, INFO);
			this.harness.settle();
			assertThat(oneShot).isCompletedExceptionally();
			assertThat(handle.whenLost().toCompletableFuture()).isCompletedWithValue(TaskLossReason.UNKNOWN_RESOURCE);
			this.harness.runUntil(Duration.ofSeconds(41));
			assertThat(this.harness.transport.calls).as("no background heartbeat of the lost task").hasSize(1);
		}
	}

	@Test
	void aOneShotHeartbeatThatLearnsOfACancellationTellsTheBackgroundTask() {
		this.harness.transport.thenCancelRequested();
		try (HeartbeatHandle handle = this.harness.engine.start(TOKEN, HeartbeatOptions.defaults())) {
			this.harness.settle();
			java.util.concurrent.CompletableFuture<Boolean> oneShot = this.harness.engine.heartbeatOnce(TOKEN, null, INFO);
			this.harness.settle();
			assertThat(oneShot).isCompletedWithValue(true);
			assertThat(handle.isCancellationRequested()).isTrue();
		}
	}

	@Test
	void denialByIamIsLoggedAsAnErrorWithSwfsMessage() {
		this.harness.transport.thenFail(ScriptedTransport.notPermitted());
		try (HeartbeatHandle handle = this.harness.engine.start(TOKEN, HeartbeatOptions.defaults())) {
			this.harness.runUntil(Duration.ofSeconds(41));
			assertThat(handle.whenLost().toCompletableFuture()).isCompletedWithValue(TaskLossReason.NOT_PERMITTED);
		}
		assertThat(this.log.list).filteredOn((event) -> event.getLevel() == ch.qos.logback.classic.Level.ERROR)
			.singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).startsWith("Activity task "
					+ TaskTokenFingerprint.of(TOKEN) + " (activity ?, type ?) is no longer heartbeated: "
					+ TaskLossReason.NOT_PERMITTED.description())
				.contains("Denied"));
	}

	@Test
	void engineKeepsWhatItWasBuiltWith() {
		assertThat(this.harness.engine.transport()).isSameAs(this.harness.transport);
		assertThat(this.harness.engine.settings()).isEqualTo(HeartbeatEngineSettings.defaults());
		assertThat(this.harness.engine.removeListener(this.harness.listener)).isTrue();
		assertThat(this.harness.engine.removeListener(this.harness.listener)).isFalse();
		assertThat(this.harness.engine.isTerminated()).isFalse();
	}

	@Test
	void aOneShotHeartbeatReportsTheTaskItWasGiven() {
		assertThat(this.harness.engine.heartbeatOnce(TOKEN, "10%", INFO)).isNotDone();
		this.harness.settle();
		assertThat(this.harness.listener.attempts).singleElement()
			.satisfies((attempt) -> assertThat(attempt.activityTask()).isEqualTo(INFO));
		assertThat(this.harness.transport.calls).extracting(ScriptedTransport.Call::details).containsExactly("10%");
	}

	@Test
	void detailsAtTheLimitAreSentWholeAndLongerOnesTruncatedWithOneWarning() {
		String limit = "x".repeat(HeartbeatEngineSettings.SWF_MAX_DETAILS_LENGTH);
		try (HeartbeatHandle handle = this.harness.engine.start(TOKEN, HeartbeatOptions.defaults())) {
			handle.setDetails(limit);
			assertThat(handle.details()).isSameAs(limit);
			handle.setDetails(limit + "x");
			handle.setDetails(limit + "y");
			handle.setDetails(limit + "z");
			assertThat(handle.details()).isEqualTo(limit);
		}
		assertThat(this.log.list).filteredOn((event) -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
			.isEmpty();
		assertThat(this.engineLog.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("Heartbeat details for " + TaskTokenFingerprint.of(TOKEN) + " are 2049 characters long; "
					+ "sending the first 2048 (swf.heartbeat.details-overflow=TRUNCATE)");
	}

	private List<String> messages() {
		return this.log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
