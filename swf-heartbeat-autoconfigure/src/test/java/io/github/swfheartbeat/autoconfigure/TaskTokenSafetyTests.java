package io.github.swfheartbeat.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.swfheartbeat.aspect.HeartbeatingActivity;
import io.github.swfheartbeat.aspect.TaskToken;
import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.ActivityTaskLostException;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.event.ActivityTaskEvent;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.spring.AutoConfigureEmbeddedSwf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A full scenario — heartbeats, progress, cancellation, a lost task, failed calls, bad input —
 * with the starter's log lines captured at TRACE and those of the AWS SDK and its HTTP clients at
 * DEBUG (their wire logs aside): no task token may appear, whole or in the pieces of a hex dump,
 * in the log, in events' {@code toString()}, in exceptions, in the health endpoint or in the
 * metrics.
 */
@SpringBootTest(classes = TaskTokenSafetyTests.WorkerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,metrics,prometheus",
				"management.endpoint.health.show-details=always", "swf.heartbeat.domain=" + TaskTokenSafetyTests.DOMAIN,
				"logging.level.io.github.swfheartbeat=TRACE", "logging.level.software.amazon.awssdk=DEBUG",
				"logging.level.io.netty=DEBUG", "logging.level.org.apache.http=DEBUG",
				// The wire logs of the HTTP clients print request bodies, tokens included (see the README).
				"logging.level.io.netty.handler.logging.LoggingHandler=INFO", "logging.level.org.apache.http.wire=INFO" })
@AutoConfigureEmbeddedSwf
@ExtendWith(OutputCaptureExtension.class)
class TaskTokenSafetyTests {

	static final String DOMAIN = "token-safety";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedSwf swf;

	@Autowired
	private Worker worker;

	@Autowired
	private HeartbeatTemplate template;

	@Autowired
	private EventLog events;

	@Test
	void noTaskTokenAppearsWholeAnywhere(CapturedOutput output) throws Exception {
		this.swf.registerDomain(DOMAIN);
		this.swf.registerActivityType(DOMAIN, "Transcode", "1", Duration.ofSeconds(10));
		List<String> tokens = new ArrayList<>();
		List<String> seen = new ArrayList<>();

		// A task that reports progress, is cancelled, and responds canceled.
		StartedActivity cancelled = start(tokens);
		CompletableFuture<String> cancelledRun = CompletableFuture.supplyAsync(() -> this.worker.transcode(cancelled.task()));
		await().until(() -> this.swf.activityTask(cancelled.taskToken()).heartbeatCount() > 0);
		this.swf.requestCancel(cancelled.scheduled());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.swf.activityTask(cancelled.taskToken()).state()
				== ActivityTaskState.CANCELED);
		seen.add(String.valueOf(cancelledRun.handle((value, failure) -> failure).get()));

		// A task the endpoint times out while its method runs.
		StartedActivity lost = start(tokens);
		CompletableFuture<String> lostRun = CompletableFuture.supplyAsync(() -> this.worker.waitUntilLost(lost.taskToken()));
		await().until(this.worker::isRunning);
		this.swf.timeOut(lost.taskToken());
		seen.add(lostRun.get());

		// Failed calls and a one-shot heartbeat of the lost task.
		StartedActivity failing = start(tokens);
		this.swf.faults().failNext("RecordActivityTaskHeartbeat", 2, 503);
		assertThat(this.template.heartbeat(failing.taskToken(), "retried")).isFalse();
		assertThatExceptionOfType(ActivityTaskLostException.class)
			.isThrownBy(() -> this.template.heartbeat(lost.taskToken()))
			.satisfies((ex) -> seen.add(ex.toString()));

		// Handles, contexts and bad input.
		try (HeartbeatHandle handle = this.template.start(failing.taskToken())) {
			seen.add(handle.toString());
			seen.add(String.valueOf(handle.activityTask()));
		}
		String overLong = failing.taskToken() + "x".repeat(1024);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.template.heartbeat(overLong))
			.satisfies((ex) -> seen.add(ex.getMessage()));

		await().until(() -> this.events.events.size() >= 2);
		this.events.events.forEach((event) -> seen.add(event.toString()));
		seen.add(get("/actuator/health"));
		seen.add(get("/actuator/prometheus"));
		seen.add(get("/actuator/metrics/swf.heartbeat.calls"));
		seen.add(output.getAll());

		assertThat(output.getAll()).contains("tt-").contains("lost").contains("Cancellation");
		for (String token : tokens) {
			assertThat(seen).allSatisfy((text) -> assertThat(text).doesNotContain(token));
			// A hex dump splits a token over lines of 16 characters: look for every such piece.
			for (int i = 0; i + 16 <= token.length(); i++) {
				String piece = token.substring(i, i + 16);
				assertThat(seen).allSatisfy((text) -> assertThat(text).doesNotContain(piece));
			}
		}
	}

	private StartedActivity start(List<String> tokens) {
		StartedActivity task = this.swf.startActivity(ActivitySpec.of(DOMAIN, "Transcode", "1"));
		tokens.add(task.taskToken());
		return task;
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	/**
	 * Activities of the scenario.
	 */
	static class Worker {

		private volatile boolean running;

		public boolean isRunning() {
			return this.running;
		}

		@HeartbeatingActivity(maxCancellationLatency = "1s", respondCanceled = true)
		public String transcode(PollForActivityTaskResponse task) {
			HeartbeatContext context = HeartbeatContext.current();
			for (int percent = 0; percent <= 100; percent++) {
				context.setDetails(percent + "%");
				context.throwIfCancellationRequested();
				pause();
			}
			return "done";
		}

		@HeartbeatingActivity(heartbeatTimeout = "10s", maxCancellationLatency = "1s")
		public String waitUntilLost(@TaskToken String taskToken) {
			this.running = true;
			HeartbeatContext context = HeartbeatContext.current();
			while (!context.isLost()) {
				pause();
			}
			return context.toString();
		}

		private static void pause() {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ActivityCancellationRequestedException("interrupted", null);
			}
		}

	}

	/**
	 * Collects the heartbeat events.
	 */
	static class EventLog {

		final List<ActivityTaskEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ActivityTaskEvent event) {
			this.events.add(event);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WorkerApplication {

		@Bean
		Worker worker() {
			return new Worker();
		}

		@Bean
		EventLog eventLog() {
			return new EventLog();
		}

	}

}
