package io.github.swfheartbeat.test.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.SwfException;

import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.FaultInjector;
import io.github.swfheartbeat.test.ScheduledActivity;
import io.github.swfheartbeat.test.StartedActivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the endpoint's HTTP side: the protocol's edges, faults, throttling, latency, restarts
 * and the Netty async client.
 */
class EmbeddedSwfServerTests {

	private static final String DOMAIN = "server";

	private static final String HEARTBEAT = "RecordActivityTaskHeartbeat";

	private static EmbeddedSwf swf;

	/** A client that reports the first failure, so that tests see faults the SDK would retry. */
	private static SwfClient noRetries;

	@BeforeAll
	static void start() {
		swf = EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)).start();
		swf.registerDomain(DOMAIN);
		swf.registerActivityType(DOMAIN, "Work", "1", Duration.ofSeconds(30));
		noRetries = SwfClient.builder()
			.endpointOverride(swf.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
			.overrideConfiguration((configuration) -> configuration.retryStrategy(RetryMode.STANDARD)
				.retryStrategy((strategy) -> strategy.maxAttempts(1)))
			.build();
	}

	@AfterEach
	void clear() {
		swf.faults().clear();
		swf.throttling().reset();
	}

	@AfterAll
	static void stop() {
		noRetries.close();
		swf.close();
	}

	private static String heartbeatableToken() {
		return swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1")).taskToken();
	}

	@Test
	void unknownOperationsAndMalformedBodiesAreClientFaults() throws Exception {
		HttpResponse<String> unknown = post("SimpleWorkflowService.LaunchRocket", "{}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("UnknownOperationException");
		HttpResponse<String> noTarget = post(null, "{}");
		assertThat(noTarget.statusCode()).isEqualTo(400);
		HttpResponse<String> malformed = post("SimpleWorkflowService.DescribeDomain", "{\"name\":");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("SerializationException");
		HttpResponse<String> ok = post("SimpleWorkflowService.DescribeDomain", "{\"name\":\"" + DOMAIN + "\"}");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
	}

	@Test
	void everyAnswerIsDatedAsAwsServicesDateThem() throws Exception {
		// Workers read a poll's instant from this header (ActivityTaskInfo.of).
		java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		for (HttpResponse<String> response : java.util.List.of(
				post("SimpleWorkflowService.DescribeDomain", "{\"name\":\"" + DOMAIN + "\"}"),
				post("SimpleWorkflowService.LaunchRocket", "{}"))) {
			assertThat(response.headers().firstValue("Date")).hasValueSatisfying((date) -> assertThat(
					java.time.Instant.from(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(date)))
				.isBetween(before, java.time.Instant.now()));
		}
	}

	@Test
	void everyErrorAnswerNamesItsErrorInXAmznErrortype() throws Exception {
		assertErrorType(post("SimpleWorkflowService.LaunchRocket", "{}"), 400, "UnknownOperationException");
		assertErrorType(post("SimpleWorkflowService.RecordActivityTaskHeartbeat", "{\"taskToken\":\"gone\"}"), 400,
				"UnknownResourceFault");
		assertErrorType(post("SimpleWorkflowService.RecordActivityTaskHeartbeat", "{}"), 400, "ValidationException");
		swf.faults().throttleNext(HEARTBEAT, 1).failNext("DescribeDomain", 1, 503).denyNext("DescribeDomain", 1);
		assertErrorType(post("SimpleWorkflowService.RecordActivityTaskHeartbeat", "{\"taskToken\":\"gone\"}"), 400,
				"ThrottlingException");
		assertErrorType(post("SimpleWorkflowService.DescribeDomain", "{\"name\":\"" + DOMAIN + "\"}"), 503,
				"ServiceUnavailableException");
		assertErrorType(post("SimpleWorkflowService.DescribeDomain", "{\"name\":\"" + DOMAIN + "\"}"), 400,
				"OperationNotPermittedFault");
		HttpResponse<String> ok = post("SimpleWorkflowService.DescribeDomain", "{\"name\":\"" + DOMAIN + "\"}");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.headers().firstValue("X-Amzn-Errortype")).isEmpty();
	}

	private static void assertErrorType(HttpResponse<String> response, int status, String errorType) {
		assertThat(response.statusCode()).isEqualTo(status);
		// As AWS services send it: the short name, a colon, the namespace's URL.
		assertThat(response.headers().firstValue("X-Amzn-Errortype"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith(errorType + ":http://"));
		assertThat(response.body()).contains("#" + errorType + "\"");
	}

	private static HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(swf.endpoint())
			.header("Content-Type", "application/x-amz-json-1.0")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (target != null) {
			request.header("X-Amz-Target", target);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void failNextAnswersWithServerFaultsTheSdkRetries() {
		String token = heartbeatableToken();
		swf.faults().failNext(HEARTBEAT, 1, 503).failNext(HEARTBEAT, 1, 500);
		assertThatExceptionOfType(SwfException.class)
			.isThrownBy(() -> noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
		assertThatExceptionOfType(SwfException.class)
			.isThrownBy(() -> noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
		assertThat(swf.activityTask(token).heartbeatCount()).isZero();
		swf.faults().failNext(FaultInjector.ALL_OPERATIONS, 2, 500);
		long before = swf.callCount(HEARTBEAT);
		// The ready-made client retries server faults, as the SDK does by default.
		swf.syncClient().recordActivityTaskHeartbeat((request) -> request.taskToken(token));
		assertThat(swf.callCount(HEARTBEAT)).isEqualTo(before + 3);
		assertThat(swf.activityTask(token).heartbeatCount()).isEqualTo(1);
	}

	@Test
	void failTaskAnswersOnlyThatTasksCallsWithServerFaults() {
		String failing = heartbeatableToken();
		String healthy = heartbeatableToken();
		swf.faults().failTask(failing, 2, 503);
		for (int i = 0; i < 2; i++) {
			assertThat(noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(healthy)).cancelRequested())
				.isFalse();
			assertThatExceptionOfType(SwfException.class)
				.isThrownBy(() -> noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(failing)))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
		}
		noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(failing));
		assertThat(swf.activityTask(failing).heartbeatCount()).isOne();
		assertThat(swf.activityTask(healthy).heartbeatCount()).isEqualTo(2);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> swf.faults().failTask(failing, 1, 400))
			.withMessageContaining("5xx");
	}

	@Test
	void throttleNextAnswersWithSwfsThrottlingFault() {
		String token = heartbeatableToken();
		swf.faults().throttleNext(HEARTBEAT, 1);
		assertThatExceptionOfType(SwfException.class)
			.isThrownBy(() -> noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token)))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
				assertThat(ex.isThrottlingException()).isTrue();
			});
		assertThat(noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token)).cancelRequested())
			.isFalse();
	}

	@Test
	void resetNextDropsTheConnection() {
		String token = heartbeatableToken();
		swf.faults().resetNext(HEARTBEAT, 1);
		assertThatExceptionOfType(SdkClientException.class)
			.isThrownBy(() -> noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token)));
		assertThat(swf.activityTask(token).heartbeatCount()).isZero();
		noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token));
		assertThat(swf.activityTask(token).heartbeatCount()).isEqualTo(1);
	}

	@Test
	void latencyDelaysAnswers() {
		String token = heartbeatableToken();
		swf.faults().latency(HEARTBEAT, Duration.ofMillis(300));
		long started = System.nanoTime();
		noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		swf.faults().latency(HEARTBEAT, Duration.ZERO);
	}

	@Test
	void limitsThrottleBeyondTheBucket() {
		String token = heartbeatableToken();
		swf.throttling().limit(HEARTBEAT, 3, 0);
		for (int i = 0; i < 3; i++) {
			noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token));
		}
		assertThatExceptionOfType(SwfException.class)
			.isThrownBy(() -> noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token)))
			.satisfies((ex) -> assertThat(ex.isThrottlingException()).isTrue());
		swf.throttling().removeLimit(HEARTBEAT);
		noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(token));
	}

	@Test
	void builderLimitsApplyFromTheStart() {
		try (EmbeddedSwf throttled = EmbeddedSwf.builder().throttling("DescribeDomain", 1, 0).start()) {
			throttled.registerDomain("d");
			SwfClient client = throttled.syncClient();
			client.describeDomain((request) -> request.name("d"));
			assertThatExceptionOfType(SwfException.class)
				.isThrownBy(() -> client.describeDomain((request) -> request.name("d")))
				.satisfies((ex) -> assertThat(ex.isThrottlingException()).isTrue());
			assertThat(throttled.callCount("DescribeDomain")).isGreaterThan(2);
		}
	}

	@Test
	void aWaitingPollGetsTheTaskWhenItIsScheduled() throws Exception {
		SwfAsyncClient async = swf.asyncClient();
		List<CompletableFuture<PollForActivityTaskResponse>> idle = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			// Pending polls on another list hold no server thread: the calls below still go through.
			idle.add(async.pollForActivityTask((request) -> request.domain(DOMAIN).taskList((list) -> list.name("idle"))));
		}
		CompletableFuture<PollForActivityTaskResponse> poll = async
			.pollForActivityTask((request) -> request.domain(DOMAIN).taskList((list) -> list.name("handoff")));
		await().atMost(Duration.ofSeconds(2)).until(() -> swf.callCount("PollForActivityTask") >= 21);
		ScheduledActivity scheduled = swf
			.scheduleActivity(ActivitySpec.builder(DOMAIN, "Work", "1").taskList("handoff").build());
		PollForActivityTaskResponse task = poll.get(5, TimeUnit.SECONDS);
		assertThat(task.activityId()).isEqualTo(scheduled.activityId());
		assertThat(async.recordActivityTaskHeartbeat((request) -> request.taskToken(task.taskToken()))
			.get(5, TimeUnit.SECONDS)
			.cancelRequested()).isFalse();
		for (CompletableFuture<PollForActivityTaskResponse> each : idle) {
			assertThat(each.get(5, TimeUnit.SECONDS).taskToken()).isEmpty();
		}
	}

	@Test
	void restartKeepsStateAndPort() {
		StartedActivity started = swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1"));
		int port = swf.port();
		swf.stop();
		assertThat(swf.isRunning()).isFalse();
		assertThatExceptionOfType(SdkClientException.class).isThrownBy(
				() -> noRetries.recordActivityTaskHeartbeat((request) -> request.taskToken(started.taskToken())));
		swf.restart();
		assertThat(swf.port()).isEqualTo(port);
		assertThat(swf.syncClient()
			.recordActivityTaskHeartbeat((request) -> request.taskToken(started.taskToken()))
			.cancelRequested()).isFalse();
		assertThat(swf.activityTask(started.taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
	}

	@Test
	void theTimerTimesOutATaskNobodyAsksAbout() {
		// An endpoint of its own, so that no other test's task is open; inspection calls would judge
		// the deadline themselves, the open-task count does not.
		try (EmbeddedSwf own = EmbeddedSwf.start()) {
			own.registerDomain(DOMAIN);
			own.registerActivityType(DOMAIN, "Work", "1", Duration.ofSeconds(1));
			own.startActivity(ActivitySpec.of(DOMAIN, "Work", "1"));
			assertThat(own.openActivityTaskCount()).isOne();
			// One second of heartbeat timeout plus a margin for a loaded machine, not a measurement.
			await().atMost(Duration.ofMillis(1900))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> own.openActivityTaskCount() == 0);
		}
	}

}
