package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.client.SwfAsyncClientCustomizer;
import io.github.swfheartbeat.client.SwfClientCustomizer;
import io.github.swfheartbeat.core.HeartbeatService;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfAsyncClientBuilder;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.SwfClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Amazon SWF clients, built from
 * {@code swf.client.*} and {@link SwfClientCustomizer}/{@link SwfAsyncClientCustomizer} beans.
 * Backs off entirely when the application defines an {@link SwfClient} or an
 * {@link SwfAsyncClient}: its own client then carries the heartbeats.
 * <p>
 * The two clients suit SWF's two kinds of calls: the blocking {@link SwfClient} long-polls, with
 * the SDK's read timeout for SWF (90 seconds) unless {@code swf.client.read-timeout} sets another,
 * and heartbeats go over the non-blocking client's separate connection pool, so that polls
 * holding connections for up to 60 seconds never delay a heartbeat.
 * <p>
 * Heartbeats go over a non-blocking client of their own, built from the same properties and
 * customizers as the {@link SwfAsyncClient} bean: with SDK retries off once for the client rather
 * than per call, answers handled on its I/O threads and a sized event loop group (see
 * {@link SwfAsyncClientTransport#withHeartbeatClient}). Other calls about heartbeated tasks use the
 * {@link SwfAsyncClient} bean and its retries.
 */
@AutoConfiguration
@ConditionalOnClass(SwfClient.class)
@ConditionalOnMissingBean({ SwfClient.class, SwfAsyncClient.class })
@EnableConfigurationProperties(SwfClientProperties.class)
public final class SwfClientAutoConfiguration {

	private static final String APACHE_HTTP_CLIENT = "software.amazon.awssdk.http.apache.ApacheHttpClient";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	SwfClient swfClient(SwfClientProperties properties, ObjectProvider<SwfClientCustomizer> customizers) {
		SwfClientBuilderConfigurer configurer = new SwfClientBuilderConfigurer(properties);
		SwfClientBuilder builder = configurer.configure(SwfClient.builder());
		if ((properties.getReadTimeout() != null || properties.getMaxConnections() != null)
				&& ClassUtils.isPresent(APACHE_HTTP_CLIENT, SwfClientAutoConfiguration.class.getClassLoader())) {
			// A builder, not a built client: the SDK fills in its SWF defaults for what is not set.
			builder.httpClientBuilder(LongPollHttpClient.builder(properties));
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return configurer.build(builder::build);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(NettyNioAsyncHttpClient.class)
	static class SwfAsyncClientConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		SwfAsyncClient swfAsyncClient(SwfClientProperties properties,
				ObjectProvider<SwfAsyncClientCustomizer> customizers) {
			SwfClientBuilderConfigurer configurer = new SwfClientBuilderConfigurer(properties);
			SwfAsyncClientBuilder builder = configurer.configure(SwfAsyncClient.builder());
			applyMaxConcurrency(properties.getMaxConcurrency(), builder);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return configurer.build(builder::build);
		}

		@Bean
		@ConditionalOnMissingBean({ HeartbeatTransport.class, HeartbeatService.class })
		@ConditionalOnBooleanProperty(name = "swf.heartbeat.enabled", matchIfMissing = true)
		HeartbeatTransport heartbeatTransport(SwfAsyncClient swfAsyncClient, SwfClientProperties properties,
				ObjectProvider<SwfAsyncClientCustomizer> customizers) {
			SwfClientBuilderConfigurer configurer = new SwfClientBuilderConfigurer(properties);
			SwfAsyncClientBuilder builder = configurer.configure(SwfAsyncClient.builder());
			builder.httpClientBuilder(HeartbeatHttpClient.builder(properties.getMaxConcurrency()));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return configurer.build(() -> {
				try {
					return SwfAsyncClientTransport.withHeartbeatClient(swfAsyncClient, builder);
				}
				catch (IllegalArgumentException ex) {
					// A customizer gave the builder an HTTP client of its own, which the SDK refuses
					// alongside an HTTP client builder: the customizer's client wins.
					builder.httpClientBuilder(null);
					return SwfAsyncClientTransport.withHeartbeatClient(swfAsyncClient, builder);
				}
			});
		}

		private void applyMaxConcurrency(@Nullable Integer maxConcurrency, SwfAsyncClientBuilder builder) {
			if (maxConcurrency == null) {
				// Leave the HTTP client to the SDK, so that a customizer may give the builder one of
				// its own: the SDK refuses a client and a client builder together.
				return;
			}
			if (maxConcurrency < 1) {
				throw new InvalidConfigurationPropertyValueException("swf.client.max-concurrency", maxConcurrency,
						"It must be at least 1");
			}
			builder.httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(maxConcurrency));
		}

	}

}
