package io.github.swfheartbeat.test;

import java.time.Duration;

import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;

/**
 * What the embedded endpoint knows of one activity task, for assertions.
 *
 * @param activityId the activity id
 * @param state where the task is in its life
 * @param started whether a worker has started it
 * @param heartbeatCount how many heartbeats it recorded
 * @param lastDetails the details of the last heartbeat, or {@code null}
 * @param cancelRequested whether cancellation was requested
 * @param timeoutType the timeout that closed it, or {@code null}
 * @param heartbeatTimeout the heartbeat timeout in effect, or {@code null} for none
 */
public record ActivityTaskView(String activityId, ActivityTaskState state, boolean started, long heartbeatCount,
		String lastDetails, boolean cancelRequested, ActivityTaskTimeoutType timeoutType, Duration heartbeatTimeout) {

	/**
	 * Tells whether the task is still open.
	 * @return whether it is {@link ActivityTaskState#OPEN}
	 */
	public boolean isOpen() {
		return this.state == ActivityTaskState.OPEN;
	}

}
