package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;

/**
 * The SWF calls the engine makes. Implementations must not block the calling thread: the engine's
 * single scheduler thread calls {@link #recordHeartbeat} for every task.
 *
 * @see SwfAsyncClientTransport
 * @see SwfClientTransport
 */
public interface HeartbeatTransport extends AutoCloseable {

	/**
	 * Calls {@code RecordActivityTaskHeartbeat} once, without SDK-level retries (the engine
	 * decides when to retry).
	 * @param taskToken the task's token
	 * @param details details to send, or {@code null}
	 * @param timeout longest time the call may take
	 * @return a future completed with {@code cancelRequested}, or exceptionally with the SDK's error
	 */
	CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details, Duration timeout);

	/**
	 * Looks up the default heartbeat timeout of an activity type with {@code DescribeActivityType}.
	 * @param domain the domain
	 * @param name the type's name
	 * @param version the type's version
	 * @return a future completed with the timeout, empty if the type has none ({@code NONE})
	 */
	CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name, String version);

	/**
	 * Looks up the default heartbeat and start-to-close timeouts of an activity type with
	 * {@code DescribeActivityType}, giving up after {@code timeout}. The default reads only the
	 * heartbeat timeout and does not bound the call; the SDK transports override it.
	 * @param domain the domain
	 * @param name the type's name
	 * @param version the type's version
	 * @param timeout longest time the call may take
	 * @return a future completed with the type's timeouts
	 */
	default CompletableFuture<ActivityTypeTimeouts> describeTimeouts(String domain, String name, String version,
			Duration timeout) {
		return describeHeartbeatTimeout(domain, name, version)
			.thenApply((heartbeat) -> new ActivityTypeTimeouts(heartbeat.orElse(null), null));
	}

	/**
	 * Calls {@code RespondActivityTaskCanceled}.
	 * @param taskToken the task's token
	 * @param details details to record, or {@code null}
	 * @return a future completed when SWF recorded the cancellation
	 */
	CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details);

	/**
	 * Releases what the transport owns (not clients it was given).
	 */
	@Override
	default void close() {
	}

	/**
	 * Parses an SWF duration: whole seconds, or {@code NONE}.
	 * @param value the value from SWF
	 * @return the duration, or empty for {@code NONE} or no value
	 */
	static Optional<Duration> parseSwfDuration(@Nullable String value) {
		if (value == null || value.isBlank() || "NONE".equalsIgnoreCase(value.trim())) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
	}

	/**
	 * Reads the default timeouts from an activity type's configuration.
	 * @param configuration the configuration from {@code DescribeActivityType}
	 * @return the timeouts
	 */
	static ActivityTypeTimeouts timeoutsOf(ActivityTypeConfiguration configuration) {
		return new ActivityTypeTimeouts(parseSwfDuration(configuration.defaultTaskHeartbeatTimeout()).orElse(null),
				parseSwfDuration(configuration.defaultTaskStartToCloseTimeout()).orElse(null));
	}

}
