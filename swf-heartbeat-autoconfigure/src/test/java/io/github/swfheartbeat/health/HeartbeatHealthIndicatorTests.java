package io.github.swfheartbeat.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.autoconfigure.StubHeartbeatTransport;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.OperationNotPermittedException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HeartbeatHealthIndicator}.
 */
class HeartbeatHealthIndicatorTests {

	private static final String TASK_TOKEN = "AAAAKgAAAAEAAAAAAAAAAsecret-task-token";

	private final StubHeartbeatTransport transport = new StubHeartbeatTransport();

	private final HeartbeatEngine engine = new HeartbeatEngine(this.transport,
			HeartbeatEngineSettings.builder().discoverHeartbeatTimeouts(false).rateLimit(42).build());

	@AfterEach
	void closeEngine() {
		this.engine.close();
	}

	@Test
	void upWithEngineDetails() {
		Instant inAMinute = Instant.now().plusSeconds(60);
		heartbeat();
		Health health = indicator(5, Clock.fixed(inAMinute, ZoneOffset.UTC)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("activeTasks", 0)
			.containsEntry("consecutiveFailures", 0L)
			.containsEntry("throttledLastMinute", 0L)
			.containsEntry("currentRateLimit", 42.0)
			.containsEntry("configuredRateLimit", 42.0)
			.containsKey("lastSuccessfulHeartbeatAge")
			.doesNotContainKey("reason");
		Duration age = Duration.parse((String) health.getDetails().get("lastSuccessfulHeartbeatAge"));
		assertThat(age).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
	}

	@Test
	void noAgeBeforeTheFirstSuccess() {
		assertThat(indicator(5, Clock.systemUTC()).health().getDetails()).doesNotContainKey("lastSuccessfulHeartbeatAge");
	}

	@Test
	void downFromTheFailureThreshold() {
		for (int i = 0; i < 3; i++) {
			this.transport.thenFail(StubHeartbeatTransport.rejected());
			heartbeat();
		}
		assertThat(indicator(4, Clock.systemUTC()).health().getStatus()).isEqualTo(Status.UP);
		Health health = indicator(3, Clock.systemUTC()).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("consecutiveFailures", 3L);
		assertThat((String) health.getDetails().get("reason")).contains("The last 3 heartbeat calls failed")
			.contains("swf.heartbeat.health.failure-threshold=3");
	}

	@Test
	void upAgainAfterASuccess() {
		this.transport.thenFail(StubHeartbeatTransport.rejected());
		heartbeat();
		heartbeat();
		assertThat(indicator(1, Clock.systemUTC()).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void downWhenIamDeniesHeartbeats() {
		this.transport.thenFail(StubHeartbeatTransport.notPermitted());
		heartbeat();
		Health health = indicator(5, Clock.systemUTC()).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason")).contains("OperationNotPermitted")
			.contains("swf:RecordActivityTaskHeartbeat");
	}

	@Test
	void showsNoTaskToken() {
		this.transport.thenFail(StubHeartbeatTransport.notPermitted());
		heartbeat();
		Health health = indicator(5, Clock.systemUTC()).health();
		assertThat(health.toString()).doesNotContain(TASK_TOKEN);
		assertThat(health.getDetails().values()).allSatisfy((value) -> assertThat(value.toString()).doesNotContain("secret"));
	}

	@Test
	void showsShutdown() {
		this.engine.shutdown();
		assertThat(indicator(5, Clock.systemUTC()).health().getDetails()).containsEntry("shuttingDown", true);
	}

	@Test
	void showsActivityTypesWhoseTimeoutCouldNotBeRead() {
		HeartbeatTransport denying = new HeartbeatTransport() {
			@Override
			public CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details,
					Duration timeout) {
				return CompletableFuture.completedFuture(false);
			}

			@Override
			public CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name,
					String version) {
				return CompletableFuture.failedFuture(
						OperationNotPermittedException.builder().message("denied").statusCode(400).build());
			}

			@Override
			public CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details) {
				return CompletableFuture.completedFuture(null);
			}
		};
		HeartbeatEngine discovering = new HeartbeatEngine(denying, HeartbeatEngineSettings.defaults());
		try {
			discovering.start(TASK_TOKEN, HeartbeatOptions.defaults()
				.withActivityTask(new ActivityTaskInfo("orders", "a1", "Resize", "2", "wf", "run")));
			HeartbeatHealthIndicator indicator = new HeartbeatHealthIndicator(discovering, 5);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(indicator.health().getDetails()).containsEntry("discoveryFailures",
						Map.of("orders/Resize:2",
								"DescribeActivityType denied: allow swf:DescribeActivityType for the domain in IAM")));
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			discovering.shutdown(Duration.ZERO);
		}
	}

	private HeartbeatHealthIndicator indicator(int failureThreshold, Clock clock) {
		return new HeartbeatHealthIndicator(this.engine, failureThreshold, clock);
	}

	private void heartbeat() {
		this.engine.heartbeatOnce(TASK_TOKEN, null, ActivityTaskInfo.unknown()).exceptionally((failure) -> null).join();
	}

}
