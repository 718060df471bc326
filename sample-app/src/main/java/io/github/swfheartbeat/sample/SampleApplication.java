package io.github.swfheartbeat.sample;

import io.github.swfheartbeat.sample.config.SampleProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sample activity worker that shows what swf-heartbeat-starter does: a transcode workflow with a
 * decider, an activity worker and a live dashboard, on an embedded SWF endpoint by default.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	/**
	 * Starts the sample application; with {@code --sample.demo=true}, runs the demo scenario and
	 * exits with its exit code.
	 * @param args command line arguments
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args);
		if (context.getEnvironment().getProperty("sample.demo", Boolean.class, false)) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
