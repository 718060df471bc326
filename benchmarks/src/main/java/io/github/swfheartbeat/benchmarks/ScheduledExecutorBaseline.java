package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatResponse;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;

/**
 * The heartbeat loop most applications write today: one {@code scheduleAtFixedRate} task per
 * activity on a shared {@link Executors#newScheduledThreadPool(int)}, calling the blocking
 * {@link SwfClient} (SDK defaults, retries included) every third of the heartbeat timeout. It
 * notices a cancellation request or a lost task only from a heartbeat's answer, and stops
 * heartbeating a task SWF no longer knows.
 */
final class ScheduledExecutorBaseline implements KeepAlive {

	private final KeepAliveLog log = new KeepAliveLog();

	private final SwfClient client;

	private final ScheduledExecutorService scheduler;

	private final long periodNanos;

	ScheduledExecutorBaseline(EmbeddedSwf swf, int threads, Duration heartbeatTimeout) {
		this.client = SwfClients.sync(swf);
		AtomicInteger counter = new AtomicInteger();
		this.scheduler = Executors.newScheduledThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "baseline-heartbeat-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.periodNanos = heartbeatTimeout.toNanos() / 3;
	}

	@Override
	public String name() {
		return "baseline";
	}

	@Override
	public void keep(StartedActivity task) {
		Beat beat = new Beat(task.taskToken(), System.nanoTime() + this.periodNanos);
		beat.future = this.scheduler.scheduleAtFixedRate(beat, this.periodNanos, this.periodNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public KeepAliveLog log() {
		return this.log;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.client.close();
	}

	/**
	 * One task's heartbeat, run every period.
	 */
	private final class Beat implements Runnable {

		private final String taskToken;

		private final long firstNanos;

		private long runs;

		private volatile ScheduledFuture<?> future;

		Beat(String taskToken, long firstNanos) {
			this.taskToken = taskToken;
			this.firstNanos = firstNanos;
		}

		@Override
		public void run() {
			long planned = this.firstNanos + this.runs++ * ScheduledExecutorBaseline.this.periodNanos;
			KeepAliveLog log = ScheduledExecutorBaseline.this.log;
			log.lateness(Math.max(0, System.nanoTime() - planned));
			try {
				RecordActivityTaskHeartbeatResponse status = ScheduledExecutorBaseline.this.client
					.recordActivityTaskHeartbeat((request) -> request.taskToken(this.taskToken));
				if (Boolean.TRUE.equals(status.cancelRequested())) {
					log.cancellationSeen(this.taskToken, System.nanoTime());
				}
			}
			catch (UnknownResourceException ex) {
				log.lost(this.taskToken, "UnknownResource");
				this.future.cancel(false);
			}
			catch (SdkException ex) {
				// A typical loop logs the failure and tries again next period; SWF's answer is what counts here.
			}
		}

	}

}
