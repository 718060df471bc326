package io.github.swfheartbeat.aspect;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.HeartbeatContext;
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

	@BeforeEach
	void startEngine() {
		this.engine = this.swf.startEngine();
		this.engine.addListener(new HeartbeatListener() {

			@Override
			public void onTaskStarted(TaskSnapshot task) {
				HeartbeatingActivityAspectTests.this.started.add(task);
			}

		});
		HeartbeatingActivityAspect aspect = new HeartbeatingActivityAspect(new HeartbeatTemplate(this.engine),
				this.engine.transport());
		this.activities = proxy(new Activities(), aspect);
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
		assertThat(this.activities.packagePrivate("token-1")).isTrue();
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
	void noInterruptReachesTheThreadAfterTheMethodReturned() throws Exception {
		assertThat(this.activities.quickInterruptible("token-1")).isEqualTo("done");
		this.swf.requestCancel("token-1");
		Thread.sleep(300);
		assertThat(Thread.interrupted()).isFalse();
	}

	@Test
	void nestedCallForTheSameTokenSharesTheHeartbeats() {
		Activities inner = this.activities;
		Outer outer = proxy(new Outer(inner),
				new HeartbeatingActivityAspect(new HeartbeatTemplate(this.engine), this.engine.transport()));
		assertThat(outer.callInner("token-1")).isEqualTo(1L);
		await().until(() -> this.engine.stats().activeTasks() == 0 && !this.started.isEmpty());
		assertThat(this.activities.currentFingerprint("token-2")).isNotNull();
		// Notifications reach a listener in order: once token-2's start arrived, token-1 started only once.
		await().until(() -> this.started.size() >= 2);
		assertThat(this.started).extracting(TaskSnapshot::taskToken).containsExactly("token-1", "token-2");
	}

	@Test
	void nestedCancellationIsRespondedOnceByTheOuterCall() {
		Outer outer = proxy(new Outer(this.activities),
				new HeartbeatingActivityAspect(new HeartbeatTemplate(this.engine), this.engine.transport()));
		this.swf.requestCancel("token-1");
		assertThatExceptionOfType(ActivityCancellationRequestedException.class)
			.isThrownBy(() -> outer.cancelInner("token-1"));
		assertThat(this.swf.canceledResponses()).containsExactly("token-1");
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
	void engineThatCannotStartHeartbeatsNeverFailsTheCall() {
		this.engine.close();
		assertThat(this.activities.contextPresent("token-1")).isFalse();
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
		boolean packagePrivate(@TaskToken String token) {
			return HeartbeatContext.find().isPresent();
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

		private final Activities inner;

		Outer(Activities inner) {
			this.inner = inner;
		}

		@HeartbeatingActivity
		public long callInner(@TaskToken String token) {
			return this.inner.currentFingerprint(token).equals(HeartbeatContext.current().taskTokenFingerprint()) ? 1L : 0L;
		}

		@HeartbeatingActivity(respondCanceled = true)
		public void cancelInner(@TaskToken String token) {
			this.inner.untilCancelled(token);
		}

	}

}
