package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.TaskLossReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listener lanes: a stuck listener loses heartbeat attempts beyond its lane's limit, never a task
 * notification.
 */
class ListenerDispatcherTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void aStuckListenerLosesHeartbeatAttemptsButNoTaskNotification() throws Exception {
		ListenerDispatcher dispatcher = new ListenerDispatcher(this.executor, 3);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch blocked = new CountDownLatch(1);
		List<String> received = new CopyOnWriteArrayList<>();
		dispatcher.add(new HeartbeatListener() {
			@Override
			public void onHeartbeat(HeartbeatAttempt attempt) {
				blocked.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				received.add("heartbeat");
			}

			@Override
			public void onCancellationRequested(TaskSnapshot task) {
				received.add("cancellation");
			}

			@Override
			public void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
				received.add("lost");
			}
		});
		HeartbeatAttempt attempt = new HeartbeatAttempt("tt-00000000", ActivityTaskInfo.unknown(),
				HeartbeatOutcome.SUCCESS, Duration.ZERO, Duration.ZERO, 1, Instant.EPOCH);
		TaskSnapshot task = new TaskSnapshot("token-1", ActivityTaskInfo.unknown(), null, Instant.EPOCH);
		dispatcher.dispatchDroppable((listener) -> listener.onHeartbeat(attempt));
		blocked.await();
		for (int i = 0; i < 10; i++) {
			dispatcher.dispatchDroppable((listener) -> listener.onHeartbeat(attempt));
		}
		dispatcher.dispatch((listener) -> listener.onCancellationRequested(task));
		dispatcher.dispatch((listener) -> listener.onTaskLost(task, TaskLossReason.UNKNOWN_RESOURCE));
		release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 6);
		assertThat(received).containsExactly("heartbeat", "heartbeat", "heartbeat", "heartbeat", "cancellation", "lost");
	}

	@Test
	void aLaneSurvivesAnyThrowable() {
		ListenerDispatcher dispatcher = new ListenerDispatcher(this.executor);
		List<String> received = new CopyOnWriteArrayList<>();
		dispatcher.add(new HeartbeatListener() {
			@Override
			public void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
				received.add(reason.name());
				if (reason == TaskLossReason.UNKNOWN_RESOURCE) {
					throw new AssertionError("a listener's own assertion");
				}
			}
		});
		TaskSnapshot task = new TaskSnapshot("token-1", ActivityTaskInfo.unknown(), null, Instant.now());
		dispatcher.dispatch((listener) -> listener.onTaskLost(task, TaskLossReason.UNKNOWN_RESOURCE));
		dispatcher.dispatch((listener) -> listener.onTaskLost(task, TaskLossReason.SHUTDOWN));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(received).containsExactly("UNKNOWN_RESOURCE", "SHUTDOWN"));
	}

}
