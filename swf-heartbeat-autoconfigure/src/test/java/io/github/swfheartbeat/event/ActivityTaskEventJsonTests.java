package io.github.swfheartbeat.event;

import java.time.Instant;
import java.util.List;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import io.github.swfheartbeat.engine.TaskSnapshot;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events and task snapshots written as JSON by Spring Boot's JSON mapper, as an event publication
 * registry or a broker bridge writes them: the fingerprint, never the token.
 */
class ActivityTaskEventJsonTests {

	private static final String TOKEN = "AAAA-secret-task-token-ZZZZ";

	private static final ActivityTaskInfo INFO = new ActivityTaskInfo("orders", "activity-7", "Transcode", "1", "wf",
			"run");

	private static final Instant AT = Instant.parse("2025-01-01T10:00:00Z");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class));

	@Test
	void eventsAndSnapshotsAreWrittenWithTheFingerprintOnly() {
		HeartbeatEventPublisher publisher = new HeartbeatEventPublisher((event) -> {
		});
		List<Object> written = List.of(new ActivityCancellationRequestedEvent(publisher, TOKEN, INFO, "50%", AT),
				new ActivityTaskLostEvent(publisher, TOKEN, INFO, "50%", AT, TaskLossReason.DEADLINE_PASSED),
				new TaskSnapshot(TOKEN, INFO, "50%", AT));
		this.contextRunner.run((context) -> {
			JsonMapper mapper = context.getBean(JsonMapper.class);
			for (Object value : written) {
				String json = mapper.writeValueAsString(value);
				assertThat(json).as(value.getClass().getSimpleName())
					.doesNotContain("secret")
					.contains("\"taskTokenFingerprint\":\"" + TaskTokenFingerprint.of(TOKEN) + "\"")
					.contains("activity-7")
					.contains("50%");
			}
			assertThat(mapper.writeValueAsString(written.get(1))).contains("DEADLINE_PASSED");
		});
	}

}
