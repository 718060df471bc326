package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.ActivityTypeSpec;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine as users run it: default settings, a new (cold) SDK client over real HTTP, tasks
 * handed to the engine a while after they were polled, and timeouts read from the activity type.
 * Retry and planning logic that real gaps add nothing to (faults longer than the slack, client
 * errors, a denied discovery, the start-to-close timeout) runs on the endpoint's virtual time, still
 * at defaults and with cold clients; fault windows and the gap after a poll are real time.
 */
class HeartbeatEngineAtDefaultsTests {

	private static final String HEARTBEAT = "RecordActivityTaskHeartbeat";

	private static final Duration T = Duration.ofSeconds(4);

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension();

	@RegisterExtension
	static final EmbeddedSwfExtension virtual = new EmbeddedSwfExtension(EmbeddedSwf.builder().virtualTime());

	private TestTime time;

	private EmbeddedSwf swf;

	private EmbeddedSwfScenario scenario;

	private ColdSwfClients clients;

	private final RecordingListener listener = new RecordingListener();

	private final List<HeartbeatEngine> engines = new ArrayList<>();

	@BeforeEach
	void start() {
		this.swf = embedded.get();
		this.scenario = new EmbeddedSwfScenario(this.swf);
		this.clients = new ColdSwfClients(this.swf);
		this.time = TestTime.real(this.swf);
	}

	/**
	 * Moves the test to the endpoint's virtual time, with cold clients of its own, for logic over
	 * time that real gaps add nothing to.
	 */
	private void onVirtualTime() throws Exception {
		this.clients.close();
		this.swf = virtual.get();
		this.scenario = new EmbeddedSwfScenario(this.swf);
		this.clients = new ColdSwfClients(this.swf);
		this.time = TestTime.virtual(this.swf);
	}

	@AfterEach
	void stop() throws Exception {
		this.swf.faults().clear();
		for (HeartbeatEngine engine : this.engines) {
			engine.shutdown(Duration.ZERO).get(10, TimeUnit.SECONDS);
		}
		this.clients.close();
	}

