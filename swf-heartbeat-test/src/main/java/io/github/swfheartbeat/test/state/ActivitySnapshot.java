package io.github.swfheartbeat.test.state;

/**
 * A consistent copy of an activity task's state, taken under the model's lock.
 *
 * @param domain the domain
 * @param workflowId the workflow id of its execution
 * @param runId the run id of its execution
 * @param activityId the activity id
 * @param taskList the task list it was scheduled on
 * @param status where the task is in its life: OPEN, COMPLETED, FAILED, CANCELED, TIMED_OUT or
 * WORKFLOW_CLOSED
 * @param started whether a worker has started it
 * @param heartbeatCount how many heartbeats it has recorded
 * @param lastDetails the details of the last heartbeat, or {@code null}
 * @param cancelRequested whether cancellation was requested
 * @param timeoutType the timeout that closed it, or {@code null}
 * @param heartbeatTimeout the heartbeat timeout in effect, as SWF writes it
 * @param taskToken the token, or {@code null} until started
 */
public record ActivitySnapshot(String domain, String workflowId, String runId, String activityId, String taskList,
		String status,
		boolean started, long heartbeatCount, String lastDetails, boolean cancelRequested, String timeoutType,
		String heartbeatTimeout, String taskToken) {

	static ActivitySnapshot of(ActivityTask task) {
		WorkflowExecution execution = task.execution;
		return new ActivitySnapshot(execution.domain.name, execution.workflowId, execution.runId, task.activityId,
				task.taskList, task.status.name(), task.isStarted(), task.heartbeatCount, task.lastDetails, task.cancelRequested,
				task.timeoutType, DurationText.format(task.heartbeatTimeout), task.taskToken);
	}

}
