package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected through the embedded SWF endpoint: no task loses its lease while a fault window
 * is shorter than its slack, no cancellation is missed, and one task's failures never stop the
 * others' heartbeats.
 * <p>
 * Tasks have a 6 s heartbeat timeout and a 2 s safety margin: a heartbeat goes out every 4 s, and
 * a fault window shorter than 2 s must cost nothing.
 * <p>
 * Faults counted in calls (errors, resets, throttling, a task that keeps failing) are about the
 * engine's retry and loss logic over time: those tests run the engine on the endpoint's virtual
 * time, and take milliseconds. A latency spike and an endpoint that stops are about time passing
 * in the HTTP stack itself, which virtual time does not see: those run in real time.
 */
class HeartbeatFaultToleranceTests {

	private static final Duration T = Duration.ofSeconds(6);

	private static final String HEARTBEAT = "RecordActivityTaskHeartbeat";

	private static final int TASKS = 20;

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension();

	@RegisterExtension
	static final EmbeddedSwfExtension virtual = new EmbeddedSwfExtension(EmbeddedSwf.builder().virtualTime());

	private EmbeddedSwf swf;

	private TestTime time;

	private EmbeddedSwfScenario scenario;

	private final RecordingListener listener = new RecordingListener();

	private HeartbeatEngine engine;

	private final List<StartedActivity> tasks = new ArrayList<>();

	private final List<HeartbeatHandle> handles = new ArrayList<>();

	/**
	 * Starts the engine and its tasks, on virtual time or in real time.
	 */
	private void start(boolean virtualTime) {
		this.swf = virtualTime ? virtual.get() : embedded.get();
		this.time = virtualTime ? TestTime.virtual(this.swf) : TestTime.real(this.swf);
		this.scenario = new EmbeddedSwfScenario(this.swf);
		// A 2 s margin so that the 1.5 s latency spike and a retry after a burst of errors fit in
		// every heartbeat's reserve with a 6 s timeout; HeartbeatEngineAtDefaultsTests meets errors,
		// throttling, resets and 1.2 s delays at the default margin.
		this.engine = new HeartbeatEngine(new SwfAsyncClientTransport(this.swf.asyncClient()),
				HeartbeatEngineSettings.builder().minSafetyMargin(Duration.ofSeconds(2)).build(),
				this.time.clock());
		this.engine.addListener(this.listener);
		for (int i = 0; i < TASKS; i++) {
			StartedActivity task = this.scenario.start(T);
			this.tasks.add(task);
			this.handles.add(this.engine.start(task.taskToken(), EmbeddedSwfScenario.options(task, T)));
		}
	}

	@AfterEach
	void stop() {
		this.handles.forEach(HeartbeatHandle::close);
		if (this.engine != null) {
			this.engine.shutdown(Duration.ZERO);
		}
	}

	@Test
	void burstsOfServerErrorsCostNoLease() {
		start(true);
		waitUntilFirstHeartbeats();
		this.swf.faults().failNext(HEARTBEAT, 30, 503).failNext(HEARTBEAT, 30, 500);
		this.time.pass(Duration.ofSeconds(7));
		assertAllAlive();
		assertThat(this.listener.attempts).extracting(HeartbeatAttempt::outcome).contains(HeartbeatOutcome.ERROR);
	}

	@Test
	void throttlingStormLowersTheRateAndCostsNoLease() {
		start(true);
		waitUntilFirstHeartbeats();
		double configured = this.engine.settings().rateLimit();
		assertThat(this.engine.stats().currentRateLimit()).isEqualTo(configured);
		this.swf.faults().throttleNext(HEARTBEAT, 60);
		this.time.passUntil(T, () -> this.engine.stats().currentRateLimit() <= configured / 2);
		// Once the storm is over the lowered rate still carries what the tasks need, so it stays.
		this.time.pass(T.multipliedBy(2));
		HeartbeatStats stats = this.engine.stats();
		assertThat(stats.currentRateLimit()).isLessThan(configured).isGreaterThan(stats.plannedDemand());
		assertAllAlive();
		assertThat(this.engine.stats().throttledLastMinute()).isGreaterThan(0);
		assertThat(this.listener.attempts).extracting(HeartbeatAttempt::outcome).contains(HeartbeatOutcome.THROTTLED);
	}

	@Test
	void latencySpikeShorterThanTheSlackCostsNoLease() {
		start(false);
		waitUntilFirstHeartbeats();
		this.swf.faults().latency(HEARTBEAT, Duration.ofMillis(1500));
		this.time.pass(Duration.ofSeconds(6));
		this.swf.faults().latency(HEARTBEAT, Duration.ZERO);
		this.time.pass(Duration.ofSeconds(4));
		assertAllAlive();
	}

	@Test
	void connectionResetsCostNoLease() {
		start(true);
		waitUntilFirstHeartbeats();
		this.swf.faults().resetNext(HEARTBEAT, 40);
		this.time.pass(Duration.ofSeconds(7));
		assertAllAlive();
	}

	@Test
	void endpointStoppingAndRestartingCostsNoLease() {
		start(false);
		waitUntilFirstHeartbeats();
		this.swf.stop();
		this.time.pass(Duration.ofMillis(1500));
		this.swf.restart();
		this.time.pass(Duration.ofSeconds(8));
		assertAllAlive();
	}

