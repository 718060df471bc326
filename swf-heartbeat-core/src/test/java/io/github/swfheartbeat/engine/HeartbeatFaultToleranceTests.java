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
 */
class HeartbeatFaultToleranceTests {

	private static final Duration T = Duration.ofSeconds(6);

	private static final String HEARTBEAT = "RecordActivityTaskHeartbeat";

	private static final int TASKS = 20;

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension();

	private EmbeddedSwf swf;

	private EmbeddedSwfScenario scenario;

	private final RecordingListener listener = new RecordingListener();

	private HeartbeatEngine engine;

	private final List<StartedActivity> tasks = new ArrayList<>();

	private final List<HeartbeatHandle> handles = new ArrayList<>();

	@BeforeEach
	void start() {
		this.swf = embedded.get();
		this.scenario = new EmbeddedSwfScenario(this.swf);
		this.engine = new HeartbeatEngine(new SwfAsyncClientTransport(this.swf.asyncClient()),
				HeartbeatEngineSettings.builder().minSafetyMargin(Duration.ofSeconds(2)).build());
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
		this.engine.shutdown(Duration.ZERO);
	}

	@Test
	void burstsOfServerErrorsCostNoLease() {
		waitUntilFirstHeartbeats();
		this.swf.faults().failNext(HEARTBEAT, 30, 503).failNext(HEARTBEAT, 30, 500);
		sleep(Duration.ofSeconds(7));
		assertAllAlive();
		assertThat(this.listener.attempts).extracting(HeartbeatAttempt::outcome).contains(HeartbeatOutcome.ERROR);
	}

	@Test
	void throttlingStormLowersTheRateAndCostsNoLease() {
		waitUntilFirstHeartbeats();
		double configured = this.engine.settings().rateLimit();
		assertThat(this.engine.stats().currentRateLimit()).isEqualTo(configured);
		this.swf.faults().throttleNext(HEARTBEAT, 60);
		await().atMost(T).until(() -> this.engine.stats().currentRateLimit() <= configured / 2);
		// Once the storm is over the rate recovers, 10% of the limit per second.
		await().atMost(T.multipliedBy(2)).until(() -> this.engine.stats().currentRateLimit() == configured);
		assertAllAlive();
		assertThat(this.engine.stats().throttledLastMinute()).isGreaterThan(0);
		assertThat(this.listener.attempts).extracting(HeartbeatAttempt::outcome).contains(HeartbeatOutcome.THROTTLED);
	}

	@Test
	void latencySpikeShorterThanTheSlackCostsNoLease() {
		waitUntilFirstHeartbeats();
		this.swf.faults().latency(HEARTBEAT, Duration.ofMillis(1500));
		sleep(Duration.ofSeconds(6));
		this.swf.faults().latency(HEARTBEAT, Duration.ZERO);
		sleep(Duration.ofSeconds(4));
		assertAllAlive();
	}

	@Test
	void connectionResetsCostNoLease() {
		waitUntilFirstHeartbeats();
		this.swf.faults().resetNext(HEARTBEAT, 40);
		sleep(Duration.ofSeconds(7));
		assertAllAlive();
	}

	@Test
	void endpointStoppingAndRestartingCostsNoLease() {
		waitUntilFirstHeartbeats();
		this.swf.stop();
		sleep(Duration.ofMillis(1500));
		this.swf.restart();
		sleep(Duration.ofSeconds(8));
		assertAllAlive();
	}

	@Test
	void noCancellationIsMissedDuringFaults() {
		waitUntilFirstHeartbeats();
		this.swf.faults().failNext(HEARTBEAT, 15, 503).throttleNext(HEARTBEAT, 15).resetNext(HEARTBEAT, 15);
		this.swf.requestCancel(this.tasks.get(3).scheduled());
		this.swf.requestCancel(this.tasks.get(7).scheduled());
		await().atMost(T.plusSeconds(2)).until(() -> this.listener.cancellations.size() == 2);
		assertThat(this.handles.get(3).isCancellationRequested()).isTrue();
		assertThat(this.handles.get(7).isCancellationRequested()).isTrue();
		assertThat(this.handles.get(4).isCancellationRequested()).isFalse();
		assertAllAlive();
	}

	@Test
	void oneTaskFailingDoesNotStopTheOthers() {
		waitUntilFirstHeartbeats();
		this.swf.timeOut(this.tasks.get(0).taskToken());
		long othersBefore = heartbeatsOfOthers();
		sleep(Duration.ofSeconds(5));
		assertThat(this.handles.get(0).isLost()).isTrue();
		assertThat(this.listener.losses).containsExactly(TaskLossReason.UNKNOWN_RESOURCE);
		assertThat(heartbeatsOfOthers()).isGreaterThanOrEqualTo(othersBefore + TASKS - 1);
		for (int i = 1; i < TASKS; i++) {
			assertThat(this.swf.activityTask(this.tasks.get(i).taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
		}
	}

	@Test
	void oneTaskWhoseCallsKeepFailingIsReportedLostWhileTheOthersStayAlive() {
		waitUntilFirstHeartbeats();
		this.swf.faults().failTask(this.tasks.get(0).taskToken(), 10_000, 503);
		long othersBefore = heartbeatsOfOthers();
		// Past its deadline and the margin after it, however its last heartbeat fell.
		await().atMost(T.plusSeconds(6)).until(this.handles.get(0)::isLost);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.listener.losses).containsExactly(TaskLossReason.DEADLINE_PASSED));
		assertThat(heartbeatsOfOthers()).isGreaterThanOrEqualTo(othersBefore + TASKS - 1);
		for (int i = 1; i < TASKS; i++) {
			assertThat(this.swf.activityTask(this.tasks.get(i).taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
		}
	}

	@Test
	void listenersThatThrowOrBlockDelayNoHeartbeatAndNoOtherListener() throws Exception {
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
			sleep(Duration.ofSeconds(7));
			assertAllAlive();
			assertThat(blockedCalls).hasValue(1);
			assertThat(this.listener.cancellations).hasSize(1);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void gracefulShutdownKeepsRunningTasksAliveThenSendsNothingMore() throws Exception {
		waitUntilFirstHeartbeats();
		var termination = this.engine.shutdown(Duration.ofSeconds(30));
		long before = totalHeartbeats();
		sleep(Duration.ofSeconds(5));
		assertThat(totalHeartbeats()).isGreaterThanOrEqualTo(before + TASKS);
		assertAllAlive();
		this.handles.forEach(HeartbeatHandle::close);
		termination.get(5, java.util.concurrent.TimeUnit.SECONDS);
		long after = this.swf.callCount(HEARTBEAT);
		sleep(Duration.ofSeconds(5));
		assertThat(this.swf.callCount(HEARTBEAT)).isEqualTo(after);
		this.engine.close();
		this.engine.close();
	}

	private void waitUntilFirstHeartbeats() {
		await().atMost(T).until(() -> this.tasks.stream()
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

	private static void sleep(Duration duration) {
		await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
	}

}
