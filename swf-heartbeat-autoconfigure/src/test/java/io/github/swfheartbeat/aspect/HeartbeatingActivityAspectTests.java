package io.github.swfheartbeat.aspect;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatService;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.engine.TaskSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HeartbeatingActivityAspect} with blocking methods, over a real engine and an
 * in-memory transport.
 */
class HeartbeatingActivityAspectTests {

	private final InMemoryHeartbeatTransport swf = new InMemoryHeartbeatTransport();

	private final List<TaskSnapshot> started = new CopyOnWriteArrayList<>();

	private HeartbeatEngine engine;

	private Activities activities;

	private Outer outer;

	@BeforeEach
	void startEngine() {
		this.engine = this.swf.startEngine();
		this.engine.addListener(new HeartbeatListener() {

			@Override
			public void onTaskStarted(TaskSnapshot task) {
				HeartbeatingActivityAspectTests.this.started.add(task);
			}

		});
		this.activities = proxy(new Activities(), aspect(this.engine));
		this.outer = proxy(new Outer(this.activities), aspect(this.engine));
	}

	private HeartbeatingActivityAspect aspect(HeartbeatService service) {
		return new HeartbeatingActivityAspect(new HeartbeatTemplate(service), this.engine.transport());
	}

	@AfterEach
	void stopEngine() {
		this.engine.close();
	}

	@Test
	void heartbeatsWhileTheMethodRunsAndStopsWhenItReturns() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> call = CompletableFuture
			.supplyAsync(() -> this.activities.waitFor("token-1", release));
		await().until(() -> this.swf.heartbeats("token-1") >= 2);
		assertThat(this.engine.stats().activeTasks()).isEqualTo(1);
		release.countDown();
		assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo(TaskTokenFingerprint.of("token-1"));
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void contextIsBoundDuringTheCallAndClearedAfterwards() {
		assertThat(this.activities.currentFingerprint("token-1")).isEqualTo(TaskTokenFingerprint.of("token-1"));
		assertThat(HeartbeatContext.find()).isEmpty();
	}

	@Test
	void packagePrivateMethodsOfClassProxiesAreHeartbeatedToo() {
		assertThat(this.activities.packagePrivate("token-1")).isEqualTo(TaskTokenFingerprint.of("token-1"));
		await().until(() -> !this.started.isEmpty());
		assertThat(this.started).extracting(TaskSnapshot::taskToken).containsExactly("token-1");
	}

	@Test
	void contextRestoresAnOuterBindingAfterTheCall() {
		HeartbeatTemplate template = new HeartbeatTemplate(this.engine);
		String inner = template.execute("outer", (outer) -> this.activities.currentFingerprint("token-1"));
		assertThat(inner).isEqualTo(TaskTokenFingerprint.of("token-1"));
	}

	@Test
	void detailsSetInTheMethodGoOutWithTheNextHeartbeat() {
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture.runAsync(() -> this.activities.reportProgress("token-1", "42%", release));
		await().until(() -> "42%".equals(this.swf.lastDetails("token-1")));
		release.countDown();
	}

	@Test
	void pollResponseParameterGivesTheTaskAndItsActivity() {
		PollForActivityTaskResponse task = PollForActivityTaskResponse.builder()
			.taskToken("token-1")
			.activityId("activity-7")
			.activityType(ActivityType.builder().name("Transcode").version("1").build())
			.workflowExecution(WorkflowExecution.builder().workflowId("wf").runId("run").build())
			.build();
		assertThat(this.activities.describeTask(task)).isEqualTo("activity-7 Transcode:1 wf");
	}

	@Test
	void expressionFindsTheToken() {
		assertThat(this.activities.fromExpression(new Job("token-9", "payload")))
			.isEqualTo(TaskTokenFingerprint.of("token-9"));
	}

	@Test
	void methodThatFindsNoTokenAtRunTimeRunsWithoutHeartbeats() {
		assertThat(this.activities.contextPresent(null)).isFalse();
	}

	@Test
	void cooperativeCancellationThrowsAndRespondsCanceledWithTheLastDetails() {
		this.swf.requestCancel("token-1");
		assertThatExceptionOfType(ActivityCancellationRequestedException.class)
			.isThrownBy(() -> this.activities.untilCancelled("token-1"));
		assertThat(this.swf.canceledResponses()).containsExactly("token-1");
		assertThat(this.swf.canceledDetails("token-1")).isEqualTo("working");
	}

	@Test
	void cancellationWithoutRespondCanceledLeavesTheTaskToTheCaller() {
		this.swf.requestCancel("token-1");
		assertThatExceptionOfType(ActivityCancellationRequestedException.class)
			.isThrownBy(() -> this.activities.untilCancelledWithoutResponse("token-1"));
		assertThat(this.swf.canceledResponses()).isEmpty();
	}

	@Test
	void interruptOnCancelInterruptsTheInvokingThreadAndLeavesNoInterruptBehind() {
		this.swf.requestCancel("token-1");
		assertThatExceptionOfType(InterruptedException.class)
			.isThrownBy(() -> this.activities.sleepUntilInterrupted("token-1"));
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		assertThat(this.swf.canceledResponses()).containsExactly("token-1");
	}

