package io.github.swfheartbeat.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata that the configuration processor generates, and that the
 * README's configuration reference lists the same properties with the same defaults.
 */
class ConfigurationMetadataTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path README = Path.of("../README.md");

	/** Every property and its default ({@code null} for none). */
	private static final Map<String, Object> PROPERTIES = properties();

	@Test
	void describesEveryPropertyWithItsDefault() throws IOException {
		String json = Files.readString(METADATA);
		List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[?(@.name =~ /(swf|management\\.health\\.swf-(heartbeat|worker))\\..*/)]");
		Map<String, Object> defaults = new LinkedHashMap<>();
		for (Map<String, Object> property : properties) {
			assertThat((String) property.get("description")).as("description of %s", property.get("name"))
				.isNotBlank()
				.doesNotStartWith("The ")
				.doesNotStartWith("A ");
			if ("java.lang.Boolean".equals(property.get("type"))) {
				assertThat((String) property.get("description")).startsWith("Whether");
			}
			defaults.put((String) property.get("name"), property.get("defaultValue"));
		}
		assertThat(defaults).containsExactlyInAnyOrderEntriesOf(PROPERTIES);
	}

	@Test
	void readmeListsEveryPropertyWithItsDefault() throws IOException {
		String readme = Files.readString(README);
		PROPERTIES.forEach((name, defaultValue) -> {
			String row = "| `" + name + "` | " + ((defaultValue != null) ? "`" + defaultValue + "`" : "") + " |";
			assertThat(readme).as("README row of %s", name).contains(row);
		});
	}

	private static Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("swf.client.region", null);
		properties.put("swf.client.endpoint", null);
		properties.put("swf.client.credentials.access-key-id", null);
		properties.put("swf.client.credentials.secret-access-key", null);
		properties.put("swf.client.api-call-timeout", null);
		properties.put("swf.client.api-call-attempt-timeout", null);
		properties.put("swf.client.max-concurrency", null);
		properties.put("swf.client.read-timeout", null);
		properties.put("swf.client.max-connections", null);
		properties.put("swf.heartbeat.enabled", true);
		properties.put("swf.heartbeat.default-heartbeat-timeout", "60s");
		properties.put("swf.heartbeat.max-cancellation-latency", null);
		properties.put("swf.heartbeat.min-send-interval", "1s");
		properties.put("swf.heartbeat.min-safety-margin", "1s");
		properties.put("swf.heartbeat.rate-limit", 150);
		properties.put("swf.heartbeat.rate-limit-burst", 500);
		properties.put("swf.heartbeat.max-details-length", 2048);
		properties.put("swf.heartbeat.details-overflow", "truncate");
		properties.put("swf.heartbeat.call-timeout", "10s");
		properties.put("swf.heartbeat.retry.initial-backoff", "100ms");
		properties.put("swf.heartbeat.retry.max-backoff", "5s");
		properties.put("swf.heartbeat.shutdown-grace-period", "20s");
		properties.put("swf.heartbeat.discover-heartbeat-timeouts", true);
		properties.put("swf.heartbeat.domain", null);
		properties.put("swf.heartbeat.sync-client-threads", 4);
		properties.put("swf.heartbeat.health.failure-threshold", 5);
		properties.put("swf.heartbeat.aspect.enabled", true);
		properties.put("swf.heartbeat.events.enabled", true);
		properties.put("management.health.swf-heartbeat.enabled", true);
		properties.put("swf.worker.enabled", true);
		properties.put("swf.worker.domain", null);
		properties.put("swf.worker.task-list", null);
		properties.put("swf.worker.activity-version", "1.0");
		properties.put("swf.worker.identity", null);
		properties.put("swf.worker.concurrency", 4);
		properties.put("swf.worker.pollers", 2);
		properties.put("swf.worker.task-lists", null);
		properties.put("swf.worker.register-activity-types", false);
		properties.put("swf.worker.shutdown-grace-period", "20s");
		properties.put("swf.worker.poll-backoff.initial", "500ms");
		properties.put("swf.worker.poll-backoff.max", "30s");
		properties.put("swf.worker.respond-backoff.initial", "200ms");
		properties.put("swf.worker.respond-backoff.max", "5s");
		properties.put("swf.worker.health.poll-failure-threshold", 3);
		properties.put("management.health.swf-worker.enabled", true);
		return properties;
	}

}
