package io.github.swfheartbeat.test.spring;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Starts an {@link EmbeddedSwf} for one application context, registers it as a bean, adds the
 * client properties that point at it ahead of every other property source, and closes it with the
 * context.
 *
 * <p>Customizers with the same settings are equal, so Spring's context cache shares one context,
 * and one endpoint, between test classes with the same configuration.
 */
class EmbeddedSwfContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "embeddedSwf";

	static final String PROPERTY_SOURCE_NAME = "embeddedSwf";

	private final String longPollTimeout;

	private final boolean throttling;

	private final boolean virtualTime;

	EmbeddedSwfContextCustomizer(String longPollTimeout, boolean throttling, boolean virtualTime) {
		this.longPollTimeout = longPollTimeout;
		this.throttling = throttling;
		this.virtualTime = virtualTime;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		EmbeddedSwf.Builder builder = EmbeddedSwf.builder()
			.longPollTimeout(parseDuration(this.longPollTimeout))
			.throttling(this.throttling);
		EmbeddedSwf swf = (this.virtualTime ? builder.virtualTime() : builder).start();
		context.getBeanFactory().registerSingleton(BEAN_NAME, swf);
		if (this.virtualTime) {
			context.addBeanFactoryPostProcessor(new EngineClockRegistrar(swf));
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("swf.client.endpoint", swf.endpoint().toString(), "swf.client.region", swf.region(),
							"swf.client.credentials.access-key-id", EmbeddedSwf.ACCESS_KEY_ID,
							"swf.client.credentials.secret-access-key", EmbeddedSwf.SECRET_ACCESS_KEY)));
		// Closed with the singletons, after lifecycle beans stopped: a graceful shutdown of the
		// application under test can still reach the endpoint.
		if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, swf::close);
		}
		else {
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
				if (event.getApplicationContext() == context) {
					swf.close();
				}
			});
		}
	}

	static Duration parseDuration(String text) {
		String trimmed = text.trim();
		if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
			return Duration.ofSeconds(Long.parseLong(trimmed));
		}
		return Duration.parse(trimmed);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EmbeddedSwfContextCustomizer customizer
				&& this.longPollTimeout.equals(customizer.longPollTimeout) && this.throttling == customizer.throttling
				&& this.virtualTime == customizer.virtualTime;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.longPollTimeout, this.throttling, this.virtualTime);
	}

}
