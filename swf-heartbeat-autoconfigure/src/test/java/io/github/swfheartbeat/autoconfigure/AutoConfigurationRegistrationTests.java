package io.github.swfheartbeat.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks that Spring Boot finds the auto-configurations and failure analyzers.
 */
@ExtendWith(OutputCaptureExtension.class)
class AutoConfigurationRegistrationTests {

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void registersTheAutoConfigurations() {
		List<String> candidates = ImportCandidates.load(AutoConfiguration.class, this.classLoader).getCandidates();
		assertThat(candidates).filteredOn((candidate) -> candidate.startsWith("io.github.swfheartbeat."))
			.containsExactlyInAnyOrder(SwfClientAutoConfiguration.class.getName(),
					HeartbeatAutoConfiguration.class.getName(), HeartbeatHealthContributorAutoConfiguration.class.getName(),
					HeartbeatMetricsAutoConfiguration.class.getName(), HeartbeatAspectAutoConfiguration.class.getName(),
					HeartbeatEventsAutoConfiguration.class.getName(), HeartbeatFlowAutoConfiguration.class.getName(),
					SwfWorkerAutoConfiguration.class.getName(), SwfWorkerHealthContributorAutoConfiguration.class.getName(),
					SwfWorkerMetricsAutoConfiguration.class.getName());
	}

	@Test
	void registersTheFailureAnalyzers() {
		// Some of Spring Boot's analyzers need constructor arguments; only ours matter here.
		FailureHandler ignoreOthers = FailureHandler.handleMessage((message, failure) -> {
		});
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(this.classLoader)
			.load(FailureAnalyzer.class, ignoreOthers))
			.hasAtLeastOneElementOfType(InvalidHeartbeatSettingsFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(MissingSwfClientFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(MissingSwfRegionFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(io.github.swfheartbeat.aspect.HeartbeatingActivityFailureAnalyzer.class);
	}

	@Test
	void explainsInvalidSettingsWhenTheApplicationFailsToStart(CapturedOutput output) {
		SpringApplication application = new SpringApplicationBuilder(WorkerApplication.class)
			.web(WebApplicationType.NONE)
			.properties("swf.client.region=us-east-1", "swf.heartbeat.max-details-length=4096")
			.build();
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("swf.heartbeat.max-details-length (4096): SWF accepts heartbeat details of at most 2048 characters")
			.contains("Set swf.heartbeat.max-details-length between 1 and 2048");
	}

	@Test
	void explainsAMissingRegion() {
		FailureAnalysis analysis = new MissingSwfRegionFailureAnalyzer()
			.analyze(new IllegalStateException(new MissingSwfRegionException(new RuntimeException("no region"))));
		assertThat(analysis.getDescription()).contains("no AWS region is configured");
		assertThat(analysis.getAction()).contains("Set swf.client.region").contains("AWS_REGION");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WorkerApplication {

	}

}
