package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how handles that share a task learn of its cancellation: every open handle does, and
 * what a closed handle's callers hung on it does not stay on the shared task.
 */
class TaskHandleCancellationTests {

	@Test
	void nestedHandlesOpenedAndClosedInALoopLeaveNothingOnTheSharedTask() {
		EngineHarness harness = new EngineHarness();
		try (HeartbeatHandle outer = harness.engine.start("token-1", HeartbeatOptions.defaults())) {
			for (int i = 0; i < 1000; i++) {
				try (HeartbeatHandle inner = harness.engine.start("token-1", HeartbeatOptions.defaults())) {
					inner.whenCancellationRequested().thenRun(() -> {
					});
				}
			}
			TrackedTask task = harness.engine.trackedTask("token-1");
			assertThat(task).isNotNull();
			assertThat(task.cancellation.getNumberOfDependents()).isZero();
			assertThat(task.handleCancellations).isEmpty();
		}
	}

	@Test
	void everyOpenHandleLearnsOfTheCancellationEvenOneThatAsksLater() {
		EngineHarness harness = new EngineHarness();
		harness.transport.always((call) -> CompletableFuture.completedFuture(true));
		try (HeartbeatHandle outer = harness.engine.start("token-1", HeartbeatOptions.defaults());
				HeartbeatHandle inner = harness.engine.start("token-1", HeartbeatOptions.defaults())) {
			CompletableFuture<Void> outerStage = outer.whenCancellationRequested().toCompletableFuture();
			CompletableFuture<Void> innerStage = inner.whenCancellationRequested().toCompletableFuture();
			harness.runFor(Duration.ofSeconds(41));
			assertThat(outerStage).isDone();
			assertThat(innerStage).isDone();
			try (HeartbeatHandle late = harness.engine.start("token-1", HeartbeatOptions.defaults())) {
				assertThat(late.whenCancellationRequested().toCompletableFuture()).isDone();
			}
		}
	}

}
