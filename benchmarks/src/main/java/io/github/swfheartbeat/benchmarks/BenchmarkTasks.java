package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;

/**
 * Activity tasks started on an embedded endpoint for one run, all of one activity type with the
 * given heartbeat timeout, and what became of them.
 */
final class BenchmarkTasks {

	static final String DOMAIN = "benchmark";

	private final EmbeddedSwf swf;

	private final ActivitySpec spec;

	private final List<StartedActivity> started = new ArrayList<>();

	BenchmarkTasks(EmbeddedSwf swf, Duration heartbeatTimeout) {
		this.swf = swf;
		String type = "Work" + heartbeatTimeout.toSeconds();
		swf.registerDomain(DOMAIN);
		swf.registerActivityType(DOMAIN, type, "1", heartbeatTimeout);
		this.spec = ActivitySpec.of(DOMAIN, type, "1");
	}

	/**
	 * Schedules and starts one task, as a worker's poll would receive it.
	 */
	StartedActivity startOne() {
		StartedActivity task = this.swf.startActivity(this.spec);
		this.started.add(task);
		return task;
	}

	/**
	 * Schedules and starts tasks.
	 */
	BenchmarkTasks start(int count) {
		for (int i = 0; i < count; i++) {
			startOne();
		}
		return this;
	}

	List<StartedActivity> all() {
		return this.started;
	}

	/**
	 * Returns how many heartbeats SWF recorded for these tasks: calls it throttled or answered
	 * UnknownResource are not among them.
	 */
	long recordedHeartbeats() {
		return this.started.stream().mapToLong((task) -> this.swf.activityTask(task.taskToken()).heartbeatCount()).sum();
	}

	/**
	 * Returns how many of these tasks SWF still holds open.
	 */
	long aliveCount() {
		return this.started.stream().filter((task) -> this.swf.activityTask(task.taskToken()).isOpen()).count();
	}

	/**
	 * Returns the tasks SWF timed out.
	 */
	List<StartedActivity> timedOut() {
		return this.started.stream()
			.filter((task) -> this.swf.activityTask(task.taskToken()).state() == ActivityTaskState.TIMED_OUT)
			.toList();
	}

}