	@Test
	void interruptThatTheMethodIgnoredDoesNotOutliveTheCall() {
		this.swf.requestCancel("token-1");
		assertThat(this.activities.ignoreInterrupt("token-1")).isTrue();
		assertThat(Thread.interrupted()).isFalse();
	}

	@Test
	void noInterruptReachesTheThreadAfterTheMethodReturned() {
		// Someone else keeps the task heartbeated after the method returned, so its cancellation
		// is still reported, to the method's watch too.
		try (HeartbeatHandle other = new HeartbeatTemplate(this.engine).start("token-1")) {
			assertThat(this.activities.quickInterruptible("token-1")).isEqualTo("done");
			this.swf.requestCancel("token-1");
			CompletableFuture<Void> reported = other.whenCancellationRequested().toCompletableFuture();
			await().until(reported::isDone);
			await().pollInSameThread()
				.during(Duration.ofMillis(200))
				.atMost(Duration.ofSeconds(2))
				.until(() -> !Thread.currentThread().isInterrupted());
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void nestedCallForTheSameTokenLeavesTheOuterCallHeartbeated() {
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> this.outer.callInnerThenWait("token-1", release));
		await().until(() -> this.swf.lastDetails("token-1") != null);
		// The inner call returned; the outer one still runs and its task is still heartbeated.
		int heartbeats = this.swf.heartbeats("token-1");
		await().until(() -> this.swf.heartbeats("token-1") > heartbeats + 1);
		assertThat(this.engine.stats().activeTasks()).isOne();
		release.countDown();
		assertThat(call.join()).isEqualTo("inner");
		assertThat(this.started).extracting(TaskSnapshot::taskToken).containsExactly("token-1");
	}

	@Test
	void nestedCancellationIsRespondedOnceByTheOuterCall() {
		this.swf.requestCancel("token-1");
		assertThatExceptionOfType(ActivityCancellationRequestedException.class)
			.isThrownBy(() -> this.outer.cancelInner("token-1"));
		assertThat(this.swf.respondCanceledCalls()).isOne();
		assertThat(this.swf.canceledResponses()).containsExactly("token-1");
	}

	@Test
	void cancellationOfAnotherTaskInANestedCallIsNotThisTasksCancellation() {
		this.swf.requestCancel("token-2");
		assertThatExceptionOfType(ActivityCancellationRequestedException.class)
			.isThrownBy(() -> this.outer.cancelOtherTask("token-1", "token-2"));
		assertThat(this.swf.canceledResponses()).containsExactly("token-2");
	}

	@Test
	void cancellationExceptionThrownWhenSwfNeverAskedRespondsNothing() {
		assertThatExceptionOfType(ActivityCancellationRequestedException.class)
			.isThrownBy(() -> this.activities.claimCancellation("token-1"));
		assertThat(this.swf.respondCanceledCalls()).isZero();
	}

	@Test
	void nestedInterruptOnCancelLeavesTheOuterCallsInterrupt() {
		this.swf.requestCancel("token-1");
		long start = System.nanoTime();
		assertThatExceptionOfType(InterruptedException.class)
			.isThrownBy(() -> this.outer.interruptedAfterInner("token-1"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Outer.LONG_SLEEP);
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		assertThat(this.swf.canceledResponses()).containsExactly("token-1");
	}

	@Test
	void nestedCallsInALoopAddNothingToTheSharedTask() {
		SharedStageService service = new SharedStageService(this.engine);
		Outer outer = proxy(new Outer(proxy(new Activities(), aspect(service))), aspect(service));
		assertThat(outer.loop("token-1", 1000)).isEqualTo(1000);
		assertThat(service.cancellation("token-1").getNumberOfDependents()).isLessThanOrEqualTo(1);
	}

	@Test
	void workHandedToOtherThreadsThroughTheContextSeesIt() throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			assertThat(this.activities.onOtherThread("token-1", executor)).isEqualTo(TaskTokenFingerprint.of("token-1"));
		}
		finally {
			executor.shutdown();
		}
	}

	@Test
	void engineThatCannotStartHeartbeatsLeavesAContextThatSaysSo() {
		this.engine.close();
		HeartbeatContext context = this.activities.contextSeen("token-1");
		assertThat(context.isHeartbeated()).isFalse();
		assertThat(context.taskTokenFingerprint()).isEqualTo(TaskTokenFingerprint.of("token-1"));
		assertThat(context.details()).isEqualTo("kept");
		assertThat(context.isCancellationRequested()).isFalse();
		assertThat(HeartbeatContext.find()).isEmpty();
	}

