package io.github.swfheartbeat.core;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding a {@link HeartbeatContext} to threads: scopes nest, and wrapped work sees the context
 * on whatever thread runs it.
 */
class HeartbeatContextTests {

	private final HeartbeatContext outer = new NamedContext("outer");

	private final HeartbeatContext inner = new NamedContext("inner");

	@Test
	void scopesNestAndRestoreWhatWasBound() {
		try (HeartbeatContextHolder.Scope first = HeartbeatContextHolder.bind(this.outer)) {
			assertThat(HeartbeatContext.find()).containsSame(this.outer);
			try (HeartbeatContextHolder.Scope second = HeartbeatContextHolder.bind(this.inner)) {
				assertThat(HeartbeatContext.current()).isSameAs(this.inner);
			}
			assertThat(HeartbeatContext.current()).isSameAs(this.outer);
		}
		assertThat(HeartbeatContextHolder.get()).isNull();
		assertThat(HeartbeatContext.find()).isEmpty();
	}

	@Test
	void wrappedWorkSeesTheContextOnAnotherThread() throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Callable<@Nullable HeartbeatContext> seen = HeartbeatContextHolder::get;
			assertThat(executor.submit(this.outer.wrap(seen)).get(5, TimeUnit.SECONDS)).isSameAs(this.outer);
			HeartbeatContext[] byRunnable = new HeartbeatContext[1];
			executor.submit(this.outer.wrap(() -> {
				byRunnable[0] = HeartbeatContextHolder.get();
			})).get(5, TimeUnit.SECONDS);
			assertThat(byRunnable[0]).isSameAs(this.outer);
			HeartbeatContext[] byExecutor = new HeartbeatContext[1];
			java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
			this.inner.wrap(executor).execute(() -> {
				byExecutor[0] = HeartbeatContextHolder.get();
				done.countDown();
			});
			assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(byExecutor[0]).isSameAs(this.inner);
			// The worker thread is left as it was found.
			assertThat(executor.submit(HeartbeatContext::find).get(5, TimeUnit.SECONDS)).isEmpty();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void wrappedWorkRestoresTheContextOfTheThreadThatRunsIt() throws Exception {
		try (HeartbeatContextHolder.Scope scope = HeartbeatContextHolder.bind(this.outer)) {
			assertThat(this.inner.wrap((Callable<@Nullable HeartbeatContext>) HeartbeatContextHolder::get).call())
				.isSameAs(this.inner);
			assertThat(HeartbeatContext.current()).isSameAs(this.outer);
		}
	}

	private record NamedContext(String name) implements HeartbeatContext {

		@Override
		public String taskTokenFingerprint() {
			return "tt-" + this.name;
		}

		@Override
		public ActivityTaskInfo activityTask() {
			return ActivityTaskInfo.unknown();
		}

		@Override
		public void setDetails(@Nullable String details) {
		}

		@Override
		public @Nullable String details() {
			return null;
		}

		@Override
		public boolean isCancellationRequested() {
			return false;
		}

		@Override
		public void throwIfCancellationRequested() {
		}

		@Override
		public boolean isLost() {
			return false;
		}

		@Override
		public CompletionStage<Void> whenCancellationRequested() {
			return new java.util.concurrent.CompletableFuture<>();
		}

		@Override
		public CompletionStage<TaskLossReason> whenLost() {
			return new java.util.concurrent.CompletableFuture<>();
		}

	}

}
