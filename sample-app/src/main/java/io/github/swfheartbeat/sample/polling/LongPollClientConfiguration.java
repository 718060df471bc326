package io.github.swfheartbeat.sample.polling;

import java.time.Duration;

import io.github.swfheartbeat.autoconfigure.SwfClientProperties;
import io.github.swfheartbeat.client.SwfAsyncClientCustomizer;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the non-blocking SWF client wait out a long poll: SWF holds an idle poll for up to 60
 * seconds, longer than the Netty client's default read timeout of 30 seconds.
 */
@Configuration(proxyBeanMethods = false)
class LongPollClientConfiguration {

	/** SWF's 60 seconds of long poll, and some room for the answer to arrive. */
	static final Duration READ_TIMEOUT = Duration.ofSeconds(70);

	@Bean
	SwfAsyncClientCustomizer longPollReadTimeout(SwfClientProperties clientProperties) {
		return (builder) -> {
			NettyNioAsyncHttpClient.Builder httpClient = NettyNioAsyncHttpClient.builder().readTimeout(READ_TIMEOUT);
			// This HTTP client replaces the one swf.client.max-concurrency configured: keep its setting.
			Integer maxConcurrency = clientProperties.getMaxConcurrency();
			if (maxConcurrency != null) {
				httpClient.maxConcurrency(maxConcurrency);
			}
			builder.httpClientBuilder(httpClient);
		};
	}

}
