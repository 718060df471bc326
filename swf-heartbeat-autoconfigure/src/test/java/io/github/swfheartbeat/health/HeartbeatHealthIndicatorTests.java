package io.github.swfheartbeat.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatStats;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HeartbeatHealthIndicator}, driven through a real engine that heartbeats tasks
 * of the embedded SWF endpoint over the SDK, with the endpoint's faults and throttling.
 */
class HeartbeatHealthIndicatorTests {

	private static final String DOMAIN = "health-tests";

	private static final String HEARTBEAT = "RecordActivityTaskHeartbeat";

	/** Short, so that tasks reach their first heartbeat (at two thirds of it) and their deadline soon. */
	private static final Duration TIMEOUT = Duration.ofSeconds(6);

	private static final int THRESHOLD = 3;

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension();

	private EmbeddedSwf swf;

	private HeartbeatEngine engine;

	private final List<HeartbeatHandle> handles = new ArrayList<>();

	private final List<String> tokens = new ArrayList<>();

	@BeforeAll
	static void registerTypes() {
		embedded.get().registerDomain(DOMAIN);
		embedded.get().registerActivityType(DOMAIN, "Work", "1", TIMEOUT);
	}

	@BeforeEach
	void startEngine() {
		this.swf = embedded.get();
		this.engine = new HeartbeatEngine(new SwfAsyncClientTransport(this.swf.asyncClient()),
				HeartbeatEngineSettings.builder().discoverHeartbeatTimeouts(false).shutdownGracePeriod(Duration.ZERO).build());
	}

	@AfterEach
	void stopEngine() {
		this.handles.forEach(HeartbeatHandle::close);
		this.engine.close();
		this.swf.faults().clear();
		this.swf.throttling().reset();
	}

	@Test
	void upWithNoTaskAndNoCall() {
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("activeTasks", 0)
			.containsEntry("plannedDemand", 0.0)
			.containsEntry("currentRateLimit", 150.0)
			.containsEntry("configuredRateLimit", 150.0)
			.doesNotContainKeys("reason", "smallestSlack", "overload", "lastSuccessfulHeartbeatAge");
	}

	@Test
	void upWhileTasksAreKeptAliveWithTheirSmallestSlack() {
		startTasks(2);
		// The engine records a success when its answer is back, a moment after the endpoint counted it.
		waitUntil().until(() -> this.engine.stats().lastSuccessAt() != null);
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("activeTasks", 2).containsKey("lastSuccessfulHeartbeatAge");
		Duration slack = Duration.parse((String) health.getDetails().get("smallestSlack"));
		assertThat(slack).isPositive().isLessThanOrEqualTo(TIMEOUT);
		assertThat((Double) health.getDetails().get("plannedDemand")).isPositive();
	}

	@Test
	void throttlingNeverMakesItDown() {
		this.swf.faults().throttleNext(HEARTBEAT, 1000);
		startTasks(3);
		waitUntil().until(() -> this.engine.stats().consecutiveFailures() >= 2 * THRESHOLD);
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((Long) health.getDetails().get("throttledLastMinute")).isGreaterThanOrEqualTo(2 * THRESHOLD);
	}

	@Test
	void downWhileNothingGetsThroughForActiveTasksAndUpOnceAHeartbeatDoes() {
		this.swf.faults().failNext(HEARTBEAT, 1000, 503);
		startTasks(2);
		waitUntil().until(() -> indicator().health().getStatus().equals(Status.DOWN));
		Health down = indicator().health();
		assertThat((String) down.getDetails().get("reason")).contains("No heartbeat got through for 2 active tasks")
			.contains("for 2 tasks")
			.contains("swf.heartbeat.health.failure-threshold=3");
		// The engine keeps retrying within the tasks' deadlines: once SWF answers, it recovers.
		this.swf.faults().clear();
		waitUntil().until(() -> indicator().health().getStatus().equals(Status.UP));
		assertThat(this.engine.stats().activeTasks()).isEqualTo(2);
	}

	@Test
	void upAgainOnceAFailureBurstEndsWithNoTaskLeft() {
		this.swf.faults().failNext(HEARTBEAT, 1000, 503);
		startTasks(2);
		waitUntil().until(() -> indicator().health().getStatus().equals(Status.DOWN));
		// Nothing got through: the tasks are lost, and with them the risk.
		waitUntil().until(() -> this.engine.stats().activeTasks() == 0);
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((Long) health.getDetails().get("consecutiveErrors")).isGreaterThanOrEqualTo(THRESHOLD);
	}

