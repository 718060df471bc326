package io.github.swfheartbeat.sample.demo;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DemoScenario} once the application has started ({@code sample.demo=true}),
 * prints its summary table, and gives the exit code: 0 when it went as expected, 1 otherwise.
 */
@Component
@ConditionalOnBooleanProperty("sample.demo")
public class DemoRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(DemoRunner.class);

	private final DemoScenario scenario;

	private volatile @Nullable DemoReport report;

	DemoRunner(DemoScenario scenario) {
		this.scenario = scenario;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		logger.info("Running the demo scenario");
		DemoReport result = this.scenario.run();
		this.report = result;
		System.out.println();
		System.out.print(result.format());
		System.out.println();
	}

	/**
	 * Returns the report of the scenario, once it ran.
	 * @return the report, or {@code null} before
	 */
	public @Nullable DemoReport report() {
		return this.report;
	}

	@Override
	public int getExitCode() {
		DemoReport result = this.report;
		return (result != null) ? result.exitCode() : 1;
	}

}
