package io.github.swfheartbeat.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

/**
 * What is known about an activity task besides its token: used for events, metric tags and for
 * discovering the activity type's heartbeat timeout. Every part is optional.
 *
 * @param domain SWF domain the task belongs to, needed to look up the activity type
 * @param activityId id of the activity within its workflow execution
 * @param activityTypeName name of the activity type
 * @param activityTypeVersion version of the activity type
 * @param workflowId id of the workflow execution
 * @param runId run id of the workflow execution
 * @param polledAt when the poll that returned the task was answered, if known: SWF's heartbeat
 * clock starts there
 */
public record ActivityTaskInfo(@Nullable String domain, @Nullable String activityId, @Nullable String activityTypeName,
		@Nullable String activityTypeVersion, @Nullable String workflowId, @Nullable String runId,
		@Nullable Instant polledAt) {

	private static final ActivityTaskInfo UNKNOWN = new ActivityTaskInfo(null, null, null, null, null, null, null);

	/**
	 * Creates an info without a poll instant.
	 * @param domain SWF domain the task belongs to
	 * @param activityId id of the activity within its workflow execution
	 * @param activityTypeName name of the activity type
	 * @param activityTypeVersion version of the activity type
	 * @param workflowId id of the workflow execution
	 * @param runId run id of the workflow execution
	 */
	public ActivityTaskInfo(@Nullable String domain, @Nullable String activityId, @Nullable String activityTypeName,
			@Nullable String activityTypeVersion, @Nullable String workflowId, @Nullable String runId) {
		this(domain, activityId, activityTypeName, activityTypeVersion, workflowId, runId, null);
	}

	/**
	 * Returns an info with nothing known.
	 * @return the empty info
	 */
	public static ActivityTaskInfo unknown() {
		return UNKNOWN;
	}

	/**
	 * Builds the info from the answer of {@code PollForActivityTask}. The poll instant is read from
	 * the answer's HTTP {@code Date} header when it has one: SWF's clock, to the second, rounded
	 * down, so it errs early.
	 * @param task the polled task
	 * @param domain the domain that was polled (the response does not carry it), may be {@code null}
	 * @return the info
	 */
	public static ActivityTaskInfo of(PollForActivityTaskResponse task, @Nullable String domain) {
		String typeName = (task.activityType() != null) ? task.activityType().name() : null;
		String typeVersion = (task.activityType() != null) ? task.activityType().version() : null;
		String workflowId = (task.workflowExecution() != null) ? task.workflowExecution().workflowId() : null;
		String runId = (task.workflowExecution() != null) ? task.workflowExecution().runId() : null;
		return new ActivityTaskInfo(domain, task.activityId(), typeName, typeVersion, workflowId, runId,
				answeredAt(task));
	}

	private static @Nullable Instant answeredAt(PollForActivityTaskResponse task) {
		SdkHttpResponse http = task.sdkHttpResponse();
		if (http == null) {
			return null;
		}
		try {
			return http.firstMatchingHeader("Date")
				.map((date) -> Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date)))
				.orElse(null);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Returns a copy with the instant the poll that returned the task was answered.
	 * @param instant the instant, or {@code null} when unknown
	 * @return the info
	 */
	public ActivityTaskInfo withPolledAt(@Nullable Instant instant) {
		return new ActivityTaskInfo(this.domain, this.activityId, this.activityTypeName, this.activityTypeVersion,
				this.workflowId, this.runId, instant);
	}

	/**
	 * Returns a copy with the given domain, unless this info names one already.
	 * @param fallbackDomain domain to use when none is known
	 * @return the info
	 */
	public ActivityTaskInfo withDomainIfAbsent(@Nullable String fallbackDomain) {
		if (this.domain != null || fallbackDomain == null) {
			return this;
		}
		return new ActivityTaskInfo(fallbackDomain, this.activityId, this.activityTypeName, this.activityTypeVersion,
				this.workflowId, this.runId, this.polledAt);
	}

	/**
	 * Whether the activity type (name and version) is known.
	 * @return whether the type is known
	 */
	public boolean hasActivityType() {
		return this.activityTypeName != null && this.activityTypeVersion != null;
	}

	/**
	 * Returns the activity type as {@code name:version}, or {@code null} when unknown.
	 * @return the activity type
	 */
	public @Nullable String activityType() {
		return hasActivityType() ? this.activityTypeName + ":" + this.activityTypeVersion : null;
	}

}
