package io.github.swfheartbeat.worker;

import java.lang.reflect.Method;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One {@link SwfActivity @SwfActivity} method with its attributes resolved: the activity type it
 * implements, where its tasks come from, and its per-task settings.
 *
 * @param bean the bean that declares the method
 * @param method the method
 * @param name the activity type's name
 * @param version the activity type's version
 * @param domain the domain
 * @param taskList the task list to poll
 * @param heartbeatTimeout heartbeat timeout of its tasks, when known
 * @param maxCancellationLatency longest time a cancellation request may go unnoticed, if set
 * @param startToCloseTimeout start-to-close timeout of its tasks, when known
 * @param scheduleToStartTimeout schedule-to-start timeout to register, if set
 * @param scheduleToCloseTimeout schedule-to-close timeout to register, if set
 * @param progressTimeout longest time without progress before the work counts as stalled, if set
 * @param interruptOnStall whether to interrupt stalled work
 */
public record SwfActivityEndpoint(Object bean, Method method, String name, String version, String domain,
		String taskList, @Nullable Duration heartbeatTimeout, @Nullable Duration maxCancellationLatency,
		@Nullable Duration startToCloseTimeout, @Nullable Duration scheduleToStartTimeout,
		@Nullable Duration scheduleToCloseTimeout, @Nullable Duration progressTimeout, boolean interruptOnStall) {

	/**
	 * Returns the activity type as {@code name:version}.
	 * @return the activity type
	 */
	public String activityType() {
		return this.name + ":" + this.version;
	}

	/**
	 * Returns the container this endpoint belongs to.
	 * @return the domain and task list
	 */
	public TaskListKey taskListKey() {
		return new TaskListKey(this.domain, this.taskList);
	}

	@Override
	public String toString() {
		return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName() + " (" + activityType()
				+ " on " + taskListKey() + ")";
	}

}