	@Test
	void alternatingFaultWindowsShorterThanTheSlackLoseNoTask() throws Exception {
		HeartbeatEngine engine = engine(new SwfAsyncClientTransport(this.clients.async()));
		// Tasks polled 150 ms apart, each handed to the engine a second after its poll (a real gap,
		// within the documented bound of T/3): their heartbeats spread over the period, so the
		// fault windows below are bound to meet some of them.
		List<StartedActivity> tasks = new ArrayList<>();
		List<HeartbeatHandle> handles = new ArrayList<>();
		ScheduledExecutorService handOver = Executors.newSingleThreadScheduledExecutor();
		try {
			List<ScheduledFuture<HeartbeatHandle>> started = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				StartedActivity task = this.scenario.start(T);
				tasks.add(task);
				started.add(handOver.schedule(() -> engine.start(task.taskToken(), discovered(task)), 1, TimeUnit.SECONDS));
				sleep(Duration.ofMillis(150));
			}
			for (ScheduledFuture<HeartbeatHandle> handle : started) {
				handles.add(handle.get(10, TimeUnit.SECONDS));
			}
		}
		finally {
			handOver.shutdown();
		}
		// Faults begin once the first heartbeats are through: a new client's first round trip
		// takes more than a second on a busy machine, which is the reserve kept until then, not
		// the slack this test is about. The client is not warmed up by the test.
		await().atMost(T.multipliedBy(2)).until(() -> this.listener.attempts.size() >= tasks.size());
		// At default settings, once a round trip is measured, a heartbeat leaves min-safety-margin
		// (1 s) before its deadline: that is the slack. Fault windows of 0.3 to 0.6 s, clear
		// windows of 0.6 to 1 s.
		alternateFaultWindows(300, 600, Duration.ofMillis(600), 600, 1000);
		assertEveryTaskKeptThroughTheFaults(tasks, handles);
	}

	@Test
	void faultWindowsOfOneToOneAndAHalfSecondsLoseNoTaskThatHeartbeatsForAShortCancellationLatency()
			throws Exception {
		// A worker that wants cancellations within 2 s of a 4 s timeout: every 4 s window holds at
		// least a second in which calls go through, so every task can be kept.
		HeartbeatEngine engine = engine(new SwfAsyncClientTransport(this.clients.async()));
		List<StartedActivity> tasks = this.scenario.start(20, T);
		sleep(Duration.ofSeconds(1));
		List<HeartbeatHandle> handles = tasks.stream()
			.map((task) -> engine.start(task.taskToken(),
					discovered(task).withMaxCancellationLatency(Duration.ofSeconds(2))))
			.toList();
		await().atMost(T.multipliedBy(2)).until(() -> this.listener.attempts.size() >= tasks.size());
		alternateFaultWindows(1000, 1500, Duration.ofMillis(1200), 1000, 1200);
		assertEveryTaskKeptThroughTheFaults(tasks, handles);
	}

	@Test
	void faultsLongerThanTheSlackLoseNoTaskSilently() throws Exception {
		onVirtualTime();
		HeartbeatEngine engine = engine(new SwfAsyncClientTransport(this.clients.async()));
		List<StartedActivity> tasks = this.scenario.start(20, T);
		List<HeartbeatHandle> handles = tasks.stream().map((task) -> engine.start(task.taskToken(), discovered(task))).toList();
		this.time.passUntil(T.multipliedBy(2), () -> this.listener.attempts.size() >= 20);
		this.swf.faults().failNext(HEARTBEAT, 1_000_000, 503);
		this.time.pass(T.plusSeconds(1));
		this.swf.faults().clear();
		// Every task SWF timed out is reported lost; none is left to find out by itself.
		for (int i = 0; i < tasks.size(); i++) {
			StartedActivity task = tasks.get(i);
			if (this.swf.activityTask(task.taskToken()).state() != ActivityTaskState.OPEN) {
				assertThat(handles.get(i).isLost()).as("task %d", i).isTrue();
			}
		}
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.listener.losses)
			.hasSize(tasks.size())
			.containsOnly(TaskLossReason.DEADLINE_PASSED));
	}

	@Test
	void theHeartbeatClockStartsAtThePoll() {
		HeartbeatEngine engine = engine(new SwfAsyncClientTransport(this.clients.async()));
		Duration timeout = Duration.ofSeconds(6);
		this.swf.registerActivityType(ActivityTypeSpec.of(EmbeddedSwfScenario.DOMAIN, "Polled", "1")
			.withHeartbeatTimeout(timeout)
			.withDefaultTaskList("polled"));
		this.swf.scheduleActivity(ActivitySpec.builder(EmbeddedSwfScenario.DOMAIN, "Polled", "1").taskList("polled").build());
		SwfClient worker = this.clients.sync();
		PollForActivityTaskResponse polled = worker.pollForActivityTask((request) -> request
			.domain(EmbeddedSwfScenario.DOMAIN)
			.taskList((list) -> list.name("polled")));
		ActivityTaskInfo info = ActivityTaskInfo.of(polled, EmbeddedSwfScenario.DOMAIN);
		assertThat(info.polledAt()).isNotNull();
		// The worker takes 3.5 s to hand the task over: 2.5 s of its 6 s are left.
		sleep(Duration.ofMillis(3500));
		Instant started = Instant.now();
		HeartbeatHandle handle = engine.start(polled.taskToken(), HeartbeatOptions.defaults().withActivityTask(info));
		await().atMost(timeout).until(() -> !this.listener.attempts.isEmpty());
		// Planned from the poll, the first heartbeat goes out at once, not 2 s after the start.
		assertThat(Duration.between(started, this.listener.attempts.get(0).completedAt()))
			.isLessThan(Duration.ofMillis(1500));
		sleep(timeout);
		assertThat(handle.isLost()).isFalse();
		assertThat(this.swf.activityTask(polled.taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
	}

	@Test
	void clientErrorsOtherThanTheThreeThatEndATaskAreRetried() throws Exception {
		onVirtualTime();
		// Heartbeats taken by the interceptor reach the endpoint under a name it does not know: a
		// real 400 with an error code the engine has never seen, the call not run, as with an
		// expired token or a signature SWF rejects.
		AtomicInteger garble = new AtomicInteger();
		ExecutionInterceptor garbler = new ExecutionInterceptor() {
			@Override
			public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
				SdkHttpRequest request = context.httpRequest();
				if (request.firstMatchingHeader("X-Amz-Target").orElse("").endsWith(HEARTBEAT)
						&& garble.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
					return request.toBuilder().putHeader("X-Amz-Target", "SimpleWorkflowService.ExpiredToken").build();
				}
				return request;
			}
		};
		HeartbeatEngine engine = engine(
				new SwfAsyncClientTransport(this.clients.async(ColdSwfClients.credentials(), garbler)));
		List<StartedActivity> tasks = this.scenario.start(10, T);
		List<HeartbeatHandle> handles = tasks.stream().map((task) -> engine.start(task.taskToken(), discovered(task))).toList();
		this.time.passUntil(T.multipliedBy(2), () -> this.listener.attempts.size() >= 10);
		garble.set(15);
		this.time.passUntil(T.multipliedBy(2), () -> garble.get() == 0);
		this.time.pass(T);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.listener.attempts)
			.filteredOn((attempt) -> attempt.outcome() == HeartbeatOutcome.ERROR)
			.hasSize(15));

		assertThat(this.listener.losses).isEmpty();
		assertThat(handles).noneMatch(HeartbeatHandle::isLost);
		assertThat(tasks).allSatisfy((task) -> assertThat(this.swf.activityTask(task.taskToken()).state())
			.isEqualTo(ActivityTaskState.OPEN));
	}

	@Test
	void aDeniedDiscoveryNeverPlansOnTheLongerDefaultAndIsReported() throws Exception {
		onVirtualTime();
		HeartbeatEngine engine = engine(new SwfAsyncClientTransport(this.clients.async()));
		this.swf.faults().denyNext("DescribeActivityType", 10);
		List<StartedActivity> tasks = this.scenario.start(5, T);
		List<HeartbeatHandle> handles = tasks.stream().map((task) -> engine.start(task.taskToken(), discovered(task))).toList();
		this.time.passUntil(Duration.ofSeconds(5), () -> !engine.stats().discoveryFailures().isEmpty());
		assertThat(engine.stats().discoveryFailures()).containsOnlyKeys(EmbeddedSwfScenario.DOMAIN + "/Work4s:1");
		// The 60 s default would have let these 4 s tasks time out three times over.
		this.time.pass(T.multipliedBy(3));
		assertThat(this.listener.losses).isEmpty();
		assertThat(handles).noneMatch(HeartbeatHandle::isLost);
		assertThat(tasks).allSatisfy((task) -> assertThat(this.swf.activityTask(task.taskToken()).state())
			.isEqualTo(ActivityTaskState.OPEN));
	}

	@Test
	void theTypesStartToCloseTimeoutEndsTheTask() throws Exception {
		onVirtualTime();
		HeartbeatEngine engine = engine(new SwfAsyncClientTransport(this.clients.async()));
		this.swf.registerActivityType(ActivityTypeSpec.of(EmbeddedSwfScenario.DOMAIN, "Bounded", "1")
			.withHeartbeatTimeout(T)
			.withStartToCloseTimeout(Duration.ofSeconds(5)));
		StartedActivity task = this.swf.startActivity(ActivitySpec.builder(EmbeddedSwfScenario.DOMAIN, "Bounded", "1").build());
		HeartbeatHandle handle = engine.start(task.taskToken(), discovered(task));
		this.time.passUntil(Duration.ofSeconds(8), handle::isLost);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.listener.losses).containsExactly(TaskLossReason.START_TO_CLOSE));
		long sent = this.swf.callCount(HEARTBEAT);
		this.time.pass(T);
		assertThat(this.swf.callCount(HEARTBEAT)).isEqualTo(sent);
	}

	@Test
	void shutdownReportsTheTasksItAbandons() throws Exception {
		HeartbeatEngine engine = engine(new SwfAsyncClientTransport(this.clients.async()));
		StartedActivity task = this.scenario.start(1, T).get(0);
		HeartbeatHandle handle = engine.start(task.taskToken(), discovered(task));
		engine.shutdown(Duration.ofMillis(500)).get(5, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(handle.whenLost().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS))
			.isEqualTo(TaskLossReason.SHUTDOWN);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.listener.losses.contains(TaskLossReason.SHUTDOWN));
	}

	private HeartbeatEngine engine(HeartbeatTransport transport) {
		HeartbeatEngine engine = new HeartbeatEngine(transport, HeartbeatEngineSettings.defaults(), this.time.clock());
		engine.addListener(this.listener);
		this.engines.add(engine);
		return engine;
	}

	/**
	 * Options that name the task's type and domain only: the engine reads the heartbeat timeout
	 * with DescribeActivityType, as it does for users.
	 */
	private static HeartbeatOptions discovered(StartedActivity task) {
		return HeartbeatOptions.defaults().withActivityTask(ActivityTaskInfo.of(task.task(), EmbeddedSwfScenario.DOMAIN));
	}

	/**
	 * Fails heartbeats in windows that take turns — 503, throttling, a delay of every answer,
	 * connection resets — with clear windows between them, for more than 3 T. Window edges are
	 * set on an absolute schedule, so a busy machine delays an edge, never the rest of the schedule.
	 */
	private void alternateFaultWindows(long faultMinMillis, long faultMaxMillis, Duration delay, long clearMinMillis,
			long clearMaxMillis) throws InterruptedException {
		long next = System.nanoTime();
		long end = next + T.multipliedBy(3).plusSeconds(2).toNanos();
		int window = 0;
		while (next < end) {
			switch (window++ % 4) {
				case 0 -> this.swf.faults().failNext(HEARTBEAT, 1_000_000, 503);
				case 1 -> this.swf.faults().throttleNext(HEARTBEAT, 1_000_000);
				case 2 -> this.swf.faults().latency(HEARTBEAT, delay);
				default -> this.swf.faults().resetNext(HEARTBEAT, 1_000_000);
			}
			next += TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(faultMinMillis, faultMaxMillis));
			sleepUntil(next);
			this.swf.faults().clear();
			next += TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(clearMinMillis, clearMaxMillis));
			sleepUntil(next);
		}
		sleep(Duration.ofSeconds(1));
	}

	private void assertEveryTaskKeptThroughTheFaults(List<StartedActivity> tasks, List<HeartbeatHandle> handles) {
		assertThat(this.listener.losses).isEmpty();
		assertThat(handles).noneMatch(HeartbeatHandle::isLost);
		assertThat(tasks).allSatisfy((task) -> assertThat(this.swf.activityTask(task.taskToken()).state())
			.isEqualTo(ActivityTaskState.OPEN));
		// The faults were met, not dodged.
		assertThat(this.listener.attempts).filteredOn((attempt) -> attempt.outcome() != HeartbeatOutcome.SUCCESS)
			.hasSizeGreaterThanOrEqualTo(20);
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			TimeUnit.NANOSECONDS.sleep(left);
		}
	}

	private static void sleep(Duration duration) {
		await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
	}

}
