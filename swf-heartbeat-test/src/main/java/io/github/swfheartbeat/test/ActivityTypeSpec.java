package io.github.swfheartbeat.test;

import java.time.Duration;
import java.util.Objects;

/**
 * An activity type to register, with the defaults SWF applies to its tasks when a
 * ScheduleActivityTask decision leaves them out. A {@code null} timeout registers {@code NONE}.
 *
 * @param domain the domain
 * @param name the type's name
 * @param version the type's version
 * @param heartbeatTimeout the default heartbeat timeout
 * @param startToCloseTimeout the default start-to-close timeout
 * @param scheduleToStartTimeout the default schedule-to-start timeout
 * @param scheduleToCloseTimeout the default schedule-to-close timeout
 * @param defaultTaskList the default task list, or {@code null} for none
 */
public record ActivityTypeSpec(String domain, String name, String version, Duration heartbeatTimeout,
		Duration startToCloseTimeout, Duration scheduleToStartTimeout, Duration scheduleToCloseTimeout,
		String defaultTaskList) {

	/** The default task list of types registered without one given. */
	public static final String DEFAULT_TASK_LIST = "default";

	/**
	 * Checks the identity members.
	 * @param domain the domain
	 * @param name the type's name
	 * @param version the type's version
	 * @param heartbeatTimeout the default heartbeat timeout
	 * @param startToCloseTimeout the default start-to-close timeout
	 * @param scheduleToStartTimeout the default schedule-to-start timeout
	 * @param scheduleToCloseTimeout the default schedule-to-close timeout
	 * @param defaultTaskList the default task list
	 */
	public ActivityTypeSpec {
		Objects.requireNonNull(domain, "domain");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(version, "version");
	}

	/**
	 * Returns a type with no timeouts ({@code NONE}) and the task list {@value #DEFAULT_TASK_LIST}.
	 * @param domain the domain
	 * @param name the type's name
	 * @param version the type's version
	 * @return the spec
	 */
	public static ActivityTypeSpec of(String domain, String name, String version) {
		return new ActivityTypeSpec(domain, name, version, null, null, null, null, DEFAULT_TASK_LIST);
	}

	/**
	 * Returns a copy with another default heartbeat timeout.
	 * @param timeout the timeout, whole seconds, or {@code null} for none
	 * @return the copy
	 */
	public ActivityTypeSpec withHeartbeatTimeout(Duration timeout) {
		return new ActivityTypeSpec(this.domain, this.name, this.version, timeout, this.startToCloseTimeout,
				this.scheduleToStartTimeout, this.scheduleToCloseTimeout, this.defaultTaskList);
	}

	/**
	 * Returns a copy with another default start-to-close timeout.
	 * @param timeout the timeout, whole seconds, or {@code null} for none
	 * @return the copy
	 */
	public ActivityTypeSpec withStartToCloseTimeout(Duration timeout) {
		return new ActivityTypeSpec(this.domain, this.name, this.version, this.heartbeatTimeout, timeout,
				this.scheduleToStartTimeout, this.scheduleToCloseTimeout, this.defaultTaskList);
	}

	/**
	 * Returns a copy with another default schedule-to-start timeout.
	 * @param timeout the timeout, whole seconds, or {@code null} for none
	 * @return the copy
	 */
	public ActivityTypeSpec withScheduleToStartTimeout(Duration timeout) {
		return new ActivityTypeSpec(this.domain, this.name, this.version, this.heartbeatTimeout,
				this.startToCloseTimeout, timeout, this.scheduleToCloseTimeout, this.defaultTaskList);
	}

	/**
	 * Returns a copy with another default schedule-to-close timeout.
	 * @param timeout the timeout, whole seconds, or {@code null} for none
	 * @return the copy
	 */
	public ActivityTypeSpec withScheduleToCloseTimeout(Duration timeout) {
		return new ActivityTypeSpec(this.domain, this.name, this.version, this.heartbeatTimeout,
				this.startToCloseTimeout, this.scheduleToStartTimeout, timeout, this.defaultTaskList);
	}

	/**
	 * Returns a copy with another default task list.
	 * @param taskList the task list, or {@code null} for none
	 * @return the copy
	 */
	public ActivityTypeSpec withDefaultTaskList(String taskList) {
		return new ActivityTypeSpec(this.domain, this.name, this.version, this.heartbeatTimeout,
				this.startToCloseTimeout, this.scheduleToStartTimeout, this.scheduleToCloseTimeout, taskList);
	}

}
