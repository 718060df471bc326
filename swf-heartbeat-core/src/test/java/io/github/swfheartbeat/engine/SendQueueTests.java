package io.github.swfheartbeat.engine;

import io.github.swfheartbeat.core.HeartbeatOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SendQueue}: planned tasks hold a calendar slot until they become ready; ready tasks leave
 * closest deadline first.
 */
class SendQueueTests {

	private static final long SECOND = 1_000_000_000L;

	private final SendQueue queue = new SendQueue(10);

	@Test
	void aPlannedTaskHoldsASlotUntilItIsDue() {
		TrackedTask task = task(0, 60 * SECOND);
		this.queue.plan(task, 40 * SECOND, 0);
		assertThat(sizes()).containsExactly(1, 0, 1);
		assertThat(this.queue.nextDueNanos()).isEqualTo(40 * SECOND);
		this.queue.promoteDue(40 * SECOND - 1, 0);
		assertThat(this.queue.hasReady()).isFalse();
		this.queue.promoteDue(40 * SECOND, 0);
		assertThat(sizes()).containsExactly(0, 1, 0);
		assertThat(this.queue.nextDueNanos()).isEqualTo(Long.MAX_VALUE);
		assertThat(task.state).isEqualTo(TrackedTask.State.READY);
		assertThat(task).hasToString("TrackedTask[" + io.github.swfheartbeat.core.TaskTokenFingerprint.of(task.token)
				+ ", READY]");
		assertThat(task.toString()).doesNotContain(task.token);
	}

	@Test
	void promotionSetsTheDeadlineTheComingHeartbeatMustMeet() {
		TrackedTask task = task(5 * SECOND, 60 * SECOND);
		this.queue.plan(task, 40 * SECOND, 0);
		this.queue.promoteDue(40 * SECOND, 0);
		assertThat(task.deadlineNanos).isEqualTo(65 * SECOND);
	}

	@Test
	void readyTasksLeaveClosestDeadlineFirst() {
		TrackedTask late = task(0, 60 * SECOND);
		TrackedTask early = task(0, 20 * SECOND);
		this.queue.plan(late, 10 * SECOND, 0);
		this.queue.plan(early, 12 * SECOND, 0);
		this.queue.promoteDue(12 * SECOND, 0);
		assertThat(this.queue.peekReady()).isSameAs(early);
		assertThat(this.queue.pollReady()).isSameAs(early);
		assertThat(this.queue.pollReady()).isSameAs(late);
		assertThat(this.queue.pollReady()).isNull();
		assertThat(this.queue.peekReady()).isNull();
	}

	@Test
	void plannedHeartbeatsDueSoonGoOutWithOneDueNow() {
		SendQueue queue = new SendQueue(1_000);
		TrackedTask due = task(0, 60 * SECOND);
		TrackedTask soon = task(1, 60 * SECOND);
		TrackedTask retry = task(2, 60 * SECOND);
		TrackedTask later = task(3, 60 * SECOND);
		long now = 40 * SECOND;
		queue.plan(due, now, 0);
		queue.plan(soon, now + SECOND / 50, 0);
		queue.waitUntil(retry, now + SECOND / 100);
		queue.plan(later, now + SECOND / 10, 0);
		// Nothing is due a moment before: nothing goes early.
		queue.promoteDue(now - 1, SECOND / 20);
		assertThat(queue.hasReady()).isFalse();
		queue.promoteDue(now, SECOND / 20);
		assertThat(due.state).isEqualTo(TrackedTask.State.READY);
		assertThat(soon.state).isEqualTo(TrackedTask.State.READY);
		// A retry keeps its backoff; a heartbeat beyond the window waits for its time.
		assertThat(retry.state).isEqualTo(TrackedTask.State.WAITING);
		assertThat(later.state).isEqualTo(TrackedTask.State.WAITING);
		assertThat(queue.nextDueNanos()).isEqualTo(now + SECOND / 100);
		assertThat(queue.sizes()).containsExactly(2, 2, 1);
	}

	@Test
	void removingAWaitingTaskFreesItsSlot() {
		TrackedTask task = task(0, 60 * SECOND);
		this.queue.plan(task, 40 * SECOND, 0);
		this.queue.remove(task);
		assertThat(sizes()).containsExactly(0, 0, 0);
		assertThat(task.slot).isEqualTo(TrackedTask.NO_SLOT);
	}

	@Test
	void removingAReadyTaskTakesItOutOfTheReadySet() {
		TrackedTask task = task(0, 60 * SECOND);
		task.deadlineNanos = 60 * SECOND;
		this.queue.readyNow(task);
		this.queue.remove(task);
		assertThat(sizes()).containsExactly(0, 0, 0);
		assertThat(this.queue.hasReady()).isFalse();
	}

	@Test
	void retriesWaitWithoutASlot() {
		TrackedTask task = task(0, 60 * SECOND);
		this.queue.waitUntil(task, SECOND);
		assertThat(sizes()).containsExactly(1, 0, 0);
		this.queue.promoteDue(SECOND, 0);
		assertThat(sizes()).containsExactly(0, 1, 0);
	}

	@Test
	void drainEmptiesBothQueuesAndTheCalendar() {
		TrackedTask waiting = task(0, 60 * SECOND);
		TrackedTask ready = task(0, 60 * SECOND);
		this.queue.plan(waiting, 40 * SECOND, 0);
		ready.deadlineNanos = 60 * SECOND;
		this.queue.readyNow(ready);
		assertThat(this.queue.drain()).containsExactlyInAnyOrder(waiting, ready);
		assertThat(sizes()).containsExactly(0, 0, 0);
		assertThat(this.queue.hasReady()).isFalse();
		assertThat(this.queue.nextDueNanos()).isEqualTo(Long.MAX_VALUE);
	}

	private int[] sizes() {
		return this.queue.sizes();
	}

	private static TrackedTask task(long lastResetNanos, long timeoutNanos) {
		TrackedTask task = new TrackedTask("token-" + lastResetNanos + "-" + timeoutNanos, HeartbeatOptions.defaults(),
				null);
		task.lastResetNanos = lastResetNanos;
		task.timeoutNanos = timeoutNanos;
		return task;
	}

}
