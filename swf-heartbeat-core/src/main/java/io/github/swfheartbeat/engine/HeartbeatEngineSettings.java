package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.swfheartbeat.core.DetailsOverflow;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link HeartbeatEngine}, validated on construction. The Spring Boot binding is
 * {@code swf.heartbeat.*}; setting names in error messages are those properties' names.
 *
 * @param defaultHeartbeatTimeout heartbeat timeout assumed for tasks whose options and activity
 * type name none
 * @param maxCancellationLatency longest time a cancellation request may go unnoticed, or
 * {@code null} to heartbeat only as often as liveness needs
 * @param minSendInterval shortest interval between two heartbeats of a task that a cancellation
 * latency may cause
 * @param minSafetyMargin least time kept in reserve before a heartbeat deadline for a retry and the
 * round trip
 * @param rateLimit heartbeat calls per second allowed for the whole JVM
 * @param rateLimitBurst calls that may be sent at once above the rate limit
 * @param maxDetailsLength longest details sent
 * @param detailsOverflow what to do with longer details
 * @param callTimeout longest time one call, or one {@code heartbeat(...)} with its retries, may take
 * @param retryInitialBackoff first retry delay after a failed call
 * @param retryMaxBackoff longest retry delay
 * @param shutdownGracePeriod how long in-flight tasks keep their heartbeats after shutdown began
 * @param discoverHeartbeatTimeouts whether to look up the activity type's default heartbeat
 * timeout with DescribeActivityType
 * @param defaultDomain domain used to look up activity types when a task names none
 */