	@Test
	void businessExceptionsPassThroughUnchanged() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.activities.fail("token-1"))
			.withMessage("business failure");
		assertThat(this.swf.canceledResponses()).isEmpty();
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	static <T> T proxy(T target, HeartbeatingActivityAspect aspect) {
		AspectJProxyFactory factory = new AspectJProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAspect(aspect);
		return factory.getProxy();
	}

	record Job(String token, String payload) {
	}

	static class Activities {

		@HeartbeatingActivity
		public String waitFor(@TaskToken String token, CountDownLatch release) {
			await(release);
			return HeartbeatContext.current().taskTokenFingerprint();
		}

		@HeartbeatingActivity
		public String currentFingerprint(@TaskToken String token) {
			return HeartbeatContext.current().taskTokenFingerprint();
		}

		@HeartbeatingActivity
		public void reportProgress(@TaskToken String token, String details, CountDownLatch release) {
			HeartbeatContext.current().setDetails(details);
			await(release);
		}

		@HeartbeatingActivity
		public String describeTask(PollForActivityTaskResponse task) {
			HeartbeatContext context = HeartbeatContext.current();
			return context.activityTask().activityId() + " " + context.activityTask().activityType() + " "
					+ context.activityTask().workflowId();
		}

		@HeartbeatingActivity(taskToken = "#job.token")
		public String fromExpression(Job job) {
			return HeartbeatContext.current().taskTokenFingerprint();
		}

		@HeartbeatingActivity
		String packagePrivate(@TaskToken String token) {
			HeartbeatContext context = HeartbeatContext.current();
			return context.isHeartbeated() ? context.taskTokenFingerprint() : "not heartbeated";
		}

		@HeartbeatingActivity(respondCanceled = true)
		public HeartbeatContext contextSeen(@TaskToken String token) {
			HeartbeatContext context = HeartbeatContext.current();
			context.setDetails("kept");
			context.throwIfCancellationRequested();
			return context;
		}

		@HeartbeatingActivity(respondCanceled = true)
		public void claimCancellation(@TaskToken String token) {
			throw new ActivityCancellationRequestedException(HeartbeatContext.current().taskTokenFingerprint(), null);
		}

		@HeartbeatingActivity
		public boolean contextPresent(@TaskToken String token) {
			return HeartbeatContext.find().isPresent();
		}

		@HeartbeatingActivity(respondCanceled = true)
		public void untilCancelled(@TaskToken String token) {
			HeartbeatContext context = HeartbeatContext.current();
			context.setDetails("working");
			while (true) {
				context.throwIfCancellationRequested();
				pause();
			}
		}

		@HeartbeatingActivity
		public void untilCancelledWithoutResponse(@TaskToken String token) {
			while (true) {
				HeartbeatContext.current().throwIfCancellationRequested();
				pause();
			}
		}

		@HeartbeatingActivity(interruptOnCancel = true, respondCanceled = true)
		public String sleepUntilInterrupted(@TaskToken String token) throws InterruptedException {
			Thread.sleep(30_000);
			return "slept";
		}

		@HeartbeatingActivity(interruptOnCancel = true)
		public boolean ignoreInterrupt(@TaskToken String token) {
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!Thread.currentThread().isInterrupted() && System.nanoTime() < end) {
				Thread.onSpinWait();
			}
			return Thread.currentThread().isInterrupted();
		}

		@HeartbeatingActivity(interruptOnCancel = true)
		public String quickInterruptible(@TaskToken String token) {
			return "done";
		}

		@HeartbeatingActivity
		public String onOtherThread(@TaskToken String token, ExecutorService executor) throws Exception {
			return executor.submit(HeartbeatContext.current().wrap(() -> HeartbeatContext.current().taskTokenFingerprint()))
				.get(5, TimeUnit.SECONDS);
		}

		@HeartbeatingActivity(respondCanceled = true)
		public void fail(@TaskToken String token) {
			throw new IllegalStateException("business failure");
		}

		private static void await(CountDownLatch latch) {
			try {
				latch.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private static void pause() {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	static class Outer {

		static final Duration LONG_SLEEP = Duration.ofSeconds(5);

		private final Activities inner;

		Outer(Activities inner) {
			this.inner = inner;
		}

		@HeartbeatingActivity
		public String callInnerThenWait(@TaskToken String token, CountDownLatch release) {
			this.inner.reportProgress(token, "inner", new CountDownLatch(0));
			Activities.await(release);
			return HeartbeatContext.current().details();
		}

		@HeartbeatingActivity(respondCanceled = true)
		public void cancelOtherTask(@TaskToken String token, String otherToken) {
			this.inner.untilCancelled(otherToken);
		}

		@HeartbeatingActivity(interruptOnCancel = true, respondCanceled = true)
		public String interruptedAfterInner(@TaskToken String token) throws InterruptedException {
			// The inner call swallows the interrupt it saw; the outer one still needs it.
			this.inner.ignoreInterrupt(token);
			Thread.sleep(LONG_SLEEP.toMillis());
			return "slept";
		}

		@HeartbeatingActivity
		public int loop(@TaskToken String token, int times) {
			int calls = 0;
			for (int i = 0; i < times; i++) {
				this.inner.quickInterruptible(token);
				calls++;
			}
			return calls;
		}

		@HeartbeatingActivity(respondCanceled = true)
		public void cancelInner(@TaskToken String token) {
			this.inner.untilCancelled(token);
		}

	}

}
