package io.github.swfheartbeat.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that Spring Boot finds the auto-configurations and failure analyzers.
 */
class AutoConfigurationRegistrationTests {

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void registersTheAutoConfigurations() {
		List<String> candidates = ImportCandidates.load(AutoConfiguration.class, this.classLoader).getCandidates();
		assertThat(candidates).contains(SwfClientAutoConfiguration.class.getName(),
				HeartbeatAutoConfiguration.class.getName(), HeartbeatHealthContributorAutoConfiguration.class.getName(),
				HeartbeatMetricsAutoConfiguration.class.getName());
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
			.hasAtLeastOneElementOfType(MissingSwfRegionFailureAnalyzer.class);
	}

	@Test
	void explainsAMissingRegion() {
		FailureAnalysis analysis = new MissingSwfRegionFailureAnalyzer()
			.analyze(new IllegalStateException(new MissingSwfRegionException(new RuntimeException("no region"))));
		assertThat(analysis.getDescription()).contains("no AWS region is configured");
		assertThat(analysis.getAction()).contains("Set swf.client.region").contains("AWS_REGION");
	}

}
