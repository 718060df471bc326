package io.github.swfheartbeat.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Amazon SWF clients the starter builds.
 */
@ConfigurationProperties("swf.client")
public class SwfClientProperties {

	/**
	 * AWS region of the SWF endpoint, such as us-east-1. When not set, the SDK's default
	 * region provider chain applies.
	 */
	private @Nullable String region;

	/**
	 * Endpoint that overrides the region's SWF endpoint, for example a local or embedded SWF.
	 */
	private @Nullable URI endpoint;

	/**
	 * Longest time an SWF call may take, retries included. When not set, the SDK's default
	 * applies. Heartbeats use swf.heartbeat.call-timeout instead.
	 */
	private @Nullable Duration apiCallTimeout;

	/**
	 * Longest time a single attempt of an SWF call may take. When not set, the SDK's default
	 * applies.
	 */
	private @Nullable Duration apiCallAttemptTimeout;

	/**
	 * Maximum number of concurrent requests of the non-blocking client. When not set, the
	 * SDK's default applies.
	 */
	private @Nullable Integer maxConcurrency;

	/**
	 * Read timeout of the blocking client's HTTP connections; long polls need more than 60 seconds. When not set, the SDK's default for SWF applies: 90 seconds.
	 */
	private @Nullable Duration readTimeout;

	/**
	 * Maximum number of HTTP connections of the blocking client, shared by long polls and respond calls. When not set, the SDK's default for SWF applies: 1000.
	 */
	private @Nullable Integer maxConnections;

	private final Credentials credentials = new Credentials();

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable Duration getApiCallTimeout() {
		return this.apiCallTimeout;
	}

	public void setApiCallTimeout(@Nullable Duration apiCallTimeout) {
		this.apiCallTimeout = apiCallTimeout;
	}

	public @Nullable Duration getApiCallAttemptTimeout() {
		return this.apiCallAttemptTimeout;
	}

	public void setApiCallAttemptTimeout(@Nullable Duration apiCallAttemptTimeout) {
		this.apiCallAttemptTimeout = apiCallAttemptTimeout;
	}

	public @Nullable Integer getMaxConcurrency() {
		return this.maxConcurrency;
	}

	public void setMaxConcurrency(@Nullable Integer maxConcurrency) {
		this.maxConcurrency = maxConcurrency;
	}

	public @Nullable Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(@Nullable Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public @Nullable Integer getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(@Nullable Integer maxConnections) {
		this.maxConnections = maxConnections;
	}

	public Credentials getCredentials() {
		return this.credentials;
	}

	/**
	 * Static credentials; when not set, the SDK's default credentials provider chain applies.
	 */
	public static class Credentials {

		/**
		 * Access key id of static credentials. Needs secret-access-key too.
		 */
		private @Nullable String accessKeyId;

		/**
		 * Secret access key of static credentials. Needs access-key-id too.
		 */
		private @Nullable String secretAccessKey;

		public @Nullable String getAccessKeyId() {
			return this.accessKeyId;
		}

		public void setAccessKeyId(@Nullable String accessKeyId) {
			this.accessKeyId = accessKeyId;
		}

		public @Nullable String getSecretAccessKey() {
			return this.secretAccessKey;
		}

		public void setSecretAccessKey(@Nullable String secretAccessKey) {
			this.secretAccessKey = secretAccessKey;
		}

	}

}
