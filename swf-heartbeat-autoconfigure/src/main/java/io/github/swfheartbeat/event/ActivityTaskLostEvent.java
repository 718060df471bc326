package io.github.swfheartbeat.event;

import java.time.Instant;
import java.util.Objects;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.TaskLossReason;
import org.jspecify.annotations.Nullable;

/**
 * The engine stopped heartbeating an activity task before its work ended: SWF timed it out or
 * closed it elsewhere ({@link TaskLossReason#UNKNOWN_RESOURCE}), no heartbeat got through in
 * time, SWF refuses the heartbeats, the task reached its start-to-close timeout, or the engine shut
 * down or failed while the task ran ({@link #getReason()} says which). SWF will not accept the
 * task's result, or soon will not. Published once per task.
 */
public class ActivityTaskLostEvent extends ActivityTaskEvent {

	private static final long serialVersionUID = 1L;

	private final TaskLossReason reason;

	/**
	 * Creates the event.
	 * @param source the component that published the event
	 * @param taskToken the task's token
	 * @param activityTask what is known about the task
	 * @param lastDetails the details of the task's last heartbeat, may be {@code null}
	 * @param occurredAt when the engine gave the task up
	 * @param reason why the task is lost
	 */
	public ActivityTaskLostEvent(Object source, String taskToken, ActivityTaskInfo activityTask,
			@Nullable String lastDetails, Instant occurredAt, TaskLossReason reason) {
		super(source, taskToken, activityTask, lastDetails, occurredAt);
		this.reason = Objects.requireNonNull(reason, "reason must not be null");
	}

	/**
	 * Returns why the task is lost.
	 * @return the reason
	 */
	public TaskLossReason getReason() {
		return this.reason;
	}

	@Override
	String describeMore() {
		return ", reason=" + this.reason;
	}

}
