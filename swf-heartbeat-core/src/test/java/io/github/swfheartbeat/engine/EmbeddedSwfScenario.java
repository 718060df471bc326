package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;

/**
 * Activity tasks on the embedded SWF endpoint for engine integration tests: one domain, and one
 * activity type per heartbeat timeout.
 */
final class EmbeddedSwfScenario {

	static final String DOMAIN = "engine-tests";

	private static final AtomicInteger ids = new AtomicInteger();

	private final EmbeddedSwf swf;

	EmbeddedSwfScenario(EmbeddedSwf swf) {
		this.swf = swf;
		swf.registerDomain(DOMAIN);
	}

	/**
	 * Starts a task whose type has the given heartbeat timeout.
	 * @param heartbeatTimeout the timeout, whole seconds
	 * @return the started task
	 */
	StartedActivity start(Duration heartbeatTimeout) {
		String type = "Work" + heartbeatTimeout.toSeconds() + "s";
		this.swf.registerActivityType(DOMAIN, type, "1", heartbeatTimeout);
		return this.swf.startActivity(ActivitySpec.builder(DOMAIN, type, "1")
			.activityId("activity-" + ids.incrementAndGet())
			.build());
	}

	/**
	 * Starts tasks whose type has the given heartbeat timeout.
	 * @param count how many
	 * @param heartbeatTimeout the timeout, whole seconds
	 * @return the started tasks, in the order they were started
	 */
	List<StartedActivity> start(int count, Duration heartbeatTimeout) {
		List<StartedActivity> tasks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tasks.add(start(heartbeatTimeout));
		}
		return tasks;
	}

	/**
	 * Options naming the task's type and its timeout.
	 * @param task the task
	 * @param heartbeatTimeout the timeout
	 * @return the options
	 */
	static HeartbeatOptions options(StartedActivity task, Duration heartbeatTimeout) {
		return HeartbeatOptions.defaults()
			.withHeartbeatTimeout(heartbeatTimeout)
			.withActivityTask(ActivityTaskInfo.of(task.task(), DOMAIN));
	}

}
