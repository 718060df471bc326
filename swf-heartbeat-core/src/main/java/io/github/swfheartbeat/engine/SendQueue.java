package io.github.swfheartbeat.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Where tasks wait for their next heartbeat: planned ones by send time, each holding a calendar
 * slot; ready ones by deadline, so that when the rate limit runs dry the task closest to its
 * deadline goes first. Used by the scheduler thread only.
 */
final class SendQueue {

	private final TreeSet<TrackedTask> waiting = new TreeSet<>(TrackedTask.BY_DUE);

	private final TreeSet<TrackedTask> ready = new TreeSet<>(TrackedTask.BY_DEADLINE);

	private final SendCalendar calendar;

	SendQueue(double ratePerSecond) {
		this.calendar = new SendCalendar(ratePerSecond);
	}

	/**
	 * Plans a heartbeat in the calendar: at {@code dueNanos}, or earlier if that slot is full.
	 * @param task the task, in no queue
	 * @param dueNanos the planned send time
	 * @param nowNanos the current time
	 */
	void plan(TrackedTask task, long dueNanos, long nowNanos) {
		long slot = this.calendar.reserve(dueNanos, nowNanos);
		task.slot = slot;
		waitUntil(task, SendCalendar.sendTime(slot, dueNanos));
	}

	/**
	 * Queues a task until a time without reserving a slot, as retries do.
	 * @param task the task, in no queue
	 * @param dueNanos when it becomes ready
	 */
	void waitUntil(TrackedTask task, long dueNanos) {
		task.dueNanos = dueNanos;
		task.state = TrackedTask.State.WAITING;
		this.waiting.add(task);
	}

	/**
	 * Makes a task ready at once.
	 * @param task the task, in no queue, with its deadline set
	 */
	void readyNow(TrackedTask task) {
		task.state = TrackedTask.State.READY;
		this.ready.add(task);
	}

	/**
	 * Takes a task out of whichever queue holds it and frees its slot.
	 * @param task the task
	 */
	void remove(TrackedTask task) {
		if (task.state == TrackedTask.State.WAITING) {
			this.waiting.remove(task);
		}
		else if (task.state == TrackedTask.State.READY) {
			this.ready.remove(task);
		}
		releaseSlot(task);
	}

	/**
	 * Moves tasks whose time has come to the ready set and, when there are any, the planned
	 * heartbeats due within {@code aheadNanos} as well, to go out with them. Retries keep their
	 * backoff.
	 * @param nowNanos the current time
	 * @param aheadNanos how far ahead of its time a planned heartbeat may join them
	 */
	void promoteDue(long nowNanos, long aheadNanos) {
		boolean anyDue = false;
		while (!this.waiting.isEmpty() && this.waiting.first().dueNanos <= nowNanos) {
			promote(this.waiting.pollFirst());
			anyDue = true;
		}
		if (anyDue && aheadNanos > 0) {
			long until = nowNanos + aheadNanos;
			Iterator<TrackedTask> waiting = this.waiting.iterator();
			while (waiting.hasNext()) {
				TrackedTask task = waiting.next();
				if (task.dueNanos > until) {
					break;
				}
				if (task.slot != TrackedTask.NO_SLOT) {
					waiting.remove();
					promote(task);
				}
			}
		}
		this.calendar.prune(nowNanos);
	}

	private void promote(TrackedTask task) {
		releaseSlot(task);
		if (!task.isOneShot()) {
			// The ready set orders by the deadline this heartbeat must meet, not the last one.
			task.deadlineNanos = task.lastResetNanos + task.timeoutNanos;
		}
		readyNow(task);
	}

	boolean hasReady() {
		return !this.ready.isEmpty();
	}

	/**
	 * Returns the ready task closest to its deadline without taking it.
	 * @return the task, or {@code null} when none is ready
	 */
	@Nullable TrackedTask peekReady() {
		return this.ready.isEmpty() ? null : this.ready.first();
	}

	/**
	 * Takes the ready task closest to its deadline.
	 * @return the task, or {@code null} when none is ready
	 */
	@Nullable TrackedTask pollReady() {
		return this.ready.pollFirst();
	}

	/**
	 * Returns when the first planned task becomes ready.
	 * @return the time, {@link Long#MAX_VALUE} when none is planned
	 */
	long nextDueNanos() {
		return this.waiting.isEmpty() ? Long.MAX_VALUE : this.waiting.first().dueNanos;
	}

	/**
	 * Empties both queues.
	 * @return the tasks they held
	 */
	List<TrackedTask> drain() {
		List<TrackedTask> tasks = new ArrayList<>(this.waiting);
		tasks.addAll(this.ready);
		tasks.forEach(this::releaseSlot);
		this.waiting.clear();
		this.ready.clear();
		return tasks;
	}

	int[] sizes() {
		return new int[] { this.waiting.size(), this.ready.size(), this.calendar.reservedCount() };
	}

	private void releaseSlot(TrackedTask task) {
		if (task.slot != TrackedTask.NO_SLOT) {
			this.calendar.release(task.slot);
			task.slot = TrackedTask.NO_SLOT;
		}
	}

}
