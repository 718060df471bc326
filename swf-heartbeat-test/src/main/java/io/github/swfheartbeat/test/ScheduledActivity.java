package io.github.swfheartbeat.test;

import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * An activity task scheduled by {@link EmbeddedSwf#scheduleActivity(ActivitySpec)}, with the
 * execution it belongs to.
 *
 * @param domain the domain
 * @param workflowId the workflow id of its execution
 * @param runId the run id of its execution
 * @param activityId the activity id
 * @param activityType the activity type
 * @param taskList the task list it waits on
 */
public record ScheduledActivity(String domain, String workflowId, String runId, String activityId,
		ActivityType activityType, String taskList) {

	/**
	 * Returns its execution as the SDK names it.
	 * @return the execution
	 */
	public WorkflowExecution workflowExecution() {
		return WorkflowExecution.builder().workflowId(this.workflowId).runId(this.runId).build();
	}

}
