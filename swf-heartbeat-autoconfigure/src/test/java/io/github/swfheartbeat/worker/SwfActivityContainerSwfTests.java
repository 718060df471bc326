package io.github.swfheartbeat.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.swfheartbeat.aspect.TaskToken;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.ActivityTaskView;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.FaultInjector;
import io.github.swfheartbeat.test.ScheduledActivity;
import io.github.swfheartbeat.test.spring.AutoConfigureEmbeddedSwf;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link SwfActivity} methods run by the starter's listener containers, on the real SDK over HTTP
 * against the embedded SWF endpoint, at default client and heartbeat settings. The endpoint holds
 * an idle poll for one second instead of SWF's 60, so that the context closes quickly; the client's
 * long-poll read timeout has a test of its own.
 */
@SpringBootTest(classes = SwfActivityContainerSwfTests.WorkerApplication.class,
		properties = { "swf.worker.domain=media", "swf.heartbeat.domain=media", "swf.worker.register-activity-types=true",
				"swf.worker.task-lists.gated.concurrency=2", "swf.worker.task-lists.gated.pollers=2" })
@AutoConfigureEmbeddedSwf(longPollTimeout = "PT1S")
class SwfActivityContainerSwfTests {

	static final String DOMAIN = "media";

	@Autowired
	private EmbeddedSwf swf;

	@Autowired
	private MediaActivities activities;

	@Autowired
	private StallEvents stallEvents;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private HealthIndicator swfWorkerHealthIndicator;

	@AfterEach
	void clearFaults() {
		this.swf.faults().clear();
	}

	@Test
	void jsonInputAndResultWithEveryKindOfParameter() {
		ScheduledActivity activity = schedule("resize", "basic", "{\"video\":\"a.mp4\",\"width\":320}");

		awaitState(activity, ActivityTaskState.COMPLETED);
		assertThat(result(activity)).isEqualTo("{\"name\":\"a.mp4-320\",\"width\":320}");
		Invocation invocation = this.activities.resized.poll();
		assertThat(invocation).isNotNull();
		assertThat(invocation.task().activityId()).isEqualTo(activity.activityId());
		assertThat(invocation.taskToken()).isEqualTo(invocation.task().taskToken());
		assertThat(invocation.contextFingerprint()).startsWith("tt-").doesNotContain(invocation.taskToken());
		assertThat(invocation.currentIsParameter()).isTrue();
	}

	@Test
	void stringInputAndResultGoAsTheyAre() {
		ScheduledActivity activity = schedule("echo", "basic", "not json");

		awaitState(activity, ActivityTaskState.COMPLETED);
		assertThat(result(activity)).isEqualTo("echo:not json");
	}

	@Test
	void voidMethodCompletesWithoutResult() {
		ScheduledActivity activity = schedule("noResult", "basic", "x");

		awaitState(activity, ActivityTaskState.COMPLETED);
		assertThat(result(activity)).isNull();
	}

	@Test
	void exceptionRespondsFailedWithReasonAndDetailsButNeverTheToken() {
		ScheduledActivity activity = schedule("explode", "basic", "x");

		awaitState(activity, ActivityTaskState.FAILED);
		HistoryEvent failed = event(activity, EventType.ACTIVITY_TASK_FAILED);
		assertThat(failed.activityTaskFailedEventAttributes().reason()).isEqualTo("IllegalStateException");
		String details = failed.activityTaskFailedEventAttributes().details();
		assertThat(details).startsWith("disk full for ");
		String token = this.activities.explodedTokens.poll();
		assertThat(token).isNotNull();
		assertThat(details).doesNotContain(token).contains("tt-");
	}

	@Test
	void cancellationRequestRespondsCanceled() {
		ScheduledActivity activity = schedule("cancellable", "basic", "x");
		await().until(() -> this.activities.cancellableStarted.get());

		this.swf.requestCancel(activity);

		awaitState(activity, ActivityTaskState.CANCELED);
	}

	@Test
	void badJsonFailsTheTaskWithAClearReasonAndTheWorkerKeepsRunning() {
		ScheduledActivity bad = schedule("strict", "json", "{\"video\": ");

		awaitState(bad, ActivityTaskState.FAILED);
		HistoryEvent failed = event(bad, EventType.ACTIVITY_TASK_FAILED);
		assertThat(failed.activityTaskFailedEventAttributes().reason()).isEqualTo("Invalid input");
		assertThat(failed.activityTaskFailedEventAttributes().details())
			.startsWith("Cannot read the input of strict:1.0 as ResizeJob");

		ScheduledActivity good = schedule("strict", "json", "{\"video\":\"b.mp4\",\"width\":64}");
		awaitState(good, ActivityTaskState.COMPLETED);
		assertThat(result(good)).isEqualTo("b.mp4");
	}

