package io.github.swfheartbeat.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.swfheartbeat.worker.ContainerStatus;
import io.github.swfheartbeat.worker.SwfActivityContainer;
import io.github.swfheartbeat.worker.SwfActivityContainerRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} of the {@code @SwfActivity} listener containers, with one detail per
 * domain and task list. Reports DOWN when a container has stopped polling while the application
 * runs, or when its last polls failed in a row at least as often as the threshold.
 */
public class SwfWorkerHealthIndicator extends AbstractHealthIndicator {

	private final SwfActivityContainerRegistry registry;

	private final int pollFailureThreshold;

	private final Clock clock;

	/**
	 * Creates the indicator.
	 * @param registry the containers to check
	 * @param pollFailureThreshold consecutive failed polls from which a container is DOWN
	 */
	public SwfWorkerHealthIndicator(SwfActivityContainerRegistry registry, int pollFailureThreshold) {
		this(registry, pollFailureThreshold, Clock.systemUTC());
	}

	SwfWorkerHealthIndicator(SwfActivityContainerRegistry registry, int pollFailureThreshold, Clock clock) {
		super("SWF worker health check failed");
		this.registry = registry;
		this.pollFailureThreshold = pollFailureThreshold;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean up = true;
		for (SwfActivityContainer container : this.registry.containers()) {
			ContainerStatus status = container.status();
			Map<String, Object> details = new LinkedHashMap<>();
			String problem = problem(status);
			details.put("status", (problem != null) ? "DOWN" : "UP");
			if (problem != null) {
				details.put("reason", problem);
				up = false;
			}
			Instant lastPoll = status.lastSuccessfulPoll();
			if (lastPoll != null) {
				Duration age = Duration.between(lastPoll, this.clock.instant()).truncatedTo(ChronoUnit.MILLIS);
				details.put("lastSuccessfulPollAge", age.isNegative() ? Duration.ZERO.toString() : age.toString());
			}
			details.put("consecutivePollErrors", status.consecutivePollErrors());
			if (status.lastPollError() != null) {
				details.put("lastPollError", status.lastPollError());
			}
			details.put("slotsInUse", status.slotsInUse());
			details.put("concurrency", status.concurrency());
			details.put("runningTasks", status.runningTasks());
			builder.withDetail(status.taskList().toString(), details);
		}
		if (up) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

	private @Nullable String problem(ContainerStatus status) {
		if (!status.running() && this.registry.isRunning()) {
			return "Not polling";
		}
		if (status.consecutivePollErrors() >= this.pollFailureThreshold) {
			return "The last " + status.consecutivePollErrors() + " polls failed (swf.worker.health.poll-failure-threshold="
					+ this.pollFailureThreshold + ")";
		}
		return null;
	}

}