	@Test
	void oneTaskFailingWhileOthersGetThroughIsNotDown() {
		startTasks(3);
		this.swf.faults().failTask(this.tokens.get(0), 1000, 503);
		waitUntil().until(() -> this.engine.stats().consecutiveErrors() >= THRESHOLD);
		HeartbeatStats stats = this.engine.stats();
		Health health = indicator().health();
		assertThat(stats.failingTasks()).isOne();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void downWhileSwfDeniesHeartbeatsAndUpWhenTheDenialIsNoLongerRecent() {
		// Every heartbeat is denied, so a late call of an earlier test's engine cannot use the fault up.
		this.swf.faults().denyNext(HEARTBEAT, 1000);
		StartedActivity task = this.swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1"));
		this.engine.heartbeatOnce(task.taskToken(), null, ActivityTaskInfo.unknown()).exceptionally((ex) -> null).join();
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason")).contains("OperationNotPermitted")
			.contains("swf:RecordActivityTaskHeartbeat");
		Clock later = Clock.offset(Clock.systemUTC(), HeartbeatHealthIndicator.RECENT_DENIAL.plusSeconds(1));
		assertThat(new HeartbeatHealthIndicator(this.engine, THRESHOLD, later).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void upAgainOnceAHeartbeatGetsThroughAfterADenial() {
		this.swf.faults().denyNext(HEARTBEAT, 1);
		StartedActivity task = this.swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1"));
		this.engine.heartbeatOnce(task.taskToken(), null, ActivityTaskInfo.unknown()).exceptionally((ex) -> null).join();
		assertThat(indicator().health().getStatus()).isEqualTo(Status.DOWN);
		this.engine.heartbeatOnce(task.taskToken(), null, ActivityTaskInfo.unknown()).join();
		assertThat(indicator().health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void demandAboveTheRateLimitInForceIsCalledOut() {
		HeartbeatEngine limited = new HeartbeatEngine(new SwfAsyncClientTransport(this.swf.asyncClient()),
				HeartbeatEngineSettings.builder().rateLimit(1).discoverHeartbeatTimeouts(false).build());
		try {
			for (int i = 0; i < 20; i++) {
				// 20 tasks, each taken as polled T/3 before registration and keeping T/3 in reserve
				// until a round trip is measured: the first heartbeat of each is due 2 s after its
				// start, 10 calls per second together, and 1 is allowed.
				limited.start("token-" + i, HeartbeatOptions.defaults().withHeartbeatTimeout(TIMEOUT));
			}
			waitUntil().until(() -> limited.stats().plannedDemand() > 1);
			Health health = new HeartbeatHealthIndicator(limited, THRESHOLD).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat((String) health.getDetails().get("overload")).contains("need 10.0 heartbeat calls per second")
				.contains("the 1.0 allowed now")
				.contains("tasks will be lost");
		}
		finally {
			limited.shutdown(Duration.ZERO).join();
		}
	}

	@Test
	void engineFailureAndDiscoveryFailuresAreShown() {
		HeartbeatStats failed = new HeartbeatStats(2, null, 0, 0, 150, null, 0, 0, 0, true,
				Map.of("Transcode:1", "DescribeActivityType: OperationNotPermitted"), "scheduler thread stopped: boom",
				0, 0, null, 0);
		Health health = new HeartbeatHealthIndicator(() -> failed, 150, THRESHOLD, Clock.systemUTC()).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason")).contains("engine failed")
			.contains("scheduler thread stopped: boom");
		assertThat(health.getDetails()).containsEntry("discoveryFailures",
				Map.of("Transcode:1", "DescribeActivityType: OperationNotPermitted"));
	}

	@Test
	void showsNoTaskToken() {
		this.swf.faults().denyNext(HEARTBEAT, 1);
		startTasks(1);
		waitUntil().until(() -> indicator().health().getStatus().equals(Status.DOWN));
		Health health = indicator().health();
		assertThat(health.toString()).doesNotContain(this.tokens.get(0));
	}

	@Test
	void showsShutdown() {
		this.engine.shutdown();
		assertThat(indicator().health().getDetails()).containsEntry("shuttingDown", true);
	}

	@Test
	void showsActivityTypesWhoseTimeoutSwfWouldNotDescribe() {
		// Discovery is on by default; this engine asks SWF for the type's timeout and is denied.
		this.swf.faults().denyNext("DescribeActivityType", 10);
		HeartbeatEngine discovering = new HeartbeatEngine(new SwfAsyncClientTransport(this.swf.asyncClient()),
				HeartbeatEngineSettings.builder().shutdownGracePeriod(Duration.ZERO).build());
		try {
			StartedActivity task = this.swf
				.startActivity(ActivitySpec.builder(DOMAIN, "Work", "1").heartbeatTimeout(TIMEOUT).build());
			this.handles.add(discovering.start(task.taskToken(),
					HeartbeatOptions.defaults().withActivityTask(ActivityTaskInfo.of(task.task(), DOMAIN))));
			HeartbeatHealthIndicator indicator = new HeartbeatHealthIndicator(discovering, THRESHOLD);
			waitUntil().untilAsserted(() -> assertThat(indicator.health().getDetails()).containsKey("discoveryFailures"));
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("discoveryFailures").toString()).contains("Work:1")
				.contains("swf:DescribeActivityType");
		}
		finally {
			discovering.shutdown(Duration.ZERO);
		}
	}

	private void startTasks(int count) {
		for (int i = 0; i < count; i++) {
			StartedActivity task = this.swf
				.startActivity(ActivitySpec.builder(DOMAIN, "Work", "1").heartbeatTimeout(TIMEOUT).build());
			this.tokens.add(task.taskToken());
			this.handles.add(this.engine.start(task.taskToken(), HeartbeatOptions.defaults()
				.withHeartbeatTimeout(TIMEOUT)
				.withActivityTask(ActivityTaskInfo.of(task.task(), DOMAIN))));
		}
	}

	/**
	 * Waits for what the engine does in real time: the first heartbeats go out 4 s after the
	 * tasks start and failing ones are retried until their deadline, 2 s later; the margin is for
	 * a loaded machine.
	 */
	private static ConditionFactory waitUntil() {
		return await().atMost(Duration.ofSeconds(30));
	}

	private HeartbeatHealthIndicator indicator() {
		return new HeartbeatHealthIndicator(this.engine, THRESHOLD);
	}

}
