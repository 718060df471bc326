package io.github.swfheartbeat.aspect;

import io.github.swfheartbeat.core.HeartbeatContext;

/**
 * Interrupts the thread that invoked an activity method when its task's cancellation is requested,
 * but only while the method still runs: the thread goes back to its pool afterwards, and an
 * interrupt that arrived late would hit whatever work it does next.
 */
final class InvocationInterrupter {

	private final Thread thread;

	private boolean running = true;

	private boolean interrupted;

	private InvocationInterrupter(Thread thread) {
		this.thread = thread;
	}

	/**
	 * Starts watching for a cancellation request of the current thread's task.
	 * @param context the task's context
	 * @return the interrupter, to {@link #finish()} when the method ends
	 */
	static InvocationInterrupter watch(HeartbeatContext context) {
		InvocationInterrupter interrupter = new InvocationInterrupter(Thread.currentThread());
		// Runs on the thread that completes the stage (the engine's); interrupting is quick.
		context.whenCancellationRequested().thenRun(interrupter::interrupt);
		return interrupter;
	}

	private synchronized void interrupt() {
		if (this.running) {
			this.interrupted = true;
			this.thread.interrupt();
		}
	}

	/**
	 * Stops watching; called on the invoking thread when the method ends. Clears the interrupt
	 * this interrupter delivered if the method left it set.
	 * @return whether this interrupter interrupted the method
	 */
	synchronized boolean finish() {
		this.running = false;
		if (this.interrupted) {
			Thread.interrupted();
		}
		return this.interrupted;
	}

}