public record HeartbeatEngineSettings(Duration defaultHeartbeatTimeout, @Nullable Duration maxCancellationLatency,
		Duration minSendInterval, Duration minSafetyMargin, double rateLimit, int rateLimitBurst, int maxDetailsLength,
		DetailsOverflow detailsOverflow, Duration callTimeout, Duration retryInitialBackoff, Duration retryMaxBackoff,
		Duration shutdownGracePeriod, boolean discoverHeartbeatTimeouts, @Nullable String defaultDomain) {

	/** Longest details SWF accepts. */
	public static final int SWF_MAX_DETAILS_LENGTH = 2048;

	/**
	 * Creates and validates settings.
	 * @throws InvalidHeartbeatSettingsException if any setting cannot work
	 */
	public HeartbeatEngineSettings {
		SettingsValidator.validate(defaultHeartbeatTimeout, maxCancellationLatency, minSendInterval, minSafetyMargin,
				rateLimit, rateLimitBurst, maxDetailsLength, detailsOverflow, callTimeout, retryInitialBackoff,
				retryMaxBackoff, shutdownGracePeriod);
	}

	/**
	 * Returns the default settings.
	 * @return the defaults
	 */
	public static HeartbeatEngineSettings defaults() {
		return builder().build();
	}

	/**
	 * Returns a builder initialised with the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a builder initialised with these settings.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.defaultHeartbeatTimeout = this.defaultHeartbeatTimeout;
		builder.maxCancellationLatency = this.maxCancellationLatency;
		builder.minSendInterval = this.minSendInterval;
		builder.minSafetyMargin = this.minSafetyMargin;
		builder.rateLimit = this.rateLimit;
		builder.rateLimitBurst = this.rateLimitBurst;
		builder.maxDetailsLength = this.maxDetailsLength;
		builder.detailsOverflow = this.detailsOverflow;
		builder.callTimeout = this.callTimeout;
		builder.retryInitialBackoff = this.retryInitialBackoff;
		builder.retryMaxBackoff = this.retryMaxBackoff;
		builder.shutdownGracePeriod = this.shutdownGracePeriod;
		builder.discoverHeartbeatTimeouts = this.discoverHeartbeatTimeouts;
		builder.defaultDomain = this.defaultDomain;
		return builder;
	}

	/**
	 * Builder of {@link HeartbeatEngineSettings}; starts from the defaults.
	 */
	public static final class Builder {

		private Duration defaultHeartbeatTimeout = Duration.ofSeconds(60);

		private @Nullable Duration maxCancellationLatency;

		private Duration minSendInterval = Duration.ofSeconds(1);

		private Duration minSafetyMargin = Duration.ofSeconds(1);

		private double rateLimit = 150;

		private int rateLimitBurst = 500;

		private int maxDetailsLength = SWF_MAX_DETAILS_LENGTH;

		private DetailsOverflow detailsOverflow = DetailsOverflow.TRUNCATE;

		private Duration callTimeout = Duration.ofSeconds(10);

		private Duration retryInitialBackoff = Duration.ofMillis(100);

		private Duration retryMaxBackoff = Duration.ofSeconds(5);

		private Duration shutdownGracePeriod = Duration.ofSeconds(20);

		private boolean discoverHeartbeatTimeouts = true;

		private @Nullable String defaultDomain;

		private Builder() {
		}

		/**
		 * Sets the heartbeat timeout assumed when neither the task nor its type names one.
		 * @param value the timeout
		 * @return this builder
		 */
		public Builder defaultHeartbeatTimeout(Duration value) {
			this.defaultHeartbeatTimeout = value;
			return this;
		}

		/**
		 * Sets the longest time a cancellation request may go unnoticed.
		 * @param value the latency, or {@code null} for none
		 * @return this builder
		 */
		public Builder maxCancellationLatency(@Nullable Duration value) {
			this.maxCancellationLatency = value;
			return this;
		}

		/**
		 * Sets the shortest interval between two heartbeats of a task.
		 * @param value the interval
		 * @return this builder
		 */
		public Builder minSendInterval(Duration value) {
			this.minSendInterval = value;
			return this;
		}

		/**
		 * Sets the least time kept in reserve before a heartbeat deadline.
		 * @param value the margin
		 * @return this builder
		 */
		public Builder minSafetyMargin(Duration value) {
			this.minSafetyMargin = value;
			return this;
		}

		/**
		 * Sets the heartbeat calls per second allowed for the whole JVM.
		 * @param value the rate
		 * @return this builder
		 */
		public Builder rateLimit(double value) {
			this.rateLimit = value;
			return this;
		}

		/**
		 * Sets how many calls may be sent at once above the rate.
		 * @param value the burst
		 * @return this builder
		 */
		public Builder rateLimitBurst(int value) {
			this.rateLimitBurst = value;
			return this;
		}

		/**
		 * Sets the longest details sent.
		 * @param value the length
		 * @return this builder
		 */
		public Builder maxDetailsLength(int value) {
			this.maxDetailsLength = value;
			return this;
		}

		/**
		 * Sets what to do with longer details.
		 * @param value the policy
		 * @return this builder
		 */
		public Builder detailsOverflow(DetailsOverflow value) {
			this.detailsOverflow = value;
			return this;
		}

		/**
		 * Sets the longest time one call may take.
		 * @param value the timeout
		 * @return this builder
		 */
		public Builder callTimeout(Duration value) {
			this.callTimeout = value;
			return this;
		}

		/**
		 * Sets the first retry delay.
		 * @param value the delay
		 * @return this builder
		 */
		public Builder retryInitialBackoff(Duration value) {
			this.retryInitialBackoff = value;
			return this;
		}

		/**
		 * Sets the longest retry delay.
		 * @param value the delay
		 * @return this builder
		 */
		public Builder retryMaxBackoff(Duration value) {
			this.retryMaxBackoff = value;
			return this;
		}

		/**
		 * Sets how long in-flight tasks keep their heartbeats after shutdown began.
		 * @param value the grace period
		 * @return this builder
		 */
		public Builder shutdownGracePeriod(Duration value) {
			this.shutdownGracePeriod = value;
			return this;
		}

		/**
		 * Sets whether to discover heartbeat timeouts with DescribeActivityType.
		 * @param value whether to discover
		 * @return this builder
		 */
		public Builder discoverHeartbeatTimeouts(boolean value) {
			this.discoverHeartbeatTimeouts = value;
			return this;
		}

		/**
		 * Sets the domain used to look up activity types when a task names none.
		 * @param value the domain or {@code null}
		 * @return this builder
		 */
		public Builder defaultDomain(@Nullable String value) {
			this.defaultDomain = value;
			return this;
		}

		/**
		 * Builds and validates the settings.
		 * @return the settings
		 * @throws InvalidHeartbeatSettingsException if any setting cannot work
		 */
		public HeartbeatEngineSettings build() {
			return new HeartbeatEngineSettings(this.defaultHeartbeatTimeout, this.maxCancellationLatency,
					this.minSendInterval, this.minSafetyMargin, this.rateLimit, this.rateLimitBurst, this.maxDetailsLength,
					this.detailsOverflow, this.callTimeout, this.retryInitialBackoff, this.retryMaxBackoff,
					this.shutdownGracePeriod, this.discoverHeartbeatTimeouts, this.defaultDomain);
		}

	}

}
