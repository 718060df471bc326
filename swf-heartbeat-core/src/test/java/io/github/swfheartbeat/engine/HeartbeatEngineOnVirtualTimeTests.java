package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real engine (scheduler thread, real {@code SwfAsyncClient} over HTTP) and the embedded endpoint
 * on one virtual clock: hours of heartbeats in seconds, and timeouts at exact moments.
 */
class HeartbeatEngineOnVirtualTimeTests {

	private static final Duration T = Duration.ofMinutes(10);

	/** The first heartbeat keeps a third of the timeout in reserve while no round trip is measured. */
	private static final Duration FIRST_HEARTBEAT = T.minus(T.dividedBy(3));

	/**
	 * Then each keeps the least safety margin (1 s): calls on virtual time take no time, so the
	 * measured round trip is zero.
	 */
	private static final Duration INTERVAL = T.minusSeconds(1);

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension(EmbeddedSwf.builder().virtualTime());

	private EmbeddedSwf swf;

	private EmbeddedSwfScenario scenario;

	private final RecordingListener listener = new RecordingListener();

	private HeartbeatEngine engine;

	@BeforeEach
	void start() {
		this.swf = embedded.get();
		this.scenario = new EmbeddedSwfScenario(this.swf);
		this.engine = new HeartbeatEngine(new SwfAsyncClientTransport(this.swf.asyncClient()),
				HeartbeatEngineSettings.defaults(), this.swf.engineClock(EngineClock.class));
		this.engine.addListener(this.listener);
	}

	@AfterEach
	void stop() {
		this.engine.shutdown(Duration.ZERO);
	}

	@Test
	void keepsATaskAliveThroughTwoHoursOfVirtualTimeWithTheHeartbeatsItPlanned() {
		StartedActivity task = this.scenario.start(T);
		Instant start = this.swf.currentTime();
		try (HeartbeatHandle handle = this.engine.start(task.taskToken(), options(task))) {
			this.swf.advance(Duration.ofHours(2));
			assertThat(this.swf.currentTime()).isEqualTo(start.plus(Duration.ofHours(2)));
			assertThat(this.swf.activityTask(task.taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
			assertThat(this.swf.activityTask(task.taskToken()).heartbeatCount())
				.isEqualTo(plannedHeartbeats(Duration.ofHours(2)));
			assertThat(handle.isLost()).isFalse();
		}
		List<HistoryEvent> history = this.swf.history(task.scheduled());
		assertThat(history).noneMatch((event) -> event.eventType() == EventType.ACTIVITY_TASK_TIMED_OUT);
		assertThat(this.listener.losses).isEmpty();
	}

	@Test
	void aTaskWhoseHandleClosesTimesOutExactlyOneTimeoutAfterItsLastHeartbeat() {
		StartedActivity task = this.scenario.start(T);
		Instant start = this.swf.currentTime();
		try (HeartbeatHandle handle = this.engine.start(task.taskToken(), options(task))) {
			this.swf.advance(Duration.ofHours(1));
		}
		this.swf.advance(Duration.ofHours(1));
		Instant lastHeartbeat = start.plus(lastHeartbeatBy(Duration.ofHours(1)));
		assertThat(timedOut(task).eventTimestamp()).isEqualTo(lastHeartbeat.plus(T));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.listener.attempts.get(this.listener.attempts.size() - 1).completedAt())
				.isEqualTo(lastHeartbeat));
	}

	@Test
	void aTaskOfAnEngineThatStopsTimesOutExactlyOneTimeoutAfterItsLastHeartbeat() {
		StartedActivity task = this.scenario.start(T);
		Instant start = this.swf.currentTime();
		this.engine.start(task.taskToken(), options(task));
		this.swf.advance(Duration.ofMinutes(30));
		this.engine.shutdown(Duration.ZERO).join();
		this.swf.advance(Duration.ofHours(1));
		// Listeners are told on their own lane, a moment after the engine stopped.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.listener.losses).containsExactly(TaskLossReason.SHUTDOWN));
		assertThat(timedOut(task).eventTimestamp()).isEqualTo(start.plus(lastHeartbeatBy(Duration.ofMinutes(30))).plus(T));
	}

	private HeartbeatOptions options(StartedActivity task) {
		return EmbeddedSwfScenario.options(task, T).withPolledAt(this.swf.currentTime());
	}

	private HistoryEvent timedOut(StartedActivity task) {
		List<HistoryEvent> timedOut = this.swf.history(task.scheduled())
			.stream()
			.filter((event) -> event.eventType() == EventType.ACTIVITY_TASK_TIMED_OUT)
			.toList();
		assertThat(timedOut).hasSize(1);
		assertThat(timedOut.get(0).activityTaskTimedOutEventAttributes().timeoutType())
			.isEqualTo(ActivityTaskTimeoutType.HEARTBEAT);
		return timedOut.get(0);
	}

	private static long plannedHeartbeats(Duration within) {
		return 1 + within.minus(FIRST_HEARTBEAT).dividedBy(INTERVAL);
	}

	private static Duration lastHeartbeatBy(Duration within) {
		return FIRST_HEARTBEAT.plus(INTERVAL.multipliedBy(plannedHeartbeats(within) - 1));
	}

}
