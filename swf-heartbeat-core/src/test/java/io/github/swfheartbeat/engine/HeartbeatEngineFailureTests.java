package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * What the running engine does when things go badly wrong: a scheduler that throws reports every
 * task lost and refuses new ones; a mass loss does not start a thread per task.
 */
class HeartbeatEngineFailureTests {

	@Test
	void aFailingSchedulerReportsEveryTaskLostRefusesNewOnesAndSaysWhy() {
		FailingClock clock = new FailingClock();
		RecordingListener listener = new RecordingListener();
		HeartbeatEngine engine = new HeartbeatEngine(new AnsweringTransport(null), HeartbeatEngineSettings.defaults(),
				clock, null, null, true);
		engine.addListener(listener);
		List<HeartbeatHandle> handles = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			handles.add(engine.start("token-" + i, HeartbeatOptions.defaults()));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> engine.stats().activeTasks() == 50);
		assertThat(engine.stats().engineFailure()).isNull();
		// The scheduler wakes up at least once a second.
		clock.failure = new AssertionError("calendar slot released twice");
		await().atMost(Duration.ofSeconds(5)).until(() -> handles.stream().allMatch(HeartbeatHandle::isLost));
		assertThat(handles).allSatisfy((handle) -> assertThat(handle.whenLost().toCompletableFuture().join()).isEqualTo(TaskLossReason.ENGINE_FAILED));
		await().atMost(Duration.ofSeconds(5)).until(() -> listener.losses.size() == 50);
		assertThat(listener.losses).containsOnly(TaskLossReason.ENGINE_FAILED);
		HeartbeatStats stats = engine.stats();
		assertThat(stats.engineFailure()).isEqualTo("AssertionError: calendar slot released twice");
		assertThat(stats.isFailed()).isTrue();
		assertThat(stats.accepting()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> engine.start("late", HeartbeatOptions.defaults()))
			.withMessageContaining("failed")
			.withMessageContaining("AssertionError");
		assertThat(engine.isTerminated()).isTrue();
	}

	@Test
	void aMassLossUsesABoundedListenerPool() {
		Set<String> threads = ConcurrentHashMap.newKeySet();
		AtomicInteger lost = new AtomicInteger();
		HeartbeatEngine engine = new HeartbeatEngine(new AnsweringTransport(ScriptedTransport.unknownResource()),
				HeartbeatEngineSettings.builder().rateLimit(100_000).rateLimitBurst(100_000).build());
		engine.addListener(new HeartbeatListener() {
			@Override
			public void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
				threads.add(Thread.currentThread().getName());
				lost.incrementAndGet();
			}
		});
		int tasks = 10_000;
		try {
			for (int i = 0; i < tasks; i++) {
				HeartbeatHandle handle = engine.start("token-" + i, HeartbeatOptions.defaults()
					.withHeartbeatTimeout(Duration.ofSeconds(3))
					.withPolledAt(Instant.now().minusSeconds(2)));
				// Dependent stages of every lost task run on the same pool; one registered after
				// its task was already lost runs on this thread, as any CompletableFuture's does.
				Thread registering = Thread.currentThread();
				handle.whenLost().thenRun(() -> {
					if (Thread.currentThread() != registering) {
						threads.add(Thread.currentThread().getName());
					}
				});
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> lost.get() == tasks);
			assertThat(threads).allMatch((name) -> name.startsWith("swf-heartbeat-listener-"));
			assertThat(threads).hasSizeLessThanOrEqualTo(HeartbeatEngine.LISTENER_THREADS);
		}
		finally {
			engine.shutdown(Duration.ZERO);
		}
	}

	/**
	 * The system clock, throwing on the scheduler thread once told to.
	 */
	private static final class FailingClock implements EngineClock {

		volatile @Nullable Error failure;

		@Override
		public long nanoTime() {
			Error error = this.failure;
			if (error != null && Thread.currentThread().getName().equals("swf-heartbeat-scheduler")) {
				throw error;
			}
			return System.nanoTime();
		}

		@Override
		public Instant now() {
			return Instant.now();
		}

	}

	/**
	 * Answers every heartbeat at once, with success or the given failure.
	 */
	private record AnsweringTransport(@Nullable Throwable failure) implements HeartbeatTransport {

		@Override
		public CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details, Duration timeout) {
			return (this.failure != null) ? CompletableFuture.failedFuture(this.failure)
					: CompletableFuture.completedFuture(false);
		}

		@Override
		public CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name,
				String version) {
			return CompletableFuture.completedFuture(Optional.empty());
		}

		@Override
		public CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details) {
			return CompletableFuture.completedFuture(null);
		}

	}

}
