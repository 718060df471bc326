package io.github.swfheartbeat.client;

import software.amazon.awssdk.services.swf.SwfAsyncClientBuilder;

/**
 * Customizes the builder of the auto-configured
 * {@link software.amazon.awssdk.services.swf.SwfAsyncClient}, the client that carries heartbeats.
 * Customizers run after the {@code swf.client.*} properties were applied, in
 * {@link org.springframework.core.Ordered order}, so they can override any of them.
 */
@FunctionalInterface
public interface SwfAsyncClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the non-blocking client
	 */
	void customize(SwfAsyncClientBuilder builder);

}