	@Test
	void noCancellationIsMissedDuringFaults() {
		start(true);
		waitUntilFirstHeartbeats();
		this.swf.faults().failNext(HEARTBEAT, 15, 503).throttleNext(HEARTBEAT, 15).resetNext(HEARTBEAT, 15);
		this.swf.requestCancel(this.tasks.get(3).scheduled());
		this.swf.requestCancel(this.tasks.get(7).scheduled());
		this.time.passUntil(T.plusSeconds(2), () -> this.listener.cancellations.size() == 2);
		assertThat(this.handles.get(3).isCancellationRequested()).isTrue();
		assertThat(this.handles.get(7).isCancellationRequested()).isTrue();
		assertThat(this.handles.get(4).isCancellationRequested()).isFalse();
		assertAllAlive();
	}

	@Test
	void oneTaskFailingDoesNotStopTheOthers() {
		start(true);
		waitUntilFirstHeartbeats();
		this.swf.timeOut(this.tasks.get(0).taskToken());
		long othersBefore = heartbeatsOfOthers();
		this.time.pass(Duration.ofSeconds(5));
		assertThat(this.handles.get(0).isLost()).isTrue();
		// Listeners are told on their own lane, a moment after the handle knows.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.listener.losses).containsExactly(TaskLossReason.UNKNOWN_RESOURCE));
		assertThat(heartbeatsOfOthers()).isGreaterThanOrEqualTo(othersBefore + TASKS - 1);
		for (int i = 1; i < TASKS; i++) {
			assertThat(this.swf.activityTask(this.tasks.get(i).taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
		}
	}

	@Test
	void oneTaskWhoseCallsKeepFailingIsReportedLostWhileTheOthersStayAlive() {
		start(true);
		waitUntilFirstHeartbeats();
		this.swf.faults().failTask(this.tasks.get(0).taskToken(), 10_000, 503);
		long othersBefore = heartbeatsOfOthers();
		// Past its deadline and the margin after it, however its last heartbeat fell.
		this.time.passUntil(T.plusSeconds(6), this.handles.get(0)::isLost);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.listener.losses).containsExactly(TaskLossReason.DEADLINE_PASSED));
		assertThat(heartbeatsOfOthers()).isGreaterThanOrEqualTo(othersBefore + TASKS - 1);
		for (int i = 1; i < TASKS; i++) {
			assertThat(this.swf.activityTask(this.tasks.get(i).taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
		}
	}

	@Test
	void listenersThatThrowOrBlockDelayNoHeartbeatAndNoOtherListener() throws Exception {
		start(true);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger blockedCalls = new AtomicInteger();
		this.engine.addListener(new HeartbeatListener() {
			@Override
			public void onHeartbeat(HeartbeatAttempt attempt) {
				blockedCalls.incrementAndGet();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		});
		this.engine.addListener(new HeartbeatListener() {
			@Override
			public void onHeartbeat(HeartbeatAttempt attempt) {
				throw new IllegalStateException("broken listener");
			}

			@Override
			public void onCancellationRequested(TaskSnapshot task) {
				throw new IllegalStateException("broken listener");
			}
		});
		try {
			waitUntilFirstHeartbeats();
			this.swf.requestCancel(this.tasks.get(5).scheduled());
			this.time.pass(Duration.ofSeconds(7));
			assertAllAlive();
			assertThat(blockedCalls).hasValue(1);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.listener.cancellations).hasSize(1));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void gracefulShutdownKeepsRunningTasksAliveThenSendsNothingMore() throws Exception {
		start(true);
		waitUntilFirstHeartbeats();
		var termination = this.engine.shutdown(Duration.ofSeconds(30));
		long before = totalHeartbeats();
		this.time.pass(Duration.ofSeconds(5));
		assertThat(totalHeartbeats()).isGreaterThanOrEqualTo(before + TASKS);
		assertAllAlive();
		this.handles.forEach(HeartbeatHandle::close);
		termination.get(5, java.util.concurrent.TimeUnit.SECONDS);
		long after = this.swf.callCount(HEARTBEAT);
		this.time.pass(Duration.ofSeconds(5));
		assertThat(this.swf.callCount(HEARTBEAT)).isEqualTo(after);
		this.engine.close();
		this.engine.close();
	}

	private void waitUntilFirstHeartbeats() {
		this.time.passUntil(T, () -> this.tasks.stream()
			.allMatch((task) -> this.swf.activityTask(task.taskToken()).heartbeatCount() > 0));
	}

	private void assertAllAlive() {
		for (StartedActivity task : this.tasks) {
			if (this.handles.get(this.tasks.indexOf(task)).isLost()) {
				continue;
			}
			assertThat(this.swf.activityTask(task.taskToken()).state()).as(task.scheduled().activityId())
				.isEqualTo(ActivityTaskState.OPEN);
		}
		assertThat(this.listener.losses).isEmpty();
	}

	private long heartbeatsOfOthers() {
		return this.tasks.subList(1, TASKS)
			.stream()
			.mapToLong((task) -> this.swf.activityTask(task.taskToken()).heartbeatCount())
			.sum();
	}

	private long totalHeartbeats() {
		return this.tasks.stream().mapToLong((task) -> this.swf.activityTask(task.taskToken()).heartbeatCount()).sum();
	}


}
