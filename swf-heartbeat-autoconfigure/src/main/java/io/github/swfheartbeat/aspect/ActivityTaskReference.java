package io.github.swfheartbeat.aspect;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.TaskTokenFingerprint;

/**
 * The activity task an invocation works for: its token and what else is known about it.
 * {@link #toString()} shows only the token's fingerprint.
 *
 * @param taskToken the task's token
 * @param activityTask what is known about the task
 */
public record ActivityTaskReference(String taskToken, ActivityTaskInfo activityTask) {

	/**
	 * Creates a reference.
	 * @param taskToken the task's token
	 * @param activityTask what is known about the task, {@code null} for nothing
	 */
	public ActivityTaskReference {
		if (activityTask == null) {
			activityTask = ActivityTaskInfo.unknown();
		}
	}

	/**
	 * Returns a reference to a task of which only the token is known.
	 * @param taskToken the task's token
	 * @return the reference
	 */
	public static ActivityTaskReference of(String taskToken) {
		return new ActivityTaskReference(taskToken, ActivityTaskInfo.unknown());
	}

	@Override
	public String toString() {
		return "ActivityTaskReference[task=" + TaskTokenFingerprint.of(this.taskToken) + ", activityTask="
				+ this.activityTask + "]";
	}

}
