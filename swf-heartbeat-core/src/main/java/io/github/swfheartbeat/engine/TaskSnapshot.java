package io.github.swfheartbeat.engine;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * State of a task when something happened to it, as reported to {@link HeartbeatListener}. It
 * carries the task token so that a listener can act on the task (for example respond canceled);
 * {@link #toString()} shows only the token's fingerprint, and so does JSON written by Jackson
 * (the token is ignored, the fingerprint written as {@code taskTokenFingerprint}).
 *
 * @param taskToken the task's token
 * @param activityTask what is known about the task
 * @param lastDetails the details of the task's last heartbeat, or {@code null}
 * @param at when it happened
 */
public record TaskSnapshot(@JsonIgnore String taskToken, ActivityTaskInfo activityTask, @Nullable String lastDetails, Instant at) {

	/**
	 * Returns the fingerprint of the task's token.
	 * @return the fingerprint
	 */
	@JsonProperty
	public String taskTokenFingerprint() {
		return TaskTokenFingerprint.of(this.taskToken);
	}

	@Override
	public String toString() {
		return "TaskSnapshot[task=" + taskTokenFingerprint() + ", activityTask=" + this.activityTask + ", lastDetails="
				+ this.lastDetails + ", at=" + this.at + "]";
	}

}
