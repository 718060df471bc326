package io.github.swfheartbeat.test.state;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One task list: tasks waiting for a poller and pollers waiting for a task, both first in, first
 * out. Tasks that closed while queued (timed out, cancelled) are skipped when reached rather than
 * searched for, which keeps closing a task constant-time.
 */
final class TaskQueue<T> {

	private final ArrayDeque<T> tasks = new ArrayDeque<>();

	private final ArrayDeque<PollWaiter> waiters = new ArrayDeque<>();

	void addTask(T task) {
		this.tasks.addLast(task);
	}

	T nextTask(Predicate<T> available) {
		T task;
		while ((task = this.tasks.pollFirst()) != null) {
			if (available.test(task)) {
				return task;
			}
		}
		return null;
	}

	int backlog(Predicate<T> available) {
		int count = 0;
		for (T task : this.tasks) {
			if (available.test(task)) {
				count++;
			}
		}
		return count;
	}

	void addWaiter(PollWaiter waiter) {
		this.waiters.addLast(waiter);
	}

	PollWaiter nextWaiter() {
		PollWaiter waiter;
		while ((waiter = this.waiters.pollFirst()) != null) {
			if (!waiter.isDone()) {
				return waiter;
			}
		}
		return null;
	}

	void releaseWaiters(Consumer<PollWaiter> release) {
		PollWaiter waiter;
		while ((waiter = this.waiters.pollFirst()) != null) {
			release.accept(waiter);
		}
	}

}
