package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.engine.HeartbeatTransport;

/**
 * A transport that answers every call at once from memory, so that a benchmark measures the
 * engine and the aspect and not the network.
 */
final class InMemoryTransport implements HeartbeatTransport {

	private static final CompletableFuture<Boolean> NOT_CANCELLED = CompletableFuture.completedFuture(false);

	@Override
	public CompletableFuture<Boolean> recordHeartbeat(String taskToken, String details, Duration timeout) {
		return NOT_CANCELLED;
	}

	@Override
	public CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name, String version) {
		return CompletableFuture.completedFuture(Optional.empty());
	}

	@Override
	public CompletableFuture<Void> respondCanceled(String taskToken, String details) {
		return CompletableFuture.completedFuture(null);
	}

}
