package io.github.swfheartbeat.worker;

import java.time.Duration;

import org.springframework.context.ApplicationEvent;

/**
 * Published when the work of an {@link SwfActivity @SwfActivity} method reported no progress
 * within its progress timeout: its heartbeats stopped, so SWF will time the task out and the
 * workflow can retry it elsewhere. Carries the token's fingerprint only.
 */
public class ActivityTaskStalledEvent extends ApplicationEvent {

	private final String taskTokenFingerprint;

	private final String activityType;

	private final Duration sinceProgress;

	/**
	 * Creates an event.
	 * @param source the method's endpoint
	 * @param taskTokenFingerprint the fingerprint of the task's token
	 * @param sinceProgress time since the work last reported progress
	 */
	public ActivityTaskStalledEvent(SwfActivityEndpoint source, String taskTokenFingerprint, Duration sinceProgress) {
		super(source);
		this.taskTokenFingerprint = taskTokenFingerprint;
		this.activityType = source.activityType();
		this.sinceProgress = sinceProgress;
	}

	/**
	 * Returns the fingerprint of the task's token.
	 * @return the fingerprint
	 */
	public String getTaskTokenFingerprint() {
		return this.taskTokenFingerprint;
	}

	/**
	 * Returns the activity type as {@code name:version}.
	 * @return the activity type
	 */
	public String getActivityType() {
		return this.activityType;
	}

	/**
	 * Returns the time since the work last reported progress.
	 * @return the time
	 */
	public Duration getSinceProgress() {
		return this.sinceProgress;
	}

	@Override
	public String toString() {
		return "ActivityTaskStalledEvent[" + this.taskTokenFingerprint + ", " + this.activityType + ", no progress for "
				+ this.sinceProgress + "]";
	}

}
