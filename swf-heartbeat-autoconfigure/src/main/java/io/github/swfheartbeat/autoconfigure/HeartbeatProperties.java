package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;

import io.github.swfheartbeat.core.DetailsOverflow;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the heartbeat engine.
 */
@ConfigurationProperties("swf.heartbeat")
public class HeartbeatProperties {

	/**
	 * Whether to heartbeat activity tasks.
	 */
	private boolean enabled = true;

	/**
	 * Heartbeat timeout assumed for tasks whose options and activity type name none.
	 */
	private Duration defaultHeartbeatTimeout = Duration.ofSeconds(60);

	/**
	 * Longest time a cancellation request may go unnoticed. When not set, tasks heartbeat only
	 * as often as their heartbeat timeout needs.
	 */
	private @Nullable Duration maxCancellationLatency;

	/**
	 * Shortest interval between two heartbeats of a task.
	 */
	private Duration minSendInterval = Duration.ofSeconds(1);

	/**
	 * Least time kept in reserve before a heartbeat deadline for a retry and the round trip.
	 */
	private Duration minSafetyMargin = Duration.ofSeconds(1);

	/**
	 * Heartbeat calls per second allowed for the whole JVM.
	 */
	private double rateLimit = 150;

	/**
	 * Heartbeat calls that may be sent at once above the rate limit.
	 */
	private int rateLimitBurst = 500;

	/**
	 * Longest heartbeat details sent, at most 2048 characters.
	 */
	private int maxDetailsLength = 2048;

	/**
	 * What to do with details longer than max-details-length.
	 */
	private DetailsOverflow detailsOverflow = DetailsOverflow.TRUNCATE;

	/**
	 * Longest time one heartbeat call, or one synchronous heartbeat with its retries, may take.
	 */
	private Duration callTimeout = Duration.ofSeconds(10);

	/**
	 * How long in-flight tasks keep their heartbeats after shutdown began.
	 */
	private Duration shutdownGracePeriod = Duration.ofSeconds(20);

	/**
	 * Whether to look up activity types' default heartbeat timeouts with DescribeActivityType.
	 */
	private boolean discoverHeartbeatTimeouts = true;

	/**
	 * SWF domain used to look up activity types when a task names none.
	 */
	private @Nullable String domain;

	/**
	 * Number of threads that make heartbeat calls when only a blocking SwfClient is available.
	 */
	private int syncClientThreads = 4;

	private final Retry retry = new Retry();

	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getDefaultHeartbeatTimeout() {
		return this.defaultHeartbeatTimeout;
	}

	public void setDefaultHeartbeatTimeout(Duration defaultHeartbeatTimeout) {
		this.defaultHeartbeatTimeout = defaultHeartbeatTimeout;
	}

	public @Nullable Duration getMaxCancellationLatency() {
		return this.maxCancellationLatency;
	}

	public void setMaxCancellationLatency(@Nullable Duration maxCancellationLatency) {
		this.maxCancellationLatency = maxCancellationLatency;
	}

	public Duration getMinSendInterval() {
		return this.minSendInterval;
	}

	public void setMinSendInterval(Duration minSendInterval) {
		this.minSendInterval = minSendInterval;
	}

	public Duration getMinSafetyMargin() {
		return this.minSafetyMargin;
	}

	public void setMinSafetyMargin(Duration minSafetyMargin) {
		this.minSafetyMargin = minSafetyMargin;
	}

	public double getRateLimit() {
		return this.rateLimit;
	}

	public void setRateLimit(double rateLimit) {
		this.rateLimit = rateLimit;
	}

	public int getRateLimitBurst() {
		return this.rateLimitBurst;
	}

	public void setRateLimitBurst(int rateLimitBurst) {
		this.rateLimitBurst = rateLimitBurst;
	}

	public int getMaxDetailsLength() {
		return this.maxDetailsLength;
	}

	public void setMaxDetailsLength(int maxDetailsLength) {
		this.maxDetailsLength = maxDetailsLength;
	}

	public DetailsOverflow getDetailsOverflow() {
		return this.detailsOverflow;
	}

	public void setDetailsOverflow(DetailsOverflow detailsOverflow) {
		this.detailsOverflow = detailsOverflow;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public Duration getShutdownGracePeriod() {
		return this.shutdownGracePeriod;
	}

	public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
		this.shutdownGracePeriod = shutdownGracePeriod;
	}

	public boolean isDiscoverHeartbeatTimeouts() {
		return this.discoverHeartbeatTimeouts;
	}

	public void setDiscoverHeartbeatTimeouts(boolean discoverHeartbeatTimeouts) {
		this.discoverHeartbeatTimeouts = discoverHeartbeatTimeouts;
	}

	public @Nullable String getDomain() {
		return this.domain;
	}

	public void setDomain(@Nullable String domain) {
		this.domain = domain;
	}

	public int getSyncClientThreads() {
		return this.syncClientThreads;
	}

	public void setSyncClientThreads(int syncClientThreads) {
		this.syncClientThreads = syncClientThreads;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Retries of failed heartbeat calls, with exponential backoff within each task's deadline.
	 */
	public static class Retry {

		/**
		 * Delay before the first retry of a failed heartbeat call.
		 */
		private Duration initialBackoff = Duration.ofMillis(100);

		/**
		 * Longest delay between two retries of a heartbeat call.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * Health indicator of the heartbeat engine.
	 */
	public static class Health {

		/**
		 * Failed heartbeat calls since the last success (throttling aside) from which the health indicator reports DOWN while tasks are active.
		 */
		private int failureThreshold = 5;

		public int getFailureThreshold() {
			return this.failureThreshold;
		}

		public void setFailureThreshold(int failureThreshold) {
			this.failureThreshold = failureThreshold;
		}

	}

}
