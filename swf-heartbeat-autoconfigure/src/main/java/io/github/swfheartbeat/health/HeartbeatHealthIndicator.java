package io.github.swfheartbeat.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatStats;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} of the heartbeat engine. Reports DOWN when the engine failed, when SWF
 * denies heartbeats (OperationNotPermitted) or when the last calls failed in a row at least as
 * often as the failure threshold; UP otherwise. Details describe the engine and activity types,
 * never a task.
 */
public class HeartbeatHealthIndicator extends AbstractHealthIndicator {

	private final HeartbeatEngine engine;

	private final int failureThreshold;

	private final Clock clock;

	/**
	 * Creates the indicator.
	 * @param engine the engine to check
	 * @param failureThreshold consecutive failed calls from which the engine is DOWN
	 */
	public HeartbeatHealthIndicator(HeartbeatEngine engine, int failureThreshold) {
		this(engine, failureThreshold, Clock.systemUTC());
	}

	HeartbeatHealthIndicator(HeartbeatEngine engine, int failureThreshold, Clock clock) {
		super("SWF heartbeat health check failed");
		this.engine = engine;
		this.failureThreshold = failureThreshold;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		HeartbeatStats stats = this.engine.stats();
		if (stats.engineFailure() != null) {
			builder.down().withDetail("reason", "The heartbeat engine failed and heartbeats no task: " + stats.engineFailure());
		}
		else if (stats.isNotPermitted()) {
			builder.down()
				.withDetail("reason", "SWF answered OperationNotPermitted: IAM does not allow "
						+ "swf:RecordActivityTaskHeartbeat for the domain");
		}
		else if (stats.consecutiveFailures() >= this.failureThreshold) {
			builder.down()
				.withDetail("reason", "The last " + stats.consecutiveFailures() + " heartbeat calls failed "
						+ "(swf.heartbeat.health.failure-threshold=" + this.failureThreshold + ")");
		}
		else {
			builder.up();
		}
		builder.withDetail("activeTasks", stats.activeTasks());
		Instant lastSuccessAt = stats.lastSuccessAt();
		if (lastSuccessAt != null) {
			Duration age = Duration.between(lastSuccessAt, this.clock.instant()).truncatedTo(ChronoUnit.MILLIS);
			builder.withDetail("lastSuccessfulHeartbeatAge", age.isNegative() ? Duration.ZERO.toString() : age.toString());
		}
		builder.withDetail("consecutiveFailures", stats.consecutiveFailures())
			.withDetail("throttledLastMinute", stats.throttledLastMinute())
			.withDetail("currentRateLimit", Math.round(stats.currentRateLimit() * 100) / 100.0)
			.withDetail("configuredRateLimit", this.engine.settings().rateLimit());
		if (!stats.discoveryFailures().isEmpty()) {
			builder.withDetail("discoveryFailures", stats.discoveryFailures());
		}
		if (!stats.accepting() && stats.engineFailure() == null) {
			builder.withDetail("shuttingDown", true);
		}
	}

}
