package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.model.ActivityType;

/**
 * Transport over the non-blocking {@link SwfAsyncClient}: a heartbeat costs no thread while it is
 * in flight.
 */
public final class SwfAsyncClientTransport implements HeartbeatTransport {

	/**
	 * Turns off the SDK's own retries for heartbeat calls only: SDK retries would hide time from
	 * the deadline-aware scheduler, which retries itself. Other calls on the same client keep the
	 * client's retry strategy.
	 */
	static final SdkPlugin NO_SDK_RETRIES = (config) -> config
		.overrideConfiguration(config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

	private final SwfAsyncClient client;

	/**
	 * Creates the transport.
	 * @param client the client to call SWF with
	 */
	public SwfAsyncClientTransport(SwfAsyncClient client) {
		this.client = client;
	}

	@Override
	public CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details, Duration timeout) {
		return this.client
			.recordActivityTaskHeartbeat((request) -> request.taskToken(taskToken)
				.details(details)
				.overrideConfiguration((config) -> config.apiCallTimeout(timeout).addPlugin(NO_SDK_RETRIES)))
			.thenApply((status) -> Boolean.TRUE.equals(status.cancelRequested()));
	}

	@Override
	public CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name, String version) {
		return this.client
			.describeActivityType((request) -> request.domain(domain)
				.activityType(ActivityType.builder().name(name).version(version).build()))
			.thenApply((response) -> HeartbeatTransport
				.parseSwfDuration(response.configuration().defaultTaskHeartbeatTimeout()));
	}

	@Override
	public CompletableFuture<ActivityTypeTimeouts> describeTimeouts(String domain, String name, String version,
			Duration timeout) {
		return this.client
			.describeActivityType((request) -> request.domain(domain)
				.activityType(ActivityType.builder().name(name).version(version).build())
				.overrideConfiguration((config) -> config.apiCallTimeout(timeout)))
			.thenApply((response) -> HeartbeatTransport.timeoutsOf(response.configuration()));
	}

	@Override
	public CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details) {
		return this.client.respondActivityTaskCanceled((request) -> request.taskToken(taskToken).details(details))
			.thenApply((response) -> null);
	}

}
