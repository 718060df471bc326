package io.github.swfheartbeat.client;

import software.amazon.awssdk.services.swf.SwfClientBuilder;

/**
 * Customizes the builder of the auto-configured {@link software.amazon.awssdk.services.swf.SwfClient}.
 * Customizers run after the {@code swf.client.*} properties were applied, in
 * {@link org.springframework.core.Ordered order}, so they can override any of them.
 */
@FunctionalInterface
public interface SwfClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the blocking client
	 */
	void customize(SwfClientBuilder builder);

}
