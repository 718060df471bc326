package io.github.swfheartbeat.sample.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.sample.transcode.TranscodeState;
import io.github.swfheartbeat.sample.transcode.TranscodeView;
import io.github.swfheartbeat.sample.workflow.TranscodeTypes;
import io.github.swfheartbeat.test.EmbeddedSwf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API and the health endpoint over real HTTP, with the decider and the worker running
 * against the embedded SWF endpoint.
 */
@SampleWebTest
class TranscodeApiTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedSwf swf;

	@Autowired
	private TranscodeTypes types;

	@Autowired
	private TranscodeRegistry registry;

	private SampleHttpClient http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttpClient(this.port);
	}

	@Test
	void startedTranscodeCompletesItsWorkflow() {
		TranscodeView started = this.http.start(3, 100);
		assertThat(started.state()).isEqualTo(TranscodeState.SCHEDULED);
		TranscodeView completed = awaitState(started.id(), TranscodeState.COMPLETED);
		assertThat(completed.progress()).isEqualTo(100);
		assertThat(completed.outcome()).isEqualTo("test.mp4 transcoded in 3 steps");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(eventTypes(completed)).endsWith(EventType.WORKFLOW_EXECUTION_COMPLETED));
	}

	@Test
	void cancelThroughHttpEndsTheActivityCanceledInSwf() {
		String id = awaitRunningWithHeartbeats(this.http.start(200, 100)).id();
		assertThat(this.http.post("/api/transcodes/{id}/cancel", id)).isEqualTo(202);
		TranscodeView cancelled = awaitState(id, TranscodeState.CANCELED);
		assertThat(cancelled.cancellationLatencyMillis()).isNotNull();
		assertThat(cancelled.progress()).isLessThan(100);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(eventTypes(cancelled)).containsSubsequence(
					EventType.WORKFLOW_EXECUTION_CANCEL_REQUESTED, EventType.ACTIVITY_TASK_CANCEL_REQUESTED,
					EventType.ACTIVITY_TASK_CANCELED, EventType.WORKFLOW_EXECUTION_CANCELED));
		assertThat(this.http.post("/api/transcodes/{id}/cancel", id)).isEqualTo(409);
	}

	@Test
	void timeOutOnTheEmbeddedEndpointLosesTheTask() {
		String id = awaitRunningWithHeartbeats(this.http.start(200, 100)).id();
		assertThat(this.http.post("/api/transcodes/{id}/time-out", id)).isEqualTo(202);
		TranscodeView lost = awaitState(id, TranscodeState.LOST);
		assertThat(lost.outcome()).contains("task lost");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(eventTypes(lost)).contains(EventType.ACTIVITY_TASK_TIMED_OUT)
				.endsWith(EventType.WORKFLOW_EXECUTION_FAILED));
		assertThat(this.http.post("/api/transcodes/{id}/time-out", id)).isEqualTo(409);
	}

	@Test
	void apiNeverShowsTheTaskToken() {
		String id = awaitRunningWithHeartbeats(this.http.start(200, 100)).id();
		String token = this.registry.runningTaskToken(id).orElseThrow();
		assertThat(this.http.get("/api/transcodes")).doesNotContain(token);
		assertThat(this.http.get("/api/dashboard")).doesNotContain(token).contains("\"task\":\"tt-");
		this.http.post("/api/transcodes/{id}/cancel", id);
		awaitState(id, TranscodeState.CANCELED);
	}

	@Test
	void invalidRequestsAreRefused() {
		assertThat(this.http.status("/api/transcodes/{id}", "transcode-unknown")).isEqualTo(404);
		assertThat(this.http.post("/api/transcodes/{id}/cancel", "transcode-unknown")).isEqualTo(404);
		assertThat(this.http.postJson("/api/transcodes", Map.of("steps", 0))).isEqualTo(400);
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthShowsTheHeartbeatEngineOverHttp() {
		Map<String, Object> health = this.http.json("/actuator/health");
		assertThat(health).containsEntry("status", "UP");
		Map<String, Object> engine = (Map<String, Object>) ((Map<String, Object>) health.get("components"))
			.get("swfHeartbeat");
		assertThat(engine).containsEntry("status", "UP");
		assertThat((Map<String, Object>) engine.get("details")).containsKeys("activeTasks", "currentRateLimit");
	}

	@Test
	@SuppressWarnings("unchecked")
	void dashboardDataCarriesTheHeartbeatMetrics() {
		Map<String, Object> dashboard = this.http.json("/api/dashboard");
		assertThat(dashboard).containsEntry("embeddedSwf", true).containsKey("transcodes");
		assertThat((Map<String, Object>) dashboard.get("metrics")).containsKeys("activeTasks", "heartbeatCalls",
				"cancellations", "tasksLost");
	}

	private TranscodeView awaitRunningWithHeartbeats(TranscodeView started) {
		// Cancelling or timing out a task a worker runs, which heartbeats: not one still scheduled.
		return await().atMost(TIMEOUT)
			.until(() -> this.http.transcode(started.id()),
					(view) -> view.state() == TranscodeState.RUNNING && view.heartbeatsSent() > 0);
	}

	private TranscodeView awaitState(String id, TranscodeState state) {
		return await().atMost(TIMEOUT).until(() -> this.http.transcode(id), (view) -> view.state() == state);
	}

	private List<EventType> eventTypes(TranscodeView transcode) {
		return this.swf
			.history(this.types.domain(),
					WorkflowExecution.builder().workflowId(transcode.id()).runId(transcode.runId()).build())
			.stream()
			.map(HistoryEvent::eventType)
			.toList();
	}

}
