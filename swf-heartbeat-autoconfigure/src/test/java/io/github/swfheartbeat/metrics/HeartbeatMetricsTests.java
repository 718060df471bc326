package io.github.swfheartbeat.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.engine.HeartbeatAttempt;
import io.github.swfheartbeat.engine.HeartbeatOutcome;
import io.github.swfheartbeat.engine.HeartbeatStats;
import io.github.swfheartbeat.engine.TaskSnapshot;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HeartbeatMetrics}.
 */
class HeartbeatMetricsTests {

	private static final String TASK_TOKEN = "AAAAKgAAAAEAAAAAAAAAAsecret-task-token";

	private static final ActivityTaskInfo RESIZE = new ActivityTaskInfo("media", "activity-1", "resize", "1.0",
			"workflow-1", "run-1");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private HeartbeatStats stats = stats(3, 150);

	private final HeartbeatMetrics metrics = new HeartbeatMetrics(() -> this.stats, 2);

	@Test
	void timesCallsByOutcomeAndActivityType() {
		this.metrics.bindTo(this.registry);
		this.metrics.onHeartbeat(attempt(RESIZE, HeartbeatOutcome.SUCCESS, Duration.ofMillis(40), Duration.ZERO));
		this.metrics.onHeartbeat(attempt(RESIZE, HeartbeatOutcome.THROTTLED, Duration.ofMillis(10), Duration.ZERO));
		this.metrics
			.onHeartbeat(attempt(ActivityTaskInfo.unknown(), HeartbeatOutcome.SUCCESS, Duration.ofMillis(20), Duration.ZERO));
		Timer resized = this.registry.get("swf.heartbeat.calls").tags("outcome", "success", "activity.type", "resize:1.0").timer();
		assertThat(resized.count()).isOne();
		assertThat(resized.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
		assertThat(this.registry.get("swf.heartbeat.calls").tags("outcome", "throttled").timer().count()).isOne();
		assertThat(this.registry.get("swf.heartbeat.calls").tags("activity.type", "unknown").timer().count()).isOne();
	}

	@Test
	void recordsLateness() {
		this.metrics.bindTo(this.registry);
		this.metrics.onHeartbeat(attempt(RESIZE, HeartbeatOutcome.SUCCESS, Duration.ofMillis(40), Duration.ofMillis(250)));
		Timer lateness = this.registry.get("swf.heartbeat.lateness").tag("activity.type", "resize:1.0").timer();
		assertThat(lateness.count()).isOne();
		assertThat(lateness.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
	}

	@Test
	void recordsTheSlackOfAcknowledgedHeartbeats() {
		this.metrics.bindTo(this.registry);
		this.metrics.onHeartbeat(attempt(RESIZE, HeartbeatOutcome.SUCCESS, Duration.ofSeconds(20)));
		this.metrics.onHeartbeat(attempt(RESIZE, HeartbeatOutcome.ERROR, null));
		Timer slack = this.registry.get("swf.heartbeat.slack").tag("activity.type", "resize:1.0").timer();
		assertThat(slack.count()).isOne();
		assertThat(slack.totalTime(TimeUnit.SECONDS)).isEqualTo(20);
	}

	@Test
	void prometheusNamesCarryBaseUnitsOnlyWhereTheyHaveOne() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.metrics.bindTo(prometheus);
		this.metrics.onHeartbeat(attempt(RESIZE, HeartbeatOutcome.SUCCESS, Duration.ofSeconds(20)));
		this.metrics.onCancellationRequested(snapshot(RESIZE));
		this.metrics.onTaskLost(snapshot(RESIZE), TaskLossReason.DEADLINE_PASSED);
		List<String> names = prometheus.scrape()
			.lines()
			.filter((line) -> !line.startsWith("#"))
			.map((line) -> line.split("[{ ]")[0])
			.distinct()
			.toList();
		assertThat(names).contains("swf_heartbeat_tasks_active", "swf_heartbeat_rate_limit_calls_per_second",
				"swf_heartbeat_calls_seconds_count", "swf_heartbeat_lateness_seconds_count",
				"swf_heartbeat_slack_seconds_count", "swf_heartbeat_slack_seconds_max",
				"swf_heartbeat_cancellations_total", "swf_heartbeat_tasks_lost_total");
		assertThat(names).noneMatch((name) -> name.startsWith("swf_heartbeat_tasks_active_"));
	}

	@Test
	void countsCancellationsAndLostTasks() {
		this.metrics.bindTo(this.registry);
		this.metrics.onCancellationRequested(snapshot(RESIZE));
		this.metrics.onTaskLost(snapshot(RESIZE), TaskLossReason.DEADLINE_PASSED);
		this.metrics.onTaskLost(snapshot(RESIZE), TaskLossReason.UNKNOWN_RESOURCE);
		assertThat(this.registry.get("swf.heartbeat.cancellations").tag("activity.type", "resize:1.0").counter().count())
			.isOne();
		assertThat(this.registry.get("swf.heartbeat.tasks.lost").tag("reason", "deadline_passed").counter().count())
			.isOne();
		assertThat(this.registry.get("swf.heartbeat.tasks.lost").tag("reason", "unknown_resource").counter().count())
			.isOne();
	}

	@Test
	void gaugesReadTheEngineStatistics() {
		this.metrics.bindTo(this.registry);
		assertThat(this.registry.get("swf.heartbeat.tasks.active").gauge().value()).isEqualTo(3);
		assertThat(this.registry.get("swf.heartbeat.rate.limit").gauge().value()).isEqualTo(150);
		this.stats = stats(7, 75);
		assertThat(this.registry.get("swf.heartbeat.tasks.active").gauge().value()).isEqualTo(7);
		assertThat(this.registry.get("swf.heartbeat.rate.limit").gauge().value()).isEqualTo(75);
	}

	@Test
	void foldsActivityTypesBeyondTheLimitIntoOther() {
		this.metrics.bindTo(this.registry);
		for (String name : new String[] { "a", "b", "c", "d", "a" }) {
			this.metrics.onHeartbeat(attempt(new ActivityTaskInfo(null, null, name, "1", null, null),
					HeartbeatOutcome.SUCCESS, Duration.ofMillis(1), Duration.ZERO));
		}
		assertThat(this.registry.get("swf.heartbeat.calls").timers()).extracting((timer) -> timer.getId().getTag("activity.type"))
			.containsExactlyInAnyOrder("a:1", "b:1", "other");
		assertThat(this.registry.get("swf.heartbeat.calls").tag("activity.type", "a:1").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("swf.heartbeat.calls").tag("activity.type", "other").timer().count()).isEqualTo(2);
	}

	@Test
	void recordsNothingBeforeBeingBound() {
		this.metrics.onHeartbeat(attempt(RESIZE, HeartbeatOutcome.SUCCESS, Duration.ofMillis(40), Duration.ZERO));
		this.metrics.bindTo(this.registry);
		assertThat(this.registry.find("swf.heartbeat.calls").timer()).isNull();
	}

	@Test
	void tagsNeverCarryATaskToken() {
		this.metrics.bindTo(this.registry);
		this.metrics.onHeartbeat(attempt(RESIZE, HeartbeatOutcome.TASK_LOST, Duration.ofMillis(40), Duration.ZERO));
		this.metrics.onCancellationRequested(snapshot(RESIZE));
		this.metrics.onTaskLost(snapshot(RESIZE), TaskLossReason.UNKNOWN_RESOURCE);
		for (Meter meter : this.registry.getMeters()) {
			assertThat(meter.getId().getTags()).extracting(Tag::getValue).noneMatch((value) -> value.contains("secret"));
		}
	}

	private static HeartbeatAttempt attempt(ActivityTaskInfo task, HeartbeatOutcome outcome, @Nullable Duration slack) {
		return new HeartbeatAttempt("tt-12345678", task, outcome, Duration.ofMillis(40), Duration.ZERO, 1, Instant.now(),
				slack);
	}

	private static HeartbeatAttempt attempt(ActivityTaskInfo task, HeartbeatOutcome outcome, Duration roundTrip,
			Duration lateness) {
		return new HeartbeatAttempt("tt-12345678", task, outcome, roundTrip, lateness, 1, Instant.now());
	}

	private static TaskSnapshot snapshot(ActivityTaskInfo task) {
		return new TaskSnapshot(TASK_TOKEN, task, null, Instant.now());
	}

	private static HeartbeatStats stats(int activeTasks, double rateLimit) {
		return new HeartbeatStats(activeTasks, null, 0, 0, rateLimit, null, 0, 0, 0, true);
	}

}
