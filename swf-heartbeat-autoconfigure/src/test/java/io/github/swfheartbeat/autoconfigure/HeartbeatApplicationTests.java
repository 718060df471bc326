package io.github.swfheartbeat.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.spring.AutoConfigureEmbeddedSwf;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A running application with the real SDK client, heartbeating tasks of the embedded SWF
 * endpoint, seen through the actuator endpoints over HTTP.
 */
@SpringBootTest(classes = HeartbeatApplicationTests.WorkerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,metrics,prometheus",
				"management.endpoint.health.show-details=always", "swf.heartbeat.domain=media" })
@AutoConfigureEmbeddedSwf
class HeartbeatApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedSwf swf;

	@Autowired
	private HeartbeatEngine engine;

	@Autowired
	private HeartbeatTransport transport;

	@Test
	void healthAndMetricsShowRealHeartbeats() throws Exception {
		assertThat(this.transport).isInstanceOf(SwfAsyncClientTransport.class);
		this.swf.registerDomain("media");
		this.swf.registerActivityType("media", "resize", "1.0", Duration.ofSeconds(30));
		StartedActivity activity = this.swf.startActivity(ActivitySpec.of("media", "resize", "1.0"));
		String taskToken = activity.taskToken();
		ActivityTaskInfo task = ActivityTaskInfo.of(activity.task(), "media");
		try (HeartbeatHandle handle = this.engine.start(taskToken, HeartbeatOptions.defaults().withActivityTask(task))) {
			// A task of its own: the handle's background heartbeats would overwrite the details.
			StartedActivity once = this.swf.startActivity(ActivitySpec.of("media", "resize", "1.0"));
			assertThat(this.engine.heartbeatOnce(once.taskToken(), "50%", ActivityTaskInfo.of(once.task(), "media"))
				.join()).isFalse();
			assertThat(this.swf.activityTask(once.taskToken()).lastDetails()).isEqualTo("50%");

			String health = get("/actuator/health");
			assertThat((String) JsonPath.read(health, "$.components.swfHeartbeat.status")).isEqualTo("UP");
			assertThat((Integer) JsonPath.read(health, "$.components.swfHeartbeat.details.activeTasks")).isOne();
			assertThat((Integer) JsonPath.read(health, "$.components.swfHeartbeat.details.consecutiveFailures")).isZero();
			assertThat((String) JsonPath.read(health, "$.components.swfHeartbeat.details.lastSuccessfulHeartbeatAge"))
				.startsWith("PT");
			assertThat(health).doesNotContain(taskToken).doesNotContain(once.taskToken());

			// Listeners run on lanes of their own: the timer follows the call shortly.
			await().untilAsserted(() -> assertThat(
					count(get("/actuator/metrics/swf.heartbeat.calls?tag=outcome:success&tag=activity.type:resize:1.0")))
				.isGreaterThanOrEqualTo(1));
			assertThat(count(get("/actuator/metrics/swf.heartbeat.tasks.active"))).isOne();
			// One timer per call: the call's observation is for tracing and makes no meters.
			assertThat(status("/actuator/metrics/swf.heartbeat.call")).isEqualTo(404);

			String prometheus = get("/actuator/prometheus");
			assertThat(prometheus).contains("swf_heartbeat_calls_seconds_count{activity_type=\"resize:1.0\",outcome=\"success\"")
				.contains("\nswf_heartbeat_tasks_active ")
				.contains("\nswf_heartbeat_rate_limit_calls_per_second ")
				.doesNotContain("swf_heartbeat_call_seconds")
				.doesNotContain(taskToken)
				.doesNotContain(once.taskToken());
		}
	}

	private int status(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	private static double count(String metric) {
		List<Double> values = JsonPath.read(metric, "$.measurements[?(@.statistic in ['COUNT', 'VALUE'])].value");
		return values.get(0);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WorkerApplication {

	}

}
