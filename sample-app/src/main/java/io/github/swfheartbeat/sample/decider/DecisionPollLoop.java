package io.github.swfheartbeat.sample.decider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Polls a task list for decision tasks on a few threads of its own while the application runs,
 * each polling, then handling what it got, then polling again: a thread busy with a task does not
 * poll, so SWF hands out no more tasks than there are threads. Activity tasks need no such loop:
 * the starter's listener container runs the {@code @SwfActivity} method.
 * <p>
 * Polls are long (SWF holds them up to 60 seconds), so they are made with the non-blocking client
 * and stopping cancels them instead of waiting them out. A poll SWF answered just as it was
 * cancelled leaves its task to its timeouts, as on any worker that stops.
 * <p>
 * Pollers start before the web server and stop after it ({@link #PHASE}), and stop before the
 * heartbeat engine, whose phase is far lower, so that work they end while stopping still has its
 * heartbeats.
 *
 * @param <T> the poll's answer
 */
abstract class DecisionPollLoop<T> implements SmartLifecycle {

	/** The lifecycle phase of pollers. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(DecisionPollLoop.class);

	private static final Duration BACKOFF_AFTER_ERROR = Duration.ofSeconds(1);

	private final String name;

	private final int threads;

	private final Duration stopGracePeriod;

	private final Map<Thread, CompletableFuture<T>> polls = new ConcurrentHashMap<>();

	private final List<Thread> running = new ArrayList<>();

	private volatile boolean stopping;

	/**
	 * Creates a loop.
	 * @param name names its threads
	 * @param threads how many threads poll
	 * @param stopGracePeriod how long a task being handled may go on when the loop stops, before
	 * its thread is interrupted
	 */
	protected DecisionPollLoop(String name, int threads, Duration stopGracePeriod) {
		this.name = name;
		this.threads = threads;
		this.stopGracePeriod = stopGracePeriod;
	}

	/**
	 * Starts one poll.
	 * @return the answer to come
	 */
	protected abstract CompletableFuture<T> poll();

	/**
	 * Returns the task token of an answer; an idle poll's answer has none.
	 * @param answer the answer
	 * @return the token, or {@code null} or empty for no task
	 */
	protected abstract @Nullable String taskToken(T answer);

	/**
	 * Handles a task, on the polling thread.
	 * @param task the answer with a task
	 */
	protected abstract void handle(T task);

	/**
	 * Starts the polling threads.
	 */
	@Override
	public synchronized void start() {
		this.stopping = false;
		for (int i = 1; i <= this.threads; i++) {
			Thread thread = new Thread(this::pollUntilStopped, this.name + "-" + i);
			thread.setDaemon(true);
			this.running.add(thread);
			thread.start();
		}
	}

	/**
	 * Stops polling: cancels the polls in flight, lets tasks being handled finish for the grace
	 * period, then interrupts them, and waits for the threads to end.
	 */
	@Override
	public synchronized void stop() {
		this.stopping = true;
		this.polls.values().forEach((poll) -> poll.cancel(true));
		long deadline = System.nanoTime() + this.stopGracePeriod.toNanos();
		for (Thread thread : this.running) {
			join(thread, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
		}
		for (Thread thread : this.running) {
			thread.interrupt();
		}
		for (Thread thread : this.running) {
			join(thread, 5_000);
		}
		this.running.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.running.isEmpty();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void pollUntilStopped() {
		Thread self = Thread.currentThread();
		while (!this.stopping) {
			T answer;
			try {
				CompletableFuture<T> poll = poll();
				this.polls.put(self, poll);
				if (this.stopping) {
					poll.cancel(true);
				}
				answer = poll.join();
			}
			catch (CancellationException ex) {
				continue;
			}
			catch (RuntimeException ex) {
				if (!this.stopping) {
					logger.warn("{} poll failed, polling again in {}: {}", this.name, BACKOFF_AFTER_ERROR,
							describe(ex));
					pause();
				}
				continue;
			}
			finally {
				this.polls.remove(self);
			}
			String taskToken = taskToken(answer);
			if (taskToken != null && !taskToken.isEmpty()) {
				handleSafely(answer);
			}
		}
	}

	private void handleSafely(T task) {
		try {
			handle(task);
		}
		catch (RuntimeException ex) {
			logger.error("{} failed to handle a task", this.name, ex);
		}
	}

	private void pause() {
		try {
			Thread.sleep(BACKOFF_AFTER_ERROR.toMillis());
		}
		catch (InterruptedException ex) {
			// Only stop() interrupts a polling thread.
			Thread.currentThread().interrupt();
		}
	}

	private static String describe(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return cause.toString();
	}

	private static void join(Thread thread, long millis) {
		try {
			thread.join(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
