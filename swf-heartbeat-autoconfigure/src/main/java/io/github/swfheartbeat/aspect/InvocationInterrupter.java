package io.github.swfheartbeat.aspect;

import java.util.HashMap;
import java.util.Map;

import io.github.swfheartbeat.core.HeartbeatContext;

/**
 * Interrupts the thread that invoked an activity method when its task's cancellation is requested,
 * but only while a method that asked for it ({@code interruptOnCancel}) still runs: the thread goes
 * back to its pool afterwards, and an interrupt that arrived late would hit whatever work it does
 * next.
 * <p>
 * Annotated calls for the same task nest on a thread (an outer method calls inner ones, perhaps in
 * a loop). They share one watch per thread and task: it waits on the task's cancellation once,
 * however many calls come and go, so that nested calls add nothing to the shared task; and the
 * interrupt it delivered is cleared only when the last call that asked for it ends, so that an
 * inner call never clears an interrupt an outer one relies on.
 */
final class InvocationInterrupter {

	/** The calling thread's watches, by task token fingerprint. */
	private static final ThreadLocal<Map<String, Watch>> watches = ThreadLocal.withInitial(HashMap::new);

	private final Watch watch;

	private final boolean interruptible;

	private final long deliveredBefore;

	private InvocationInterrupter(Watch watch, boolean interruptible, long deliveredBefore) {
		this.watch = watch;
		this.interruptible = interruptible;
		this.deliveredBefore = deliveredBefore;
	}

	/**
	 * Enters an annotated call on the current thread.
	 * @param context the task's context, as bound for the call
	 * @param interruptOnCancel whether the call asked to be interrupted on cancellation
	 * @return the call's interrupter, to {@link #finish()} when the method ends
	 */
	static InvocationInterrupter enter(HeartbeatContext context, boolean interruptOnCancel) {
		Map<String, Watch> threadWatches = watches.get();
		Watch watch = threadWatches.computeIfAbsent(context.taskTokenFingerprint(),
				(fingerprint) -> new Watch(Thread.currentThread(), fingerprint));
		watch.calls++;
		long delivered;
		synchronized (watch) {
			delivered = watch.delivered;
			if (interruptOnCancel) {
				watch.interruptible++;
			}
		}
		if (interruptOnCancel) {
			if (!watch.waiting) {
				watch.waiting = true;
				// Runs on the thread that completes the stage (the engine's); interrupting is quick.
				context.whenCancellationRequested().thenRun(watch::interrupt);
			}
			else if (context.isCancellationRequested()) {
				// The shared wait fired before this call asked to be interrupted.
				watch.interrupt();
			}
		}
		return new InvocationInterrupter(watch, interruptOnCancel, delivered);
	}

	/**
	 * Leaves the call; called on the invoking thread when the method ends. When no call that asked
	 * to be interrupted runs any more, clears the interrupt the watch delivered if it is still set.
	 * @return whether the aspect interrupted the thread while this call ran
	 */
	boolean finish() {
		boolean interrupted;
		synchronized (this.watch) {
			interrupted = this.watch.delivered > this.deliveredBefore;
			if (this.interruptible && --this.watch.interruptible == 0 && this.watch.pending) {
				this.watch.pending = false;
				Thread.interrupted();
			}
		}
		if (--this.watch.calls == 0) {
			Map<String, Watch> threadWatches = watches.get();
			threadWatches.remove(this.watch.fingerprint);
			if (threadWatches.isEmpty()) {
				watches.remove();
			}
		}
		return interrupted;
	}

	/**
	 * The annotated calls of one thread for one task.
	 */
	private static final class Watch {

		private final Thread thread;

		private final String fingerprint;

		/** Owner thread only: calls entered and not finished. */
		private int calls;

		/** Owner thread only: whether it waits on the task's cancellation. */
		private boolean waiting;

		/** Calls running that asked to be interrupted. */
		private int interruptible;

		/** Interrupts delivered. */
		private long delivered;

		/** Whether an interrupt was delivered and not yet cleared. */
		private boolean pending;

		Watch(Thread thread, String fingerprint) {
			this.thread = thread;
			this.fingerprint = fingerprint;
		}

		synchronized void interrupt() {
			if (this.interruptible > 0 && !this.pending) {
				this.pending = true;
				this.delivered++;
				this.thread.interrupt();
			}
		}

	}

}
