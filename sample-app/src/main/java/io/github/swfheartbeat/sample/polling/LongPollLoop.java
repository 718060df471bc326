package io.github.swfheartbeat.sample.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls an SWF task list on a few threads of its own, each polling, then handling what it got,
 * then polling again: a thread busy with a task does not poll, so SWF hands out no more tasks than
 * there are threads.
 * <p>
 * Polls are long (SWF holds them up to 60 seconds), so they are made with the non-blocking client
 * and stopping cancels them instead of waiting them out. A poll SWF answered just as it was
 * cancelled leaves its task to its timeouts, as on any worker that stops.
 *
 * @param <T> the poll's answer
 */
public final class LongPollLoop<T> {

	private static final Logger logger = LoggerFactory.getLogger(LongPollLoop.class);

	private static final Duration BACKOFF_AFTER_ERROR = Duration.ofSeconds(1);

	private final String name;

	private final int threads;

	private final Supplier<CompletableFuture<T>> poll;

	private final Predicate<T> hasTask;

	private final Consumer<T> handler;

	private final Map<Thread, CompletableFuture<T>> polls = new ConcurrentHashMap<>();

	private final List<Thread> running = new ArrayList<>();

	private volatile boolean stopping;

	/**
	 * Creates a loop.
	 * @param name names its threads
	 * @param threads how many threads poll
	 * @param poll starts one poll
	 * @param hasTask tells an answer with a task from the empty answer of an idle poll
	 * @param handler handles a task, on the polling thread
	 */
	public LongPollLoop(String name, int threads, Supplier<CompletableFuture<T>> poll, Predicate<T> hasTask,
			Consumer<T> handler) {
		this.name = name;
		this.threads = threads;
		this.poll = poll;
		this.hasTask = hasTask;
		this.handler = handler;
	}

	/**
	 * Starts the polling threads.
	 */
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
	 * Stops polling: cancels the polls in flight, lets tasks being handled finish for a grace
	 * period, then interrupts them, and waits for the threads to end.
	 * @param gracePeriod how long handlers may go on
	 */
	public synchronized void stop(Duration gracePeriod) {
		this.stopping = true;
		this.polls.values().forEach((poll) -> poll.cancel(true));
		long deadline = System.nanoTime() + gracePeriod.toNanos();
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

	/**
	 * Whether the threads run.
	 * @return whether started and not stopped
	 */
	public synchronized boolean isRunning() {
		return !this.running.isEmpty();
	}

	private void pollUntilStopped() {
		Thread self = Thread.currentThread();
		while (!this.stopping) {
			T answer;
			try {
				CompletableFuture<T> poll = this.poll.get();
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
			if (this.hasTask.test(answer)) {
				handle(answer);
			}
		}
	}

	private void handle(T task) {
		try {
			this.handler.accept(task);
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
