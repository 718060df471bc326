package io.github.swfheartbeat.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

/**
 * {@link HeartbeatTemplate} against a running engine whose transport counts calls.
 */
class HeartbeatTemplateTests {

	private final CountingTransport transport = new CountingTransport();

	private final HeartbeatEngine engine = new HeartbeatEngine(this.transport,
			HeartbeatEngineSettings.builder().detailsOverflow(DetailsOverflow.FAIL).build());

	private final HeartbeatTemplate template = new HeartbeatTemplate(this.engine);

	@AfterEach
	void close() {
		this.engine.close();
	}

	@Test
	void oneShotReturnsWhetherCancellationWasRequested() {
		assertThat(this.template.heartbeat("token-1", "50%")).isFalse();
		assertThat(this.transport.lastDetails.get()).isEqualTo("50%");
		assertThat(this.template.heartbeat("token-1")).isFalse();
		this.transport.cancelRequested = true;
		assertThat(this.template.heartbeat("token-1")).isTrue();
		assertThat(this.transport.lastDetails.get()).isNull();
	}

	@Test
	void invalidTokensFailBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.heartbeat(null))
			.withMessage("taskToken must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.heartbeat("  "))
			.withMessage("taskToken must not be blank");
		String tooLong = "x".repeat(1025);
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.heartbeat(tooLong))
			.withMessageStartingWith("taskToken is 1025 characters long; SWF accepts at most 1024")
			.withMessageNotContaining(tooLong);
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.start(""));
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.execute(null, (context) -> 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.executeAsync(" ", HeartbeatOptions.defaults(),
					(context) -> CompletableFuture.completedFuture(1)));
		assertThat(this.transport.calls).isZero();
	}

	@Test
	void invalidArgumentsFailBeforeAnyCall() {
		assertThatNullPointerException().isThrownBy(() -> this.template.start("token-1", null))
			.withMessage("options must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.template.execute("token-1", null))
			.withMessage("callback must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HeartbeatOptions.defaults().withHeartbeatTimeout(Duration.ZERO))
			.withMessage("heartbeatTimeout must be positive but was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HeartbeatOptions.defaults().withMaxCancellationLatency(Duration.ofSeconds(-1)))
			.withMessageContaining("maxCancellationLatency must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.heartbeat("token-1", "x".repeat(2049)))
			.withMessageContaining("2049 characters long; at most 2048");
		assertThatNullPointerException().isThrownBy(() -> new HeartbeatTemplate(null));
		assertThatNullPointerException().isThrownBy(() -> this.engine.addListener(null));
		assertThatNullPointerException().isThrownBy(() -> new HeartbeatEngine(null, HeartbeatEngineSettings.defaults()))
			.withMessage("transport must not be null");
		assertThatNullPointerException().isThrownBy(() -> new HeartbeatEngine(this.transport, null))
			.withMessage("settings must not be null");
		try (HeartbeatHandle handle = this.template.start("token-1")) {
			assertThatIllegalArgumentException().isThrownBy(() -> handle.setDetails("z".repeat(2049)))
				.withMessageContaining("2049 characters long; at most 2048");
			assertThatNullPointerException().isThrownBy(() -> handle.wrap((Runnable) null))
				.withMessage("task must not be null");
			assertThatNullPointerException().isThrownBy(() -> handle.wrap((java.util.concurrent.Callable<?>) null))
				.withMessage("task must not be null");
			assertThatNullPointerException().isThrownBy(() -> handle.wrap((java.util.concurrent.Executor) null))
				.withMessage("executor must not be null");
		}
		assertThat(this.transport.calls).isZero();
	}

	@Test
	void oneShotRethrowsTheEnginesErrorAsItIs() {
		ActivityTaskLostException lost = new ActivityTaskLostException(TaskTokenFingerprint.of("token-1"),
				TaskLossReason.UNKNOWN_RESOURCE, null);
		HeartbeatTemplate failing = new HeartbeatTemplate(new OneShotService(CompletableFuture.failedFuture(lost)));
		assertThatExceptionOfType(ActivityTaskLostException.class).isThrownBy(() -> failing.heartbeat("token-1"))
			.isSameAs(lost);
	}

	@Test
	void oneShotWrapsACheckedFailureWithoutTheToken() {
		Exception checked = new java.io.IOException("connection reset");
		HeartbeatTemplate failing = new HeartbeatTemplate(new OneShotService(CompletableFuture.failedFuture(checked)));
		assertThatExceptionOfType(HeartbeatException.class).isThrownBy(() -> failing.heartbeat("token-1"))
			.withMessage("Heartbeat for " + TaskTokenFingerprint.of("token-1") + " failed")
			.withCause(checked);
	}

	@Test
	void interruptedOneShotGivesUpTheCallAndKeepsTheInterrupt() {
		CompletableFuture<Boolean> pending = new CompletableFuture<>();
		HeartbeatTemplate waiting = new HeartbeatTemplate(new OneShotService(pending));
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(HeartbeatException.class).isThrownBy(() -> waiting.heartbeat("token-1"))
				.withMessage("Interrupted while recording a heartbeat for " + TaskTokenFingerprint.of("token-1"))
				.withCauseInstanceOf(InterruptedException.class);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
			assertThat(pending).isCancelled();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void asyncWorkThatFailsToStartEndsTheHeartbeats() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.template.executeAsync("token-1", HeartbeatOptions.defaults(), (context) -> {
				throw new IllegalStateException("could not submit");
			}))
			.withMessage("could not submit");
		awaitNoActiveTasks();
	}

	@Test
	void detailsOverTheLimitAreTruncatedByDefault() {
		try (HeartbeatEngine truncating = new HeartbeatEngine(this.transport, HeartbeatEngineSettings.defaults())) {
			new HeartbeatTemplate(truncating).heartbeat("token-1", "y".repeat(3000));
		}
		assertThat(this.transport.lastDetails.get()).hasSize(2048);
	}

	@Test
	void executeBindsTheContextOnlyDuringTheCallback() {
		assertThat(HeartbeatContext.find()).isEmpty();
		String fingerprint = this.template.execute("token-1", (context) -> {
			assertThat(HeartbeatContext.current()).isSameAs(context);
			context.setDetails("10%");
			return context.taskTokenFingerprint();
		});
		assertThat(fingerprint).isEqualTo(TaskTokenFingerprint.of("token-1")).doesNotContain("token-1");
		assertThat(HeartbeatContext.find()).isEmpty();
		assertThatIllegalStateException().isThrownBy(HeartbeatContext::current)
			.withMessageContaining("No HeartbeatContext is bound to this thread");
		awaitNoActiveTasks();
	}

	@Test
	void contextFollowsWorkHandedToOtherThreads() throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			String seen = this.template.execute("token-1",
					(context) -> CompletableFuture
						.supplyAsync(() -> HeartbeatContext.current().taskTokenFingerprint(), context.wrap(executor))
						.join());
			assertThat(seen).isEqualTo(TaskTokenFingerprint.of("token-1"));
			assertThat(executor.submit(() -> HeartbeatContext.find().isPresent()).get(5, TimeUnit.SECONDS)).isFalse();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void exceptionsOfTheCallbackPropagateAndEndTheHeartbeats() {
		assertThatIllegalStateException().isThrownBy(() -> this.template.execute("token-1", (context) -> {
			throw new IllegalStateException("boom");
		})).withMessage("boom");
		awaitNoActiveTasks();
	}

	@Test
	void asyncWorkIsHeartbeatedUntilItsStageCompletes() {
		CompletableFuture<String> work = new CompletableFuture<>();
		CompletableFuture<String> result = this.template.executeAsync("token-1", HeartbeatOptions.defaults(),
				(context) -> work);
		assertThat(this.engine.stats().activeTasks()).isEqualTo(1);
		work.completeExceptionally(new CompletionException(new IllegalStateException("failed")));
		assertThat(result).isCompletedExceptionally();
		// The stage's CompletionException wrapper is removed: callers see the work's own error.
		assertThat(result.handle((value, failure) -> failure).join()).isInstanceOf(IllegalStateException.class)
			.hasMessage("failed");
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join)
			.withCauseInstanceOf(IllegalStateException.class);
		awaitNoActiveTasks();
	}

	@Test
	void asyncWorkFailsWithItsOwnErrorWhateverWrapsIt() {
		IllegalStateException plain = new IllegalStateException("plain");
		assertThat(failureOf(CompletableFuture.failedFuture(plain))).isSameAs(plain);
		IllegalStateException inner = new IllegalStateException("inner");
		assertThat(failureOf(CompletableFuture.failedFuture(new java.util.concurrent.ExecutionException(inner))))
			.isSameAs(inner);
		CompletionException empty = new CompletionException("no cause", null);
		assertThat(failureOf(CompletableFuture.failedFuture(empty))).isSameAs(empty);
	}

	private Throwable failureOf(CompletableFuture<String> stage) {
		return this.template.executeAsync("token-1", HeartbeatOptions.defaults(), (context) -> stage)
			.handle((value, failure) -> failure)
			.join();
	}

	@Test
	void closedEngineRefusesNewTasks() {
		this.engine.close();
		this.engine.close();
		assertThatIllegalStateException().isThrownBy(() -> this.template.start("token-1"))
			.withMessageContaining("accepts no new tasks");
	}

	private void awaitNoActiveTasks() {
		// The scheduler thread retires closed tasks right after the handle closes.
		await().atMost(Duration.ofSeconds(5)).until(() -> this.engine.stats().activeTasks() == 0);
	}

	private record OneShotService(CompletableFuture<Boolean> answer) implements HeartbeatService {

		@Override
		public HeartbeatHandle start(String taskToken, HeartbeatOptions options) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<Boolean> heartbeatOnce(String taskToken, @Nullable String details,
				ActivityTaskInfo activityTask) {
			return this.answer;
		}

	}

	private static final class CountingTransport implements HeartbeatTransport {

		volatile int calls;

		volatile boolean cancelRequested;

		final AtomicReference<@Nullable String> lastDetails = new AtomicReference<>();

		@Override
		public CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details, Duration timeout) {
			this.calls++;
			this.lastDetails.set(details);
			return CompletableFuture.completedFuture(this.cancelRequested);
		}

		@Override
		public CompletableFuture<java.util.Optional<Duration>> describeHeartbeatTimeout(String domain, String name,
				String version) {
			return CompletableFuture.completedFuture(java.util.Optional.empty());
		}

		@Override
		public CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details) {
			return CompletableFuture.completedFuture(null);
		}

	}

}
