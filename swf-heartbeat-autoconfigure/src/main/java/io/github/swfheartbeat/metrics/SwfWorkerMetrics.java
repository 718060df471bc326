package io.github.swfheartbeat.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.swfheartbeat.worker.ActivityTaskOutcome;
import io.github.swfheartbeat.worker.SwfActivityContainer;
import io.github.swfheartbeat.worker.SwfActivityEndpoint;
import io.github.swfheartbeat.worker.SwfWorkerListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Meters of the {@code @SwfActivity} listener containers. Tags are the task list
 * ({@code domain/task-list}) and the activity type ({@code name:version}), never a task.
 * <ul>
 * <li>{@code swf.worker.polls} (counter; {@code task.list}, {@code outcome}: task, empty,
 * error)</li>
 * <li>{@code swf.worker.tasks} (timer from poll to end; {@code activity.type}, {@code outcome}:
 * completed, failed, canceled, lost, stalled, unresponded)</li>
 * <li>{@code swf.worker.tasks.stalled} (counter; {@code activity.type})</li>
 * <li>{@code swf.worker.slots.used} (gauge; {@code task.list})</li>
 * </ul>
 */
public class SwfWorkerMetrics implements SwfWorkerListener, MeterBinder {

	private final List<SwfActivityContainer> pending = new CopyOnWriteArrayList<>();

	private volatile @Nullable MeterRegistry registry;

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.pending.forEach((container) -> slotsGauge(registry, container));
		this.pending.clear();
	}

	@Override
	public void containerStarted(SwfActivityContainer container) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			slotsGauge(registry, container);
		}
		else {
			this.pending.add(container);
		}
	}

	private static void slotsGauge(MeterRegistry registry, SwfActivityContainer container) {
		Gauge.builder("swf.worker.slots.used", container, SwfActivityContainer::slotsInUse)
			.description("Slots of a task list taken by running tasks and polls in flight")
			.tag("task.list", container.key().toString())
			.register(registry);
	}

	@Override
	public void pollEnded(SwfActivityContainer container, PollOutcome outcome) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Counter.builder("swf.worker.polls")
				.description("Polls for activity tasks")
				.tag("task.list", container.key().toString())
				.tag("outcome", outcome.name().toLowerCase())
				.register(registry)
				.increment();
		}
	}

	@Override
	public void taskEnded(SwfActivityEndpoint endpoint, ActivityTaskOutcome outcome, Duration duration) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Timer.builder("swf.worker.tasks")
				.description("Activity tasks from their poll to their end, by outcome")
				.tag("activity.type", endpoint.activityType())
				.tag("outcome", outcome.name().toLowerCase())
				.register(registry)
				.record(duration);
		}
	}

	@Override
	public void taskStalled(SwfActivityEndpoint endpoint, String taskTokenFingerprint, Duration sinceProgress) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Counter.builder("swf.worker.tasks.stalled")
				.description("Activity tasks whose work reported no progress within its progress timeout")
				.tag("activity.type", endpoint.activityType())
				.register(registry)
				.increment();
		}
	}

}
