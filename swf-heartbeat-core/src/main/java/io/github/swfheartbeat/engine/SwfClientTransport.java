package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.swfheartbeat.core.HeartbeatException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;

/**
 * Transport over the blocking {@link SwfClient}, for applications that have no
 * {@link software.amazon.awssdk.services.swf.SwfAsyncClient}. Calls run on a bounded pool of its
 * own so the scheduler thread never blocks; when the pool and its queue are full, a call fails
 * at once and the engine retries it like any transient error.
 */
public final class SwfClientTransport implements HeartbeatTransport {

	private static final int QUEUE_CAPACITY = 10_000;

	private final SwfClient client;

	private final ExecutorService executor;

	/**
	 * Creates the transport with its own pool.
	 * @param client the client to call SWF with
	 * @param threads the number of threads that make calls, at least 1
	 */
	public SwfClientTransport(SwfClient client, int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
		}
		this.client = client;
		AtomicInteger counter = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(QUEUE_CAPACITY), (runnable) -> {
					Thread thread = new Thread(runnable, "swf-heartbeat-sync-" + counter.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		((ThreadPoolExecutor) this.executor).allowCoreThreadTimeOut(true);
	}

	/**
	 * Calls {@code RecordActivityTaskHeartbeat} on the pool. The time the call waits for a thread
	 * counts against its timeout: a call that would start with no time left is not sent, since its
	 * heartbeat could only reach SWF after the deadline the timeout stands for.
	 */
	@Override
	public CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details, Duration timeout) {
		long queuedAt = System.nanoTime();
		long timeoutNanos = timeout.toNanos();
		return submit(() -> {
			long left = timeoutNanos - (System.nanoTime() - queuedAt);
			if (left <= 0) {
				throw new HeartbeatException("Heartbeat not sent: it waited " + Duration.ofNanos(timeoutNanos - left)
						+ " for a thread of the blocking client, longer than its " + timeout + " timeout "
						+ "(swf.heartbeat.sync-client-threads)");
			}
			return Boolean.TRUE.equals(this.client
				.recordActivityTaskHeartbeat((request) -> request.taskToken(taskToken)
					.details(details)
					.overrideConfiguration((config) -> config.apiCallTimeout(Duration.ofNanos(left))
						.addPlugin(SwfAsyncClientTransport.NO_SDK_RETRIES)))
				.cancelRequested());
		});
	}

	@Override
	public CompletableFuture<ActivityTypeTimeouts> describeTimeouts(String domain, String name, String version,
			Duration timeout) {
		return submit(() -> HeartbeatTransport.timeoutsOf(this.client
			.describeActivityType((request) -> request.domain(domain)
				.activityType(ActivityType.builder().name(name).version(version).build())
				.overrideConfiguration((config) -> config.apiCallTimeout(timeout)))
			.configuration()));
	}

	@Override
	public CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name, String version) {
		return submit(() -> HeartbeatTransport.parseSwfDuration(this.client
			.describeActivityType((request) -> request.domain(domain)
				.activityType(ActivityType.builder().name(name).version(version).build()))
			.configuration()
			.defaultTaskHeartbeatTimeout()));
	}

	@Override
	public CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details) {
		return submit(() -> {
			this.client.respondActivityTaskCanceled((request) -> request.taskToken(taskToken).details(details));
			return null;
		});
	}

	private <T> CompletableFuture<T> submit(Supplier<T> call) {
		try {
			return CompletableFuture.supplyAsync(call, this.executor);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
