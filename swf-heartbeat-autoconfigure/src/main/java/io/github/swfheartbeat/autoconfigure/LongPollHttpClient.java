package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The blocking client's HTTP client: SWF holds an idle long poll for up to 60 seconds, longer
 * than the SDK's default read timeout of 30 seconds, after which the poll would fail and be
 * retried while SWF may already have handed its task out.
 */
final class LongPollHttpClient {

	/** SWF's longest long poll; a shorter read timeout breaks idle polls. */
	static final Duration LONG_POLL = Duration.ofSeconds(60);

	private static final Logger logger = LoggerFactory.getLogger(LongPollHttpClient.class);

	private LongPollHttpClient() {
	}

	static SdkHttpClient.Builder<?> builder(SwfClientProperties properties) {
		Duration readTimeout = properties.getReadTimeout();
		if (readTimeout.isNegative() || readTimeout.isZero()) {
			throw new InvalidConfigurationPropertyValueException("swf.client.read-timeout", readTimeout,
					"It must be longer than zero; long polls need more than " + LONG_POLL.toSeconds() + " seconds");
		}
		if (readTimeout.compareTo(LONG_POLL) <= 0) {
			logger.warn("swf.client.read-timeout is {}: long polls on the SwfClient fail when SWF holds them for "
					+ "{} seconds; use 70s or more", readTimeout, LONG_POLL.toSeconds());
		}
		if (properties.getMaxConnections() < 1) {
			throw new InvalidConfigurationPropertyValueException("swf.client.max-connections",
					properties.getMaxConnections(), "It must be at least 1");
		}
		return ApacheHttpClient.builder().socketTimeout(readTimeout).maxConnections(properties.getMaxConnections());
	}

}
