package io.github.swfheartbeat.event;

import java.time.Instant;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import org.jspecify.annotations.Nullable;

/**
 * The workflow asked to cancel an activity task: a heartbeat's answer carried
 * {@code cancelRequested}. Published once per task. Heartbeats continue until the work ends; the
 * work should stop and the worker should call {@code RespondActivityTaskCanceled}.
 */
public class ActivityCancellationRequestedEvent extends ActivityTaskEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the event.
	 * @param source the component that published the event
	 * @param taskToken the task's token
	 * @param activityTask what is known about the task
	 * @param lastDetails the details of the task's last heartbeat, may be {@code null}
	 * @param occurredAt when the engine learned of the request
	 */
	public ActivityCancellationRequestedEvent(Object source, String taskToken, ActivityTaskInfo activityTask,
			@Nullable String lastDetails, Instant occurredAt) {
		super(source, taskToken, activityTask, lastDetails, occurredAt);
	}

}
