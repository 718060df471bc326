package io.github.swfheartbeat.event;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Something happened to an activity task the engine heartbeats. The event carries the task token
 * so that a listener can act on the task (for example respond canceled); {@link #toString()}
 * shows only the token's fingerprint, and so should a listener's logging. JSON written by Jackson
 * (as an event publication registry or a message broker bridge writes it) leaves the token and
 * the publishing component out.
 */
public abstract class ActivityTaskEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String taskToken;

	private final ActivityTaskInfo activityTask;

	private final @Nullable String lastDetails;

	private final Instant occurredAt;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param taskToken the task's token
	 * @param activityTask what is known about the task
	 * @param lastDetails the details of the task's last heartbeat, may be {@code null}
	 * @param occurredAt when it happened
	 */
	protected ActivityTaskEvent(Object source, String taskToken, ActivityTaskInfo activityTask,
			@Nullable String lastDetails, Instant occurredAt) {
		super(source);
		this.taskToken = Objects.requireNonNull(taskToken, "taskToken must not be null");
		this.activityTask = Objects.requireNonNull(activityTask, "activityTask must not be null");
		this.lastDetails = lastDetails;
		this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt must not be null");
	}

	/**
	 * Returns the task's token. It is a credential for the task: never log it, use
	 * {@link #getTaskTokenFingerprint()}.
	 * @return the task token
	 */
	@JsonIgnore
	public String getTaskToken() {
		return this.taskToken;
	}

	/**
	 * Returns the component that published the event; not written to JSON.
	 * @return the source
	 */
	@Override
	@JsonIgnore
	public Object getSource() {
		return super.getSource();
	}

	/**
	 * Returns the fingerprint of the task's token, safe to log.
	 * @return the fingerprint
	 */
	public String getTaskTokenFingerprint() {
		return TaskTokenFingerprint.of(this.taskToken);
	}

	/**
	 * Returns what is known about the task.
	 * @return the task info
	 */
	public ActivityTaskInfo getActivityTask() {
		return this.activityTask;
	}

	/**
	 * Returns the task's activity id, when known.
	 * @return the activity id or {@code null}
	 */
	public @Nullable String getActivityId() {
		return this.activityTask.activityId();
	}

	/**
	 * Returns the task's activity type as {@code name:version}, when known.
	 * @return the activity type or {@code null}
	 */
	public @Nullable String getActivityType() {
		return this.activityTask.activityType();
	}

	/**
	 * Returns the details of the task's last heartbeat.
	 * @return the details or {@code null}
	 */
	public @Nullable String getLastDetails() {
		return this.lastDetails;
	}

	/**
	 * Returns when it happened: when the engine learned of it.
	 * @return the time
	 */
	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[task=" + getTaskTokenFingerprint() + ", activityId=" + getActivityId()
				+ ", activityType=" + getActivityType() + describeMore() + ", lastDetails=" + this.lastDetails
				+ ", occurredAt=" + this.occurredAt + "]";
	}

	/**
	 * Returns more for {@link #toString()}, starting with {@code ", "}.
	 * @return the text, empty by default
	 */
	String describeMore() {
		return "";
	}

}
