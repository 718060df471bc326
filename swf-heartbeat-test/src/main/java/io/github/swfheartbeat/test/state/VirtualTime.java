package io.github.swfheartbeat.test.state;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * The model's clock when a test controls time: it stands still until advanced, and as it passes
 * the moments timeouts fall due it runs them, in order, each with the clock at its moment. Guarded
 * by the model's lock.
 */
final class VirtualTime {

	private final PriorityQueue<Due> due = new PriorityQueue<>(
			Comparator.comparingLong(Due::nanos).thenComparingLong(Due::sequence));

	private final long epochMillisAtZero;

	private volatile long nanos;

	private long sequence;

	VirtualTime(long epochMillisAtZero) {
		this.epochMillisAtZero = epochMillisAtZero;
	}

	long nanoTime() {
		return this.nanos;
	}

	long epochMillisAt(long nanoTime) {
		return this.epochMillisAtZero + Math.floorDiv(nanoTime, 1_000_000L);
	}

	Future<?> schedule(Runnable action, long delayNanos) {
		FutureTask<Void> task = new FutureTask<>(action, null);
		this.due.add(new Due(this.nanos + Math.max(0, delayNanos), this.sequence++, task));
		return task;
	}

	/**
	 * Returns when the next action falls due, {@link Long#MAX_VALUE} when none is planned.
	 */
	long nextDueNanos() {
		Due next;
		// Cancelled timers stay in the queue; a jump to one would be a stop for nothing.
		while ((next = this.due.peek()) != null && next.task().isCancelled()) {
			this.due.poll();
		}
		return (next != null) ? next.nanos() : Long.MAX_VALUE;
	}

	/**
	 * Moves the clock forward, running every action that falls due on the way; actions may schedule
	 * others, which run too if they fall due before the end.
	 */
	void advance(long durationNanos, Consumer<Throwable> failures) {
		if (durationNanos < 0) {
			throw new IllegalArgumentException("Time only moves forward");
		}
		advanceTo(this.nanos + durationNanos, failures);
	}

	/**
	 * Moves the clock forward to a moment, running every action that falls due on the way.
	 */
	void advanceTo(long target, Consumer<Throwable> failures) {
		Due next;
		while ((next = this.due.peek()) != null && next.nanos() <= target) {
			this.due.poll();
			this.nanos = Math.max(this.nanos, next.nanos());
			next.task().run();
			if (next.task().isDone() && !next.task().isCancelled()) {
				try {
					next.task().get();
				}
				catch (ExecutionException ex) {
					failures.accept(ex.getCause());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
		this.nanos = Math.max(this.nanos, target);
	}

	private record Due(long nanos, long sequence, FutureTask<Void> task) {
	}

}
