package io.github.swfheartbeat.engine;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.swfheartbeat.core.ActivityTaskInfo;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine with the real {@code SwfAsyncClient} over HTTP against the embedded SWF endpoint. Tests
 * of logic over time share the endpoint's virtual time; cancellation latency, faults met once, load
 * and threads are measured in real time.
 */
class HeartbeatEngineIntegrationTests {

	private static final Duration T = Duration.ofSeconds(2);

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension();

	@RegisterExtension
	static final EmbeddedSwfExtension virtual = new EmbeddedSwfExtension(EmbeddedSwf.builder().virtualTime());

	private static final HeartbeatEngineSettings SETTINGS = HeartbeatEngineSettings.builder()
		.defaultDomain(EmbeddedSwfScenario.DOMAIN)
		.build();

	private TestTime time;

	private EmbeddedSwf swf;

	private EmbeddedSwfScenario scenario;

	private final RecordingListener listener = new RecordingListener();

	private HeartbeatEngine engine;

	@BeforeEach
	void start() {
		this.swf = embedded.get();
		this.scenario = new EmbeddedSwfScenario(this.swf);
		this.time = TestTime.real(this.swf);
		this.engine = new HeartbeatEngine(new SwfAsyncClientTransport(this.swf.asyncClient()), SETTINGS);
		this.engine.addListener(this.listener);
	}

	/**
	 * Moves the test to an engine on the endpoint's virtual time, for logic over time: seconds of
	 * heartbeats take milliseconds.
	 */
	private void onVirtualTime() {
		this.engine.shutdown(Duration.ZERO);
		this.swf = virtual.get();
		this.scenario = new EmbeddedSwfScenario(this.swf);
		this.time = TestTime.virtual(this.swf);
		this.engine = new HeartbeatEngine(new SwfAsyncClientTransport(this.swf.asyncClient()), SETTINGS, this.time.clock());
		this.engine.addListener(this.listener);
	}

