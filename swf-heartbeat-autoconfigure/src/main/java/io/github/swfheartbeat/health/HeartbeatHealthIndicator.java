package io.github.swfheartbeat.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatStats;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} of the heartbeat engine: says whether the engine keeps its tasks alive,
 * not what its last call did. It is DOWN only
 * <ul>
 * <li>when the engine itself has failed;</li>
 * <li>while SWF denies heartbeats: it answered OperationNotPermitted within the last
 * {@link #RECENT_DENIAL} and no heartbeat succeeded since;</li>
 * <li>while tasks are at risk and nothing gets through: tasks are active, and since the last
 * heartbeat SWF recorded, at least the failure threshold of calls failed, for more than one task
 * (or for the one task there is).</li>
 * </ul>
 * Throttling never counts: it is backpressure, which the engine answers by lowering its rate. With
 * no active task and no recent denial the engine is UP, however the last calls went. Details
 * describe the engine, never a task.
 */
public class HeartbeatHealthIndicator extends AbstractHealthIndicator {

	/**
	 * How long an OperationNotPermitted answer keeps the engine DOWN when no heartbeat has
	 * succeeded since: long enough for a readiness probe to notice, short enough that a worker
	 * whose permissions were fixed and that has no task comes back by itself.
	 */
	public static final Duration RECENT_DENIAL = Duration.ofMinutes(5);

	private final Supplier<HeartbeatStats> stats;

	private final double configuredRateLimit;

	private final int failureThreshold;

	private final Clock clock;

	/**
	 * Creates the indicator.
	 * @param engine the engine to check
	 * @param failureThreshold failed calls since the last success (throttling aside) from which
	 * the engine is DOWN while tasks are active
	 */
	public HeartbeatHealthIndicator(HeartbeatEngine engine, int failureThreshold) {
		this(engine, failureThreshold, Clock.systemUTC());
	}

	HeartbeatHealthIndicator(HeartbeatEngine engine, int failureThreshold, Clock clock) {
		this(engine::stats, engine.settings().rateLimit(), failureThreshold, clock);
	}

	HeartbeatHealthIndicator(Supplier<HeartbeatStats> stats, double configuredRateLimit, int failureThreshold,
			Clock clock) {
		super("SWF heartbeat health check failed");
		this.stats = stats;
		this.configuredRateLimit = configuredRateLimit;
		this.failureThreshold = failureThreshold;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		HeartbeatStats stats = this.stats.get();
		Instant now = this.clock.instant();
		String downReason = downReason(stats, now);
		if (downReason != null) {
			builder.down().withDetail("reason", downReason);
		}
		else {
			builder.up();
		}
		builder.withDetail("activeTasks", stats.activeTasks());
		Duration smallestSlack = stats.smallestSlack();
		if (smallestSlack != null) {
			builder.withDetail("smallestSlack", smallestSlack.truncatedTo(ChronoUnit.MILLIS).toString());
		}
		double rateInForce = round(stats.currentRateLimit());
		double demand = round(stats.plannedDemand());
		builder.withDetail("plannedDemand", demand);
		if (stats.plannedDemand() > stats.currentRateLimit()) {
			builder.withDetail("overload", "The active tasks need " + demand + " heartbeat calls per second, more than "
					+ "the " + rateInForce + " allowed now: tasks will be lost unless demand falls or the rate limit "
					+ "rises (swf.heartbeat.rate-limit, lowered after throttling and raised again while heartbeats wait "
					+ "for it)");
		}
		Instant lastSuccessAt = stats.lastSuccessAt();
		if (lastSuccessAt != null) {
			builder.withDetail("lastSuccessfulHeartbeatAge", age(lastSuccessAt, now).toString());
		}
		builder.withDetail("consecutiveFailures", stats.consecutiveFailures())
			.withDetail("consecutiveErrors", stats.consecutiveErrors())
			.withDetail("failingTasks", stats.failingTasks())
			.withDetail("throttledLastMinute", stats.throttledLastMinute())
			.withDetail("currentRateLimit", rateInForce)
			.withDetail("configuredRateLimit", this.configuredRateLimit);
		if (!stats.discoveryFailures().isEmpty()) {
			builder.withDetail("discoveryFailures", stats.discoveryFailures());
		}
		if (!stats.accepting() && stats.engineFailure() == null) {
			builder.withDetail("shuttingDown", true);
		}
	}

	private @Nullable String downReason(HeartbeatStats stats, Instant now) {
		if (stats.engineFailure() != null) {
			return "The heartbeat engine failed and heartbeats no task: " + stats.engineFailure();
		}
		Instant deniedAt = stats.lastNotPermittedAt();
		if (stats.isNotPermitted() && deniedAt != null && age(deniedAt, now).compareTo(RECENT_DENIAL) < 0) {
			return "SWF answered OperationNotPermitted " + age(deniedAt, now).truncatedTo(ChronoUnit.SECONDS)
					+ " ago and no heartbeat got through since: IAM does not allow swf:RecordActivityTaskHeartbeat "
					+ "for the domain";
		}
		int active = stats.activeTasks();
		if (active > 0 && stats.consecutiveErrors() >= this.failureThreshold
				&& stats.failingTasks() >= Math.min(2, active)) {
			return "No heartbeat got through for " + active + " active tasks: the last " + stats.consecutiveErrors()
					+ " calls failed for " + stats.failingTasks() + " tasks (swf.heartbeat.health.failure-threshold="
					+ this.failureThreshold + ")";
		}
		return null;
	}

	private static Duration age(Instant at, Instant now) {
		Duration age = Duration.between(at, now).truncatedTo(ChronoUnit.MILLIS);
		return age.isNegative() ? Duration.ZERO : age;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
