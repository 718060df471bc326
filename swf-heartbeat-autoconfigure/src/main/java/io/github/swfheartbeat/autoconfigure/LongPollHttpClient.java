package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The blocking client's HTTP client when {@code swf.client.read-timeout} or
 * {@code swf.client.max-connections} is set. SWF holds an idle long poll for up to 60 seconds: a
 * shorter read timeout fails idle polls, and a poll retried after a read timeout may have had its
 * task handed out already.
 */
final class LongPollHttpClient {

	/** SWF's longest long poll; a shorter read timeout breaks idle polls. */
	static final Duration LONG_POLL = Duration.ofSeconds(60);

	private static final Logger logger = LoggerFactory.getLogger(LongPollHttpClient.class);

	private LongPollHttpClient() {
	}

	static SdkHttpClient.Builder<?> builder(SwfClientProperties properties) {
		ApacheHttpClient.Builder builder = ApacheHttpClient.builder();
		Duration readTimeout = properties.getReadTimeout();
		if (readTimeout != null) {
			if (readTimeout.isNegative() || readTimeout.isZero()) {
				throw new InvalidConfigurationPropertyValueException("swf.client.read-timeout", readTimeout,
						"It must be longer than zero; long polls need more than " + LONG_POLL.toSeconds() + " seconds");
			}
			if (readTimeout.compareTo(LONG_POLL) <= 0) {
				logger.warn("swf.client.read-timeout is {}: long polls on the SwfClient fail when SWF holds them for "
						+ "{} seconds; use 70s or more", readTimeout, LONG_POLL.toSeconds());
			}
			builder.socketTimeout(readTimeout);
		}
		Integer maxConnections = properties.getMaxConnections();
		if (maxConnections != null) {
			if (maxConnections < 1) {
				throw new InvalidConfigurationPropertyValueException("swf.client.max-connections", maxConnections,
						"It must be at least 1");
			}
			builder.maxConnections(maxConnections);
		}
		return builder;
	}

}
