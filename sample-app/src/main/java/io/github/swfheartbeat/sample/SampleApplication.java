package io.github.swfheartbeat.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sample activity worker that shows what swf-heartbeat-starter does.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Starts the sample application.
	 * @param args command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
