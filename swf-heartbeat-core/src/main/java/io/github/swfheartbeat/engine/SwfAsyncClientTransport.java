package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfAsyncClientBuilder;
import software.amazon.awssdk.services.swf.model.ActivityType;

/**
 * Transport over the non-blocking {@link SwfAsyncClient}: a heartbeat costs no thread while it is
 * in flight.
 * <p>
 * Heartbeats must not be retried by the SDK, whose retries would hide time from the
 * deadline-aware scheduler. A client built with {@link #withHeartbeatClient} has its retries off
 * once, at client level; on any other client each heartbeat carries a per-request plugin that
 * turns them off, and the SDK rebuilds its client configuration for every such request, which
 * costs a large part of a heartbeat's CPU time.
 */
public final class SwfAsyncClientTransport implements HeartbeatTransport {

	/**
	 * Turns off the SDK's own retries for heartbeat calls only: SDK retries would hide time from
	 * the deadline-aware scheduler, which retries itself. Other calls on the same client keep the
	 * client's retry strategy.
	 */
	static final SdkPlugin NO_SDK_RETRIES = (config) -> config
		.overrideConfiguration(config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

	/**
	 * Name of the one thread that times out the heartbeat client's calls
	 * ({@code apiCallTimeout}); the SDK would start a pool of five.
	 */
	static final String CALL_TIMER_THREAD = "swf-heartbeat-call-timer";

	private static final Executor DIRECT = Runnable::run;

	private final SwfAsyncClient client;

	private final SwfAsyncClient heartbeatClient;

	private final boolean perCallNoRetries;

	private final @Nullable ScheduledExecutorService ownCallTimer;

	/**
	 * Creates the transport on one client for every call; each heartbeat turns the client's
	 * retries off for itself, unless the client has none.
	 * @param client the client to call SWF with
	 */
	public SwfAsyncClientTransport(SwfAsyncClient client) {
		this(client, client, null);
	}

	private SwfAsyncClientTransport(SwfAsyncClient client, SwfAsyncClient heartbeatClient,
			@Nullable ScheduledExecutorService ownCallTimer) {
		this.client = client;
		this.heartbeatClient = heartbeatClient;
		this.perCallNoRetries = !hasNoRetries(heartbeatClient);
		this.ownCallTimer = ownCallTimer;
	}

	/**
	 * Creates a transport that sends heartbeats over a client of its own, built from the given
	 * builder for heartbeats only, and makes every other call ({@code DescribeActivityType},
	 * {@code RespondActivityTaskCanceled}) with {@code client}, whose retries apply to them. The
	 * heartbeat client gets, over what the builder holds:
	 * <ul>
	 * <li>no SDK retries, at client level, so that no heartbeat carries a per-request
	 * override;</li>
	 * <li>futures completed on the HTTP client's I/O thread instead of the SDK's pool of
	 * {@code sdk-async-response} threads: the engine only records the answer there;</li>
	 * <li>one thread ({@value #CALL_TIMER_THREAD}) for the calls' timeouts instead of the SDK's
	 * pool of five.</li>
	 * </ul>
	 * The transport owns the heartbeat client and closes it with {@link #close()}; it does not
	 * close {@code client}.
	 * @param client the client for calls other than heartbeats
	 * @param heartbeatClient a builder with the region, credentials, endpoint and HTTP client the
	 * heartbeats should use
	 * @return the transport
	 */
	public static SwfAsyncClientTransport withHeartbeatClient(SwfAsyncClient client,
			SwfAsyncClientBuilder heartbeatClient) {
		ScheduledThreadPoolExecutor callTimer = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, CALL_TIMER_THREAD);
			thread.setDaemon(true);
			return thread;
		});
		// Calls finish long before their timeout: drop the timeout's task at once, not when it is due.
		callTimer.setRemoveOnCancelPolicy(true);
		try {
			ClientOverrideConfiguration override = heartbeatClient.overrideConfiguration()
				.toBuilder()
				.retryStrategy(AwsRetryStrategy.doNotRetry())
				.scheduledExecutorService(callTimer)
				.build();
			SwfAsyncClient built = heartbeatClient.overrideConfiguration(override)
				.asyncConfiguration((async) -> async.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
						DIRECT))
				.build();
			return new SwfAsyncClientTransport(client, built, callTimer);
		}
		catch (RuntimeException ex) {
			callTimer.shutdownNow();
			throw ex;
		}
	}

	/**
	 * Returns the client heartbeats go over: the one {@link #withHeartbeatClient} built, else the
	 * client given.
	 * @return the heartbeat client
	 */
	public SwfAsyncClient heartbeatClient() {
		return this.heartbeatClient;
	}

	@Override
	public CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details, Duration timeout) {
		return this.heartbeatClient
			.recordActivityTaskHeartbeat((request) -> request.taskToken(taskToken)
				.details(details)
				.overrideConfiguration((config) -> {
					config.apiCallTimeout(timeout);
					if (this.perCallNoRetries) {
						config.addPlugin(NO_SDK_RETRIES);
					}
				}))
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

	/**
	 * Closes the heartbeat client this transport built, and its timer thread.
	 */
	@Override
	public void close() {
		if (this.ownCallTimer != null) {
			this.heartbeatClient.close();
			this.ownCallTimer.shutdownNow();
		}
	}

	/**
	 * Whether the client was built with retries off, so that a heartbeat needs no per-request
	 * plugin to turn them off.
	 */
	private static boolean hasNoRetries(SwfAsyncClient client) {
		try {
			Optional<RetryStrategy> strategy = client.serviceClientConfiguration().overrideConfiguration().retryStrategy();
			return strategy.isPresent() && strategy.get().maxAttempts() == 1;
		}
		catch (UnsupportedOperationException ex) {
			// A hand-written client that does not tell: turn retries off on every call to be safe.
			return false;
		}
	}

}
