package io.github.swfheartbeat.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.engine.HeartbeatAttempt;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.engine.HeartbeatStats;
import io.github.swfheartbeat.engine.TaskSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of the heartbeat engine. As a {@link HeartbeatListener} it records every heartbeat call,
 * cancellation request and lost task; as a {@link MeterBinder} it registers gauges that read
 * {@link HeartbeatStats}.
 * <ul>
 * <li>{@value #CALLS} (timer, round trip of each call including retries; tags {@code outcome},
 * {@code activity.type})</li>
 * <li>{@value #LATENESS} (timer, how long after its planned time each call went out; tag
 * {@code activity.type})</li>
 * <li>{@value #SLACK} (timer, time left before the task's heartbeat deadline when SWF acknowledged
 * a heartbeat; tag {@code activity.type})</li>
 * <li>{@value #CANCELLATIONS} (counter; tag {@code activity.type})</li>
 * <li>{@value #TASKS_LOST} (counter; tags {@code reason}, {@code activity.type})</li>
 * <li>{@value #TASKS_ACTIVE} (gauge, no unit: Prometheus shows it as {@code swf_heartbeat_tasks_active})</li>
 * <li>{@value #RATE_LIMIT} (gauge, current calls per second allowed, unit {@value #CALLS_PER_SECOND})</li>
 * </ul>
 * These are the only meters of heartbeat calls: the observation of each call is for tracing, and
 * {@link HeartbeatCallMeterObservationHandler} keeps Micrometer from timing it a second time.
 * {@code activity.type} is {@code name:version}, {@code unknown}, or {@code other} beyond a limit
 * of distinct types. Notifications that arrive before the binder is bound are not recorded.
 */
public final class HeartbeatMetrics implements MeterBinder, HeartbeatListener {

	/** Name of the timer of heartbeat calls. */
	public static final String CALLS = "swf.heartbeat.calls";

	/** Name of the timer of heartbeat lateness. */
	public static final String LATENESS = "swf.heartbeat.lateness";

	/** Name of the timer of the slack left when SWF acknowledged a heartbeat. */
	public static final String SLACK = "swf.heartbeat.slack";

	/** Name of the counter of cancellation requests. */
	public static final String CANCELLATIONS = "swf.heartbeat.cancellations";

	/** Name of the counter of lost tasks. */
	public static final String TASKS_LOST = "swf.heartbeat.tasks.lost";

	/** Name of the gauge of heartbeated tasks. */
	public static final String TASKS_ACTIVE = "swf.heartbeat.tasks.active";

	/** Name of the gauge of the current rate limit. */
	public static final String RATE_LIMIT = "swf.heartbeat.rate.limit";

	/** Base unit of {@value #RATE_LIMIT}. */
	public static final String CALLS_PER_SECOND = "calls.per.second";

	/** Distinct activity types tagged before others are folded into {@code other}. */
	public static final int DEFAULT_MAX_ACTIVITY_TYPES = 100;

	private static final String OUTCOME = "outcome";

	private static final String ACTIVITY_TYPE = "activity.type";

	private static final String REASON = "reason";

	private final Supplier<HeartbeatStats> stats;

	private final ActivityTypeTags activityTypes;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	/**
	 * Creates the meters with the default limit of distinct activity types.
	 * @param stats reads the engine's statistics; called whenever a gauge is read
	 */
	public HeartbeatMetrics(Supplier<HeartbeatStats> stats) {
		this(stats, DEFAULT_MAX_ACTIVITY_TYPES);
	}

	/**
	 * Creates the meters.
	 * @param stats reads the engine's statistics; called whenever a gauge is read
	 * @param maxActivityTypes distinct activity types tagged before others are folded into
	 * {@code other}
	 */
	public HeartbeatMetrics(Supplier<HeartbeatStats> stats, int maxActivityTypes) {
		this.stats = stats;
		this.activityTypes = new ActivityTypeTags(maxActivityTypes);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(TASKS_ACTIVE, this, (metrics) -> metrics.stats.get().activeTasks())
			.description("Activity tasks currently heartbeated")
			.register(registry);
		Gauge.builder(RATE_LIMIT, this, (metrics) -> metrics.stats.get().currentRateLimit())
			.description("Heartbeat calls per second currently allowed; lowered after throttling")
			.baseUnit(CALLS_PER_SECOND)
			.register(registry);
		this.registries.add(registry);
	}

	@Override
	public void onHeartbeat(HeartbeatAttempt attempt) {
		String activityType = this.activityTypes.valueOf(attempt.activityTask());
		for (MeterRegistry registry : this.registries) {
			Timer.builder(CALLS)
				.description("RecordActivityTaskHeartbeat calls, retries included")
				.tag(OUTCOME, attempt.outcome().tagValue())
				.tag(ACTIVITY_TYPE, activityType)
				.register(registry)
				.record(attempt.roundTrip());
			Timer.builder(LATENESS)
				.description("How long after its planned time each heartbeat call went out")
				.tag(ACTIVITY_TYPE, activityType)
				.register(registry)
				.record(attempt.lateness());
			Duration slack = attempt.slack();
			if (slack != null) {
				Timer.builder(SLACK)
					.description("Time left before the task's heartbeat deadline when SWF acknowledged a heartbeat")
					.tag(ACTIVITY_TYPE, activityType)
					.register(registry)
					.record(slack);
			}
		}
	}

	@Override
	public void onCancellationRequested(TaskSnapshot task) {
		String activityType = this.activityTypes.valueOf(task.activityTask());
		for (MeterRegistry registry : this.registries) {
			Counter.builder(CANCELLATIONS)
				.description("Activity tasks whose cancellation SWF reported")
				.tag(ACTIVITY_TYPE, activityType)
				.register(registry)
				.increment();
		}
	}

	@Override
	public void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
		String activityType = this.activityTypes.valueOf(task.activityTask());
		for (MeterRegistry registry : this.registries) {
			Counter.builder(TASKS_LOST)
				.description("Activity tasks no longer heartbeated before their work ended")
				.tag(REASON, reason.name().toLowerCase(Locale.ROOT))
				.tag(ACTIVITY_TYPE, activityType)
				.register(registry)
				.increment();
		}
	}

	@Override
	public String toString() {
		return "HeartbeatMetrics";
	}

}
