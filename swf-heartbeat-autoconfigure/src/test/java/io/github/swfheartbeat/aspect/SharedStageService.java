package io.github.swfheartbeat.aspect;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.HeartbeatService;
import io.github.swfheartbeat.core.TaskLossReason;
import org.jspecify.annotations.Nullable;

/**
 * Starts tasks on a real engine, but hands out, for every handle of a token, the same
 * cancellation future, so that a test can count what callers hang on it, as they would on the
 * engine's shared task.
 */
final class SharedStageService implements HeartbeatService {

	private final HeartbeatService engine;

	private final Map<String, CompletableFuture<Void>> cancellations = new ConcurrentHashMap<>();

	SharedStageService(HeartbeatService engine) {
		this.engine = engine;
	}

	CompletableFuture<Void> cancellation(String taskToken) {
		return this.cancellations.computeIfAbsent(taskToken, (token) -> new CompletableFuture<>());
	}

	@Override
	public HeartbeatHandle start(String taskToken, HeartbeatOptions options) {
		return new SharedStageHandle(this.engine.start(taskToken, options), cancellation(taskToken));
	}

	@Override
	public CompletableFuture<Boolean> heartbeatOnce(String taskToken, @Nullable String details,
			ActivityTaskInfo activityTask) {
		return this.engine.heartbeatOnce(taskToken, details, activityTask);
	}

	private record SharedStageHandle(HeartbeatHandle delegate, CompletableFuture<Void> cancellation)
			implements HeartbeatHandle {

		@Override
		public String taskTokenFingerprint() {
			return this.delegate.taskTokenFingerprint();
		}

		@Override
		public ActivityTaskInfo activityTask() {
			return this.delegate.activityTask();
		}

		@Override
		public void setDetails(@Nullable String details) {
			this.delegate.setDetails(details);
		}

		@Override
		public @Nullable String details() {
			return this.delegate.details();
		}

		@Override
		public boolean isCancellationRequested() {
			return this.delegate.isCancellationRequested();
		}

		@Override
		public void throwIfCancellationRequested() {
			this.delegate.throwIfCancellationRequested();
		}

		@Override
		public boolean isLost() {
			return this.delegate.isLost();
		}

		@Override
		public CompletionStage<Void> whenCancellationRequested() {
			return this.cancellation;
		}

		@Override
		public CompletionStage<TaskLossReason> whenLost() {
			return this.delegate.whenLost();
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
