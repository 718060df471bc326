package io.github.swfheartbeat.event;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.swfheartbeat.aspect.InMemoryHeartbeatTransport;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.TaskSnapshot;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HeartbeatEventPublisher}.
 */
class HeartbeatEventPublisherTests {

	private static final String TOKEN = "AAAA-secret-task-token-ZZZZ";

	private static final ActivityTaskInfo INFO = new ActivityTaskInfo("orders", "activity-7", "Transcode", "1", "wf",
			"run");

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final HeartbeatEventPublisher publisher = new HeartbeatEventPublisher(this.events::add);

	@Test
	void cancellationRequestBecomesAnEventWithWhatIsKnownOfTheTask() {
		Instant at = Instant.parse("2025-01-01T10:00:00Z");
		this.publisher.onCancellationRequested(new TaskSnapshot(TOKEN, INFO, "50%", at));
		assertThat(this.events).singleElement().isInstanceOfSatisfying(ActivityCancellationRequestedEvent.class, (event) -> {
			assertThat(event.getTaskToken()).isEqualTo(TOKEN);
			assertThat(event.getTaskTokenFingerprint()).isEqualTo(TaskTokenFingerprint.of(TOKEN));
			assertThat(event.getActivityId()).isEqualTo("activity-7");
			assertThat(event.getActivityType()).isEqualTo("Transcode:1");
			assertThat(event.getLastDetails()).isEqualTo("50%");
			assertThat(event.getOccurredAt()).isEqualTo(at);
			assertThat(event.toString()).doesNotContain("secret").contains(TaskTokenFingerprint.of(TOKEN));
		});
	}

	@Test
	void lostTaskBecomesAnEventWithTheReason() {
		this.publisher.onTaskLost(new TaskSnapshot(TOKEN, INFO, null, Instant.now()), TaskLossReason.UNKNOWN_RESOURCE);
		assertThat(this.events).singleElement().isInstanceOfSatisfying(ActivityTaskLostEvent.class, (event) -> {
			assertThat(event.getReason()).isEqualTo(TaskLossReason.UNKNOWN_RESOURCE);
			assertThat(event.toString()).doesNotContain("secret").contains("UNKNOWN_RESOURCE");
		});
	}

	@Test
	void eachTaskIsReportedOnce() {
		TaskSnapshot task = new TaskSnapshot(TOKEN, INFO, null, Instant.now());
		this.publisher.onCancellationRequested(task);
		this.publisher.onCancellationRequested(task);
		this.publisher.onTaskLost(task, TaskLossReason.UNKNOWN_RESOURCE);
		this.publisher.onTaskLost(task, TaskLossReason.DEADLINE_PASSED);
		assertThat(this.events).hasSize(2);
	}

	@Test
	void failingListenerDoesNotReachTheEngine() {
		HeartbeatEventPublisher failing = new HeartbeatEventPublisher((event) -> {
			throw new IllegalStateException("listener failed");
		});
		assertThatNoException().isThrownBy(
				() -> failing.onCancellationRequested(new TaskSnapshot(TOKEN, INFO, null, Instant.now())));
	}

	@Test
	void slowListenerNeverDelaysOtherTasksHeartbeats() throws Exception {
		InMemoryHeartbeatTransport swf = new InMemoryHeartbeatTransport();
		CountDownLatch release = new CountDownLatch(1);
		List<ApplicationEvent> received = new CopyOnWriteArrayList<>();
		try (HeartbeatEngine engine = swf.startEngine()) {
			engine.addListener(new HeartbeatEventPublisher((event) -> {
				received.add((ApplicationEvent) event);
				awaitQuietly(release);
			}));
			swf.requestCancel("cancelled");
			try (HeartbeatHandle cancelled = engine.start("cancelled", HeartbeatOptions.defaults());
					HeartbeatHandle other = engine.start("other", HeartbeatOptions.defaults())) {
				await().until(() -> !received.isEmpty());
				int before = swf.heartbeats("other");
				await().until(() -> swf.heartbeats("other") >= before + 3);
			}
			finally {
				release.countDown();
			}
		}
		assertThat(received).singleElement().isInstanceOf(ActivityCancellationRequestedEvent.class);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
