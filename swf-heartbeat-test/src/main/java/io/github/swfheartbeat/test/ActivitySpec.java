package io.github.swfheartbeat.test;

import java.time.Duration;
import java.util.Objects;

/**
 * One activity task to schedule with {@link EmbeddedSwf#scheduleActivity(ActivitySpec)}: what a
 * ScheduleActivityTask decision would say. Members left {@code null} take the type's registered
 * defaults, as in SWF; the activity id and workflow id are generated if not given.
 *
 * @param domain the domain
 * @param activityTypeName the activity type's name
 * @param activityTypeVersion the activity type's version
 * @param taskList the task list, or {@code null} for the type's default
 * @param heartbeatTimeout the heartbeat timeout, or {@code null} for the type's default
 * @param startToCloseTimeout the start-to-close timeout, or {@code null} for the type's default
 * @param scheduleToStartTimeout the schedule-to-start timeout, or {@code null} for the type's default
 * @param scheduleToCloseTimeout the schedule-to-close timeout, or {@code null} for the type's default
 * @param input the task's input, or {@code null}
 * @param activityId the activity id, or {@code null} to generate one
 * @param workflowId the workflow id of the execution to start, or {@code null} to generate one
 */
public record ActivitySpec(String domain, String activityTypeName, String activityTypeVersion, String taskList,
		Duration heartbeatTimeout, Duration startToCloseTimeout, Duration scheduleToStartTimeout,
		Duration scheduleToCloseTimeout, String input, String activityId, String workflowId) {

	/**
	 * Checks the required members.
	 * @param domain the domain
	 * @param activityTypeName the activity type's name
	 * @param activityTypeVersion the activity type's version
	 * @param taskList the task list
	 * @param heartbeatTimeout the heartbeat timeout
	 * @param startToCloseTimeout the start-to-close timeout
	 * @param scheduleToStartTimeout the schedule-to-start timeout
	 * @param scheduleToCloseTimeout the schedule-to-close timeout
	 * @param input the task's input
	 * @param activityId the activity id
	 * @param workflowId the workflow id
	 */
	public ActivitySpec {
		Objects.requireNonNull(domain, "domain");
		Objects.requireNonNull(activityTypeName, "activityTypeName");
		Objects.requireNonNull(activityTypeVersion, "activityTypeVersion");
	}

	/**
	 * Returns a spec that takes everything else from the type's defaults.
	 * @param domain the domain
	 * @param activityTypeName the activity type's name
	 * @param activityTypeVersion the activity type's version
	 * @return the spec
	 */
	public static ActivitySpec of(String domain, String activityTypeName, String activityTypeVersion) {
		return builder(domain, activityTypeName, activityTypeVersion).build();
	}

	/**
	 * Starts a builder.
	 * @param domain the domain
	 * @param activityTypeName the activity type's name
	 * @param activityTypeVersion the activity type's version
	 * @return the builder
	 */
	public static Builder builder(String domain, String activityTypeName, String activityTypeVersion) {
		return new Builder(domain, activityTypeName, activityTypeVersion);
	}

	/**
	 * Builds an {@link ActivitySpec}.
	 */
	public static final class Builder {

		private final String domain;

		private final String activityTypeName;

		private final String activityTypeVersion;

		private String taskList;

		private Duration heartbeatTimeout;

		private Duration startToCloseTimeout;

		private Duration scheduleToStartTimeout;

		private Duration scheduleToCloseTimeout;

		private String input;

		private String activityId;

		private String workflowId;

		private Builder(String domain, String activityTypeName, String activityTypeVersion) {
			this.domain = domain;
			this.activityTypeName = activityTypeName;
			this.activityTypeVersion = activityTypeVersion;
		}

		/**
		 * Sets the task list.
		 * @param taskList the task list
		 * @return this builder
		 */
		public Builder taskList(String taskList) {
			this.taskList = taskList;
			return this;
		}

		/**
		 * Sets the heartbeat timeout.
		 * @param timeout the timeout, whole seconds
		 * @return this builder
		 */
		public Builder heartbeatTimeout(Duration timeout) {
			this.heartbeatTimeout = timeout;
			return this;
		}

		/**
		 * Sets the start-to-close timeout.
		 * @param timeout the timeout, whole seconds
		 * @return this builder
		 */
		public Builder startToCloseTimeout(Duration timeout) {
			this.startToCloseTimeout = timeout;
			return this;
		}

		/**
		 * Sets the schedule-to-start timeout.
		 * @param timeout the timeout, whole seconds
		 * @return this builder
		 */
		public Builder scheduleToStartTimeout(Duration timeout) {
			this.scheduleToStartTimeout = timeout;
			return this;
		}

		/**
		 * Sets the schedule-to-close timeout.
		 * @param timeout the timeout, whole seconds
		 * @return this builder
		 */
		public Builder scheduleToCloseTimeout(Duration timeout) {
			this.scheduleToCloseTimeout = timeout;
			return this;
		}

		/**
		 * Sets the task's input.
		 * @param input the input
		 * @return this builder
		 */
		public Builder input(String input) {
			this.input = input;
			return this;
		}

		/**
		 * Sets the activity id.
		 * @param activityId the activity id
		 * @return this builder
		 */
		public Builder activityId(String activityId) {
			this.activityId = activityId;
			return this;
		}

		/**
		 * Sets the workflow id of the execution to start.
		 * @param workflowId the workflow id
		 * @return this builder
		 */
		public Builder workflowId(String workflowId) {
			this.workflowId = workflowId;
			return this;
		}

		/**
		 * Builds the spec.
		 * @return the spec
		 */
		public ActivitySpec build() {
			return new ActivitySpec(this.domain, this.activityTypeName, this.activityTypeVersion, this.taskList,
					this.heartbeatTimeout, this.startToCloseTimeout, this.scheduleToStartTimeout,
					this.scheduleToCloseTimeout, this.input, this.activityId, this.workflowId);
		}

	}

}