	@Test
	void neverMoreThanConcurrencyTasksPolledButUnfinished() throws Exception {
		List<ScheduledActivity> queued = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			queued.add(schedule("gated", "gated", "task-" + i));
		}
		AtomicInteger mostStarted = new AtomicInteger();
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				// One pass reads the tasks one after another, so a task that closed early in it
				// and one that started late would count together. Those found started and still
				// open when read again were all so at once: between the two passes.
				List<ScheduledActivity> seen = queued.stream().filter(this::startedAndOpen).toList();
				int started = (int) seen.stream().filter(this::startedAndOpen).count();
				mostStarted.accumulateAndGet(started, Math::max);
				Thread.onSpinWait();
			}
		});
		sampler.start();
		try {
			await().until(() -> this.activities.gatedRunning.get() == 2);
			// Both slots are busy: a poller that did not wait for a slot would start the three
			// queued tasks within a few milliseconds. Half a second leaves room for a slow machine.
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(2))
				.until(() -> startedCount(queued) == 2);
			for (int i = 0; i < 5; i++) {
				this.activities.gatedRelease.release();
				Thread.sleep(100);
			}
			for (ScheduledActivity activity : queued) {
				awaitState(activity, ActivityTaskState.COMPLETED);
			}
		}
		finally {
			sampling.set(false);
			sampler.join();
		}
		assertThat(mostStarted.get()).isEqualTo(2);
		assertThat(this.activities.gatedMostRunning.get()).isEqualTo(2);
	}

	private long startedCount(List<ScheduledActivity> activities) {
		return activities.stream().map(this.swf::activityTask).filter((task) -> task.started() && task.isOpen()).count();
	}

	@Test
	void respondIsRetriedWhileHeartbeatsKeepTheTaskAliveLongerThanItsHeartbeatTimeout() throws Exception {
		// Every RespondActivityTaskCompleted fails with 503 for 12 s, longer than the task's 10 s
		// heartbeat timeout and than the SDK's own retries. The heartbeat client may be cold here,
		// and its first call took more than 2 s on a loaded machine: a shorter T would test the
		// engine's cold start rather than the container's retries.
		this.swf.faults().failNext("RespondActivityTaskCompleted", 10_000, 503);
		this.swf.resetCallCounts();
		ScheduledActivity activity = this.swf.scheduleActivity(ActivitySpec.builder(DOMAIN, "quick", "1.0")
			.taskList("faults")
			.heartbeatTimeout(Duration.ofSeconds(10))
			.input("x")
			.build());
		await().until(() -> this.activities.quickCalls.get() == 1);
		Thread.sleep(12_000);
		this.swf.faults().clear();

		awaitState(activity, ActivityTaskState.COMPLETED);
		ActivityTaskView task = this.swf.activityTask(activity);
		assertThat(task.timeoutType()).isNull();
		assertThat(task.heartbeatCount()).isPositive();
		assertThat(this.swf.callCount("RespondActivityTaskCompleted")).isGreaterThan(3);
		assertThat(result(activity)).isEqualTo("done");
	}

	@Test
	void respondAfterAnOutageOfEveryCallStillCompletesTwentyTasks() throws Exception {
		List<ScheduledActivity> activities = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			activities.add(this.swf.scheduleActivity(ActivitySpec.builder(DOMAIN, "burst", "1.0")
				.taskList("burst")
				.heartbeatTimeout(Duration.ofSeconds(4))
				.input("x")
				.build()));
		}
		await().until(() -> this.activities.burstCalls.get() >= 4);
		// A 1.5 s burst of 503s on every SWF call, as when a new user first tried a worker by hand.
		this.swf.faults().failNext(FaultInjector.ALL_OPERATIONS, 100_000, 503);
		Thread.sleep(1_500);
		this.swf.faults().clear();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(activities).allSatisfy((activity) -> assertThat(
					this.swf.activityTask(activity).state()).isEqualTo(ActivityTaskState.COMPLETED)));
	}

	@Test
	void stalledWorkLosesItsHeartbeatsSoThatSwfTimesItOut() {
		double stalledBefore = stalledCount("stall:1.0");
		ScheduledActivity activity = this.swf.scheduleActivity(ActivitySpec.builder(DOMAIN, "stall", "1.0")
			.taskList("stall")
			.heartbeatTimeout(Duration.ofSeconds(10))
			.input("x")
			.build());
		try {
			// Without the stall, the engine would keep the task alive for as long as the test waits.
			// A heartbeat timeout of 10 s leaves a cold heartbeat client seconds for its first call.
			await().atMost(Duration.ofSeconds(30)).until(() -> !this.swf.activityTask(activity).isOpen());
			ActivityTaskView task = this.swf.activityTask(activity);
			assertThat(task.state()).isEqualTo(ActivityTaskState.TIMED_OUT);
			assertThat(task.timeoutType()).isEqualTo(ActivityTaskTimeoutType.HEARTBEAT);
			assertThat(this.stallEvents.events).filteredOn((event) -> event.getActivityType().equals("stall:1.0"))
				.singleElement()
				.satisfies((event) -> assertThat(event.getSinceProgress()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
			assertThat(stalledCount("stall:1.0")).isEqualTo(stalledBefore + 1);
		}
		finally {
			this.activities.stallRelease.countDown();
		}
	}

	@Test
	void stalledWorkIsInterruptedWhenAsked() {
		ScheduledActivity activity = this.swf.scheduleActivity(ActivitySpec.builder(DOMAIN, "stallInterrupted", "1.0")
			.taskList("stall")
			.heartbeatTimeout(Duration.ofSeconds(20))
			.input("x")
			.build());

		await().atMost(Duration.ofSeconds(10)).until(() -> !this.swf.activityTask(activity).isOpen());
		assertThat(this.activities.stallInterrupted.get()).isTrue();
		HistoryEvent failed = event(activity, EventType.ACTIVITY_TASK_FAILED);
		assertThat(failed.activityTaskFailedEventAttributes().reason()).isEqualTo("Stalled");
	}

	@Test
	void failedAndThrottledPollsBackOffAndNeverStopTheContainer() {
		double errorsBefore = pollErrors("media/basic");
		// Every container of this context polls: the faults last until this one has met some, so
		// the other containers' polls cannot use them all up first.
		this.swf.faults().throttleNext("PollForActivityTask", 1_000_000);
		await().atMost(Duration.ofSeconds(30)).until(() -> pollErrors("media/basic") > errorsBefore);
		this.swf.faults().clear();
		double throttledErrors = pollErrors("media/basic");
		this.swf.faults().failNext("PollForActivityTask", 1_000_000, 503);
		await().atMost(Duration.ofSeconds(30)).until(() -> pollErrors("media/basic") > throttledErrors);
		this.swf.faults().clear();
		ScheduledActivity activity = schedule("echo", "basic", "after the errors");

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.swf.activityTask(activity).state()).isEqualTo(ActivityTaskState.COMPLETED));
		await().untilAsserted(() -> assertThat(this.swfWorkerHealthIndicator.health(true).getDetails().get("media/basic")
			.toString()).contains("consecutivePollErrors=0"));
	}

	@Test
	void missingActivityTypesAreRegisteredWithTheAnnotationsTimeouts() {
		ActivityTypeConfiguration quick = this.swf.syncClient()
			.describeActivityType((request) -> request.domain(DOMAIN).activityType((type) -> type.name("quick").version("1.0")))
			.configuration();
		assertThat(quick.defaultTaskHeartbeatTimeout()).isEqualTo("10");
		assertThat(quick.defaultTaskStartToCloseTimeout()).isEqualTo("NONE");
		assertThat(quick.defaultTaskList().name()).isEqualTo("faults");
	}

	private double pollErrors(String taskList) {
		io.micrometer.core.instrument.Counter counter = this.meters.find("swf.worker.polls")
			.tag("task.list", taskList)
			.tag("outcome", "error")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void metersAndHealthDescribeTheContainers() {
		ScheduledActivity activity = schedule("echo", "basic", "metered");
		awaitState(activity, ActivityTaskState.COMPLETED);

		await().untilAsserted(() -> {
			assertThat(this.meters.get("swf.worker.polls").tag("task.list", "media/basic").tag("outcome", "task")
				.counter().count()).isPositive();
			assertThat(this.meters.get("swf.worker.tasks").tag("activity.type", "echo:1.0").tag("outcome", "completed")
				.timer().count()).isPositive();
		});
		await().untilAsserted(() -> assertThat(this.meters.get("swf.worker.polls").tag("task.list", "media/basic")
			.tag("outcome", "empty").counter().count()).isPositive());
		assertThat(this.meters.get("swf.worker.slots.used").tag("task.list", "media/gated").gauge().value()).isNotNegative();

		Health health = this.swfWorkerHealthIndicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKeys("media/basic", "media/gated", "media/json", "media/faults",
				"media/stall", "media/burst");
		assertThat(health.getDetails().get("media/basic").toString()).contains("lastSuccessfulPollAge=PT")
			.contains("consecutivePollErrors=0");
	}

	private double stalledCount(String activityType) {
		io.micrometer.core.instrument.Counter counter = this.meters.find("swf.worker.tasks.stalled")
			.tag("activity.type", activityType)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private ScheduledActivity schedule(String type, String taskList, String input) {
		return this.swf.scheduleActivity(ActivitySpec.builder(DOMAIN, type, "1.0").taskList(taskList).input(input).build());
	}

	private void awaitState(ScheduledActivity activity, ActivityTaskState state) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.swf.activityTask(activity).state()).isEqualTo(state));
	}

	private String result(ScheduledActivity activity) {
		return event(activity, EventType.ACTIVITY_TASK_COMPLETED).activityTaskCompletedEventAttributes().result();
	}

	private HistoryEvent event(ScheduledActivity activity, EventType type) {
		return this.swf.history(activity)
			.stream()
			.filter((event) -> event.eventType() == type)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + type + " in the history of " + activity.activityId()));
	}

	record ResizeJob(String video, int width) {
	}

	record Thumbnail(String name, int width) {
	}

	record Invocation(PollForActivityTaskResponse task, String taskToken, String contextFingerprint,
			boolean currentIsParameter) {
	}

	static class MediaActivities {

		final Queue<Invocation> resized = new ConcurrentLinkedQueue<>();

		final Queue<String> explodedTokens = new ConcurrentLinkedQueue<>();

		final AtomicBoolean cancellableStarted = new AtomicBoolean();

		final AtomicInteger gatedRunning = new AtomicInteger();

		final AtomicInteger gatedMostRunning = new AtomicInteger();

		final Semaphore gatedRelease = new Semaphore(0);

		final AtomicInteger quickCalls = new AtomicInteger();

		final AtomicInteger burstCalls = new AtomicInteger();

		final CountDownLatch stallRelease = new CountDownLatch(1);

		final AtomicBoolean stallInterrupted = new AtomicBoolean();

		@SwfActivity(taskList = "basic")
		Thumbnail resize(ResizeJob job, PollForActivityTaskResponse task, HeartbeatContext context,
				@TaskToken String token) {
			this.resized.add(new Invocation(task, token, context.taskTokenFingerprint(),
					HeartbeatContext.current() == context));
			return new Thumbnail(job.video() + "-" + job.width(), job.width());
		}

		@SwfActivity(taskList = "basic")
		String echo(String input) {
			return "echo:" + input;
		}

		@SwfActivity(taskList = "basic")
		void noResult(String input) {
		}

		@SwfActivity(taskList = "basic")
		String explode(@TaskToken String token) {
			this.explodedTokens.add(token);
			throw new IllegalStateException("disk full for " + token);
		}

		@SwfActivity(taskList = "basic", maxCancellationLatency = "1s")
		String cancellable(HeartbeatContext context) throws InterruptedException {
			this.cancellableStarted.set(true);
			while (true) {
				context.throwIfCancellationRequested();
				Thread.sleep(50);
			}
		}

		@SwfActivity(name = "strict", taskList = "json")
		String strict(ResizeJob job) {
			return job.video();
		}

		@SwfActivity(taskList = "gated")
		String gated(String input) throws InterruptedException {
			this.gatedMostRunning.accumulateAndGet(this.gatedRunning.incrementAndGet(), Math::max);
			try {
				this.gatedRelease.acquire();
				return input;
			}
			finally {
				this.gatedRunning.decrementAndGet();
			}
		}

		@SwfActivity(taskList = "faults", heartbeatTimeout = "10s")
		String quick(String input) {
			this.quickCalls.incrementAndGet();
			return "done";
		}

		@SwfActivity(taskList = "burst", heartbeatTimeout = "4s")
		String burst(String input) throws InterruptedException {
			this.burstCalls.incrementAndGet();
			Thread.sleep(1_000);
			return "done";
		}

		@SwfActivity(taskList = "stall", heartbeatTimeout = "10s", progressTimeout = "1s")
		String stall(SwfActivityContext context) throws InterruptedException {
			context.setDetails("started");
			// Hung work: it ignores interrupts and reports no progress.
			while (!this.stallRelease.await(10, TimeUnit.SECONDS)) {
				// keep hanging until the test ends
			}
			return "too late";
		}

		@SwfActivity(taskList = "stall", progressTimeout = "1s", interruptOnStall = true)
		String stallInterrupted(SwfActivityContext context) {
			context.reportProgress();
			try {
				Thread.sleep(30_000);
				return "too late";
			}
			catch (InterruptedException ex) {
				this.stallInterrupted.set(true);
				throw new IllegalStateException("interrupted", ex);
			}
		}

	}

	static class StallEvents {

		final Queue<ActivityTaskStalledEvent> events = new ConcurrentLinkedQueue<>();

		@EventListener
		void on(ActivityTaskStalledEvent event) {
			this.events.add(event);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WorkerApplication {

		@Bean
		MediaActivities mediaActivities() {
			return new MediaActivities();
		}

		@Bean
		StallEvents stallEvents() {
			return new StallEvents();
		}

		@Bean
		SmartInitializingSingleton mediaDomain(EmbeddedSwf swf) {
			return () -> swf.registerDomain(DOMAIN);
		}

	}

	private boolean startedAndOpen(ScheduledActivity activity) {
		ActivityTaskView task = this.swf.activityTask(activity);
		return task.started() && task.isOpen();
	}

}
