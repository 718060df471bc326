package io.github.swfheartbeat.sample.demo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the demo ({@code sample.demo=true}) without a web server: the scenario needs none, and a
 * server would keep the port taken and the JVM alive. Registered in {@code META-INF/spring.factories}.
 */
class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "sampleDemo";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("sample.demo", Boolean.class, false)) {
			// Last: an explicit spring.main.web-application-type still wins.
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.main.web-application-type", "none")));
		}
	}

	@Override
	public int getOrder() {
		// After application.yml and the profiles' files are loaded, where sample.demo may be set.
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