	@AfterEach
	void stop() {
		// A call still in flight would reach the endpoint during the next test and could take a
		// fault planned there.
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.listener.attempts.size() >= this.engine.stats().heartbeatsSent());
		this.engine.shutdown(Duration.ZERO);
	}

	@Test
	void keepsATaskAliveLongPastItsHeartbeatTimeoutWithItsNewestDetails() {
		onVirtualTime();
		StartedActivity task = this.scenario.start(T);
		try (HeartbeatHandle handle = this.engine.start(task.taskToken(), EmbeddedSwfScenario.options(task, T))) {
			handle.setDetails("10%");
			this.time.pass(Duration.ofSeconds(3));
			handle.setDetails("60%");
			this.time.pass(Duration.ofSeconds(3));
			assertThat(this.swf.activityTask(task.taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
			assertThat(this.swf.activityTask(task.taskToken()).heartbeatCount()).isBetween(3L, 8L);
			assertThat(this.swf.activityTask(task.taskToken()).lastDetails()).isEqualTo("60%");
		}
		assertThat(this.listener.losses).isEmpty();
	}

	@Test
	void discoversTheHeartbeatTimeoutOfTheActivityType() {
		onVirtualTime();
		StartedActivity task = this.scenario.start(T);
		HeartbeatOptions options = HeartbeatOptions.defaults()
			.withActivityTask(ActivityTaskInfo.of(task.task(), null));
		try (HeartbeatHandle handle = this.engine.start(task.taskToken(), options)) {
			this.time.pass(Duration.ofSeconds(5));
			assertThat(this.swf.activityTask(task.taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
		}
		assertThat(this.swf.callCount("DescribeActivityType")).isEqualTo(1);
	}

	@Test
	void reportsCancellationWithinItsLatencyAndTheTaskCanRespondCanceled() throws Exception {
		Duration latency = Duration.ofSeconds(2);
		Duration timeout = Duration.ofSeconds(30);
		StartedActivity task = this.scenario.start(timeout);
		HeartbeatOptions options = EmbeddedSwfScenario.options(task, timeout).withMaxCancellationLatency(latency);
		try (HeartbeatHandle handle = this.engine.start(task.taskToken(), options)) {
			sleep(Duration.ofMillis(1500));
			long requested = System.nanoTime();
			this.swf.requestCancel(task.scheduled());
			await().atMost(Duration.ofSeconds(5)).until(handle::isCancellationRequested);
			Duration detected = Duration.ofNanos(System.nanoTime() - requested);
			// Room for scheduling on a busy machine; by its 30 s timeout alone the next heartbeat could be 28 s away.
			assertThat(detected).isLessThan(latency.plusSeconds(1));
			// Listeners are told on their own lane, a moment after the handle knows.
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.listener.cancellations)
				.singleElement()
				.satisfies((snapshot) -> assertThat(snapshot.activityTask().activityId())
					.isEqualTo(task.scheduled().activityId())));
			this.engine.transport().respondCanceled(task.taskToken(), "stopped").get();
		}
		assertThat(this.swf.activityTask(task.taskToken()).state()).isEqualTo(ActivityTaskState.CANCELED);
	}

	@Test
	void reportsATaskTheEndpointTimedOutAsLostOnce() {
		onVirtualTime();
		StartedActivity task = this.scenario.start(T);
		try (HeartbeatHandle handle = this.engine.start(task.taskToken(), EmbeddedSwfScenario.options(task, T))) {
			this.swf.timeOut(task.taskToken());
			this.time.passUntil(Duration.ofSeconds(5), handle::isLost);
			this.time.pass(Duration.ofSeconds(2));
		}
		assertThat(this.listener.losses).containsExactly(TaskLossReason.UNKNOWN_RESOURCE);
		assertThat(this.swf.activityTask(task.taskToken()).heartbeatCount()).isZero();
	}

	@Test
	void retriesItselfBecauseSdkRetriesAreOffForHeartbeats() {
		StartedActivity task = this.scenario.start(T);
		this.swf.faults().failNext("RecordActivityTaskHeartbeat", 1, 503);
		try (HeartbeatHandle handle = this.engine.start(task.taskToken(), EmbeddedSwfScenario.options(task, T))) {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.listener.attempts.size() >= 2);
		}
		assertThat(this.listener.attempts.subList(0, 2)).extracting(HeartbeatAttempt::outcome)
			.containsExactly(HeartbeatOutcome.ERROR, HeartbeatOutcome.SUCCESS);
		assertThat(this.swf.activityTask(task.taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
	}

	@Test
	void operationNotPermittedStopsTheTaskAndMarksTheEngine() {
		StartedActivity task = this.scenario.start(T);
		this.swf.faults().denyNext("RecordActivityTaskHeartbeat", 1);
		try (HeartbeatHandle handle = this.engine.start(task.taskToken(), EmbeddedSwfScenario.options(task, T))) {
			await().atMost(Duration.ofSeconds(5)).until(handle::isLost);
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.listener.losses).containsExactly(TaskLossReason.NOT_PERMITTED));
		assertThat(this.engine.stats().isNotPermitted()).isTrue();
		assertThat(this.swf.callCount("RecordActivityTaskHeartbeat")).isEqualTo(1);
	}

	@Test
	void blockingClientIsAdaptedOnABoundedPool() {
		onVirtualTime();
		Duration timeout = Duration.ofSeconds(3);
		// A new client's first call loads and connects a good deal; that is not what this is about.
		this.swf.syncClient().describeDomain((request) -> request.name(EmbeddedSwfScenario.DOMAIN));
		StartedActivity task = this.scenario.start(timeout);
		try (SwfClientTransport transport = new SwfClientTransport(this.swf.syncClient(), 2);
				HeartbeatEngine blocking = new HeartbeatEngine(transport, HeartbeatEngineSettings.defaults(),
						this.time.clock());
				HeartbeatHandle handle = blocking.start(task.taskToken(), EmbeddedSwfScenario.options(task, timeout))) {
			this.time.pass(Duration.ofSeconds(5));
			assertThat(this.swf.activityTask(task.taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
			assertThat(this.swf.activityTask(task.taskToken()).heartbeatCount()).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void aThousandConcurrentTasksStayAliveOnThreadsThatDoNotGrowWithTheirNumber() {
		// 1,000 tasks with a 10 s timeout need some 125 calls per second. The tasks start within
		// a second; at 200 calls per second the calendar spreads their first heartbeats over the
		// five seconds before they are due, so one scheduler thread keeps up on a busy machine.
		this.engine.shutdown(Duration.ZERO);
		this.engine = new HeartbeatEngine(new SwfAsyncClientTransport(this.swf.asyncClient()),
				HeartbeatEngineSettings.builder().rateLimit(200).rateLimitBurst(20)
					.minSafetyMargin(Duration.ofSeconds(2)).build());
		this.engine.addListener(this.listener);
		Duration timeout = Duration.ofSeconds(10);
		List<HeartbeatHandle> handles = new ArrayList<>();
		startTasks(10, timeout, handles);
		sleep(Duration.ofSeconds(2));
		int threadsWithFew = liveThreads();
		List<StartedActivity> many = startTasks(1_000, timeout, handles);
		// Long enough for every task to need two heartbeats.
		sleep(Duration.ofSeconds(18));
		int threadsWithMany = liveThreads();
		try {
			assertThat(many.stream().filter((task) -> !this.swf.activityTask(task.taskToken()).isOpen()).count())
				.as("tasks timed out").isZero();
			assertThat(many.stream().mapToLong((task) -> this.swf.activityTask(task.taskToken()).heartbeatCount()).min()
				.orElse(0)).isGreaterThanOrEqualTo(2);
			assertThat(this.listener.losses).isEmpty();
			assertThat(this.engine.stats().activeTasks()).isEqualTo(1_010);
			// The SDK's I/O threads may add a few; a thread per task would add a thousand.
			assertThat(threadsWithMany - threadsWithFew).isLessThan(20);
		}
		finally {
			handles.forEach(HeartbeatHandle::close);
		}
	}

	/**
	 * Starts tasks and heartbeats each from the moment a worker would have polled it: SWF's heartbeat
	 * clock starts then.
	 */
	private List<StartedActivity> startTasks(int count, Duration timeout, List<HeartbeatHandle> handles) {
		List<StartedActivity> tasks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			StartedActivity task = this.scenario.start(timeout);
			handles.add(this.engine.start(task.taskToken(), EmbeddedSwfScenario.options(task, timeout)));
			tasks.add(task);
		}
		return tasks;
	}

	private static int liveThreads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	private static void sleep(Duration duration) {
		await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
	}

}
