package io.github.swfheartbeat.aspect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

/**
 * A transport that keeps SWF's view of tasks in memory: the test requests cancellation or closes
 * a task, and sees every heartbeat and every canceled response. Unit tests only; the integration
 * tests use the embedded SWF endpoint.
 */
public final class InMemoryHeartbeatTransport implements HeartbeatTransport {

	private final Set<String> cancelRequested = ConcurrentHashMap.newKeySet();

	private final Set<String> closed = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> heartbeats = new ConcurrentHashMap<>();

	private final Map<String, @Nullable String> lastDetails = new ConcurrentHashMap<>();

	private final List<String> canceledResponses = new CopyOnWriteArrayList<>();

	private final Map<String, @Nullable String> canceledDetails = new ConcurrentHashMap<>();

	private final AtomicInteger respondCanceledCalls = new AtomicInteger();

	/**
	 * Returns settings that notice a cancellation within about 100 ms.
	 * @return the settings
	 */
	public static HeartbeatEngineSettings fastSettings() {
		return HeartbeatEngineSettings.builder()
			.minSendInterval(Duration.ofMillis(20))
			.maxCancellationLatency(Duration.ofMillis(100))
			.discoverHeartbeatTimeouts(false)
			.shutdownGracePeriod(Duration.ZERO)
			.build();
	}

	/**
	 * Returns a running engine over this transport.
	 * @return the engine
	 */
	public HeartbeatEngine startEngine() {
		return new HeartbeatEngine(this, fastSettings());
	}

	@Override
	public CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details, Duration timeout) {
		if (this.closed.contains(taskToken)) {
			return CompletableFuture
				.failedFuture(UnknownResourceException.builder().message("Unknown activity").statusCode(400).build());
		}
		this.heartbeats.computeIfAbsent(taskToken, (token) -> new AtomicInteger()).incrementAndGet();
		if (details != null) {
			this.lastDetails.put(taskToken, details);
		}
		return CompletableFuture.completedFuture(this.cancelRequested.contains(taskToken));
	}

	@Override
	public CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name, String version) {
		return CompletableFuture.completedFuture(Optional.empty());
	}

	@Override
	public CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details) {
		this.respondCanceledCalls.incrementAndGet();
		if (!this.closed.add(taskToken)) {
			return CompletableFuture
				.failedFuture(UnknownResourceException.builder().message("Unknown activity").statusCode(400).build());
		}
		this.canceledResponses.add(taskToken);
		if (details != null) {
			this.canceledDetails.put(taskToken, details);
		}
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * Makes the next heartbeats of a task answer {@code cancelRequested}.
	 * @param taskToken the task
	 */
	public void requestCancel(String taskToken) {
		this.cancelRequested.add(taskToken);
	}

	/**
	 * Makes the next heartbeats of a task fail with UnknownResource, as for a timed-out task.
	 * @param taskToken the task
	 */
	public void close(String taskToken) {
		this.closed.add(taskToken);
	}

	/**
	 * Returns how many heartbeats a task got.
	 * @param taskToken the task
	 * @return the count
	 */
	public int heartbeats(String taskToken) {
		AtomicInteger count = this.heartbeats.get(taskToken);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Returns the details of a task's last heartbeat that carried some.
	 * @param taskToken the task
	 * @return the details or {@code null}
	 */
	public @Nullable String lastDetails(String taskToken) {
		return this.lastDetails.get(taskToken);
	}

	/**
	 * Returns the tokens of tasks that were responded canceled, in order.
	 * @return the tokens
	 */
	public List<String> canceledResponses() {
		return this.canceledResponses;
	}

	/**
	 * Returns how many times RespondActivityTaskCanceled was called, answered or not.
	 * @return the count
	 */
	public int respondCanceledCalls() {
		return this.respondCanceledCalls.get();
	}

	/**
	 * Returns the details sent with a task's canceled response.
	 * @param taskToken the task
	 * @return the details or {@code null}
	 */
	public @Nullable String canceledDetails(String taskToken) {
		return this.canceledDetails.get(taskToken);
	}

}
