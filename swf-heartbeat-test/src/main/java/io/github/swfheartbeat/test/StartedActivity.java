package io.github.swfheartbeat.test;

import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

/**
 * An activity task scheduled and started by {@link EmbeddedSwf#startActivity(ActivitySpec)}: what
 * a worker's poll would have received, with a live task token.
 *
 * @param scheduled the scheduled task
 * @param task what PollForActivityTask returned for it
 */
public record StartedActivity(ScheduledActivity scheduled, PollForActivityTaskResponse task) {

	/**
	 * Returns the task token.
	 * @return the token
	 */
	public String taskToken() {
		return this.task.taskToken();
	}

}
