package io.github.swfheartbeat.test.state;

import java.util.List;
import java.util.function.Consumer;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.ActivityTask.Deadline;
import io.github.swfheartbeat.test.state.Domain.RegisteredType;

/**
 * Activity tasks: scheduling and cancelling them for decisions, PollForActivityTask,
 * RecordActivityTaskHeartbeat, RespondActivityTask… and their four timeouts.
 *
 * <p>Each open task has at most one pending timer, armed for its earliest deadline. A heartbeat only
 * moves the task's heartbeat deadline later and touches no timer; when the timer fires it finds the
 * deadline moved and re-arms for it. That keeps the hot path (heartbeats) free of timer work and
 * the timer queue at one entry per open task, however many heartbeats arrive.
 */
final class Activities {

	static final List<String> TIMEOUT_FIELDS = List.of("scheduleToStartTimeout", "scheduleToCloseTimeout",
			"startToCloseTimeout", "heartbeatTimeout");

	/** SWF's limit of open activity tasks per workflow execution. */
	static final int MAXIMUM_OPEN_ACTIVITIES = 1000;

	private final SwfModel model;

	private final ModelContext context;

	Activities(SwfModel model) {
		this.model = model;
		this.context = model.context;
	}

	/**
	 * Carries out a ScheduleActivityTask decision: the ActivityTaskScheduled event records the
	 * timeouts in effect, the decision's values or else the type's defaults.
	 */
	void schedule(WorkflowExecution execution, JsonObject attributes, long decisionTaskCompletedEventId) {
		JsonObject activityType = attributes.requiredObject("activityType");
		String activityId = attributes.string("activityId");
		RegisteredType type = execution.domain.activityTypes
			.get(Domain.typeKey(activityType.string("name"), activityType.string("version")));
		String cause = null;
		String taskList = null;
		long[] timeouts = new long[TIMEOUT_FIELDS.size()];
		ActivityTask sameId = execution.openActivities.get(activityId);
		if (sameId != null) {
			// An id is free again once its task's deadline passed, noticed or not.
			timeOutIfDue(sameId);
		}
		if (type == null) {
			cause = "ACTIVITY_TYPE_DOES_NOT_EXIST";
		}
		else if (type.isDeprecated()) {
			cause = "ACTIVITY_TYPE_DEPRECATED";
		}
		else if (execution.openActivities.containsKey(activityId)) {
			cause = "ACTIVITY_ID_ALREADY_IN_USE";
		}
		else if (execution.openActivities.size() >= MAXIMUM_OPEN_ACTIVITIES) {
			cause = "OPEN_ACTIVITIES_LIMIT_EXCEEDED";
		}
		else {
			JsonObject taskListInput = attributes.object("taskList");
			taskList = (taskListInput != null) ? taskListInput.string("name")
					: Executions.defaultTaskList(type.configuration());
			cause = (taskList != null) ? resolveTimeouts(attributes, type.configuration(), timeouts)
					: "DEFAULT_TASK_LIST_UNDEFINED";
		}
		if (cause != null) {
			execution.append("ScheduleActivityTaskFailed", new JsonObject().put("activityType", activityType)
				.put("activityId", activityId)
				.put("cause", cause)
				.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId), this.context.timestamp());
			this.model.decisions.schedule(execution);
			return;
		}
		String taskPriority = (attributes.string("taskPriority") != null) ? attributes.string("taskPriority")
				: type.configuration().string("defaultTaskPriority");
		JsonObject scheduled = new JsonObject().put("activityType", type.identity())
			.put("activityId", activityId)
			.put("input", attributes.string("input"))
			.put("control", attributes.string("control"));
		for (int i = 0; i < timeouts.length; i++) {
			scheduled.put(TIMEOUT_FIELDS.get(i), DurationText.format(timeouts[i]));
		}
		scheduled.put("taskList", new JsonObject().put("name", taskList))
			.put("taskPriority", taskPriority)
			.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId);
		execution.latestActivityTaskTimestamp = this.context.timestamp();
		long eventId = execution.append("ActivityTaskScheduled", scheduled, execution.latestActivityTaskTimestamp);
		ActivityTask task = new ActivityTask(execution, activityId, type.identity(), taskList,
				attributes.string("input"), eventId, timeouts[0], timeouts[1], timeouts[2], timeouts[3],
				this.context.nanoTime());
		execution.openActivities.put(activityId, task);
		execution.latestActivities.put(activityId, task);
		this.context.openActivityTasks++;
		arm(task);
		TaskQueue<ActivityTask> queue = execution.domain.activityTaskList(taskList);
		PollWaiter waiter = queue.nextWaiter();
		if (waiter != null) {
			waiter.complete(start(task, waiter.identity));
		}
		else {
			queue.addTask(task);
		}
	}

	private static String resolveTimeouts(JsonObject attributes, JsonObject defaults, long[] timeouts) {
		for (int i = 0; i < timeouts.length; i++) {
			String field = TIMEOUT_FIELDS.get(i);
			String defaultField = "defaultTask" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
			Long value = DurationText.parse(field, attributes.string(field));
			if (value == null) {
				value = DurationText.parse(defaultField, defaults.string(defaultField));
			}
			if (value == null && !"heartbeatTimeout".equals(field)) {
				// SWF requires these three; a heartbeat timeout defined nowhere means none.
				return "DEFAULT_" + field.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase() + "_UNDEFINED";
			}
			timeouts[i] = (value != null) ? value : DurationText.NONE;
		}
		return null;
	}

	/**
	 * Carries out a RequestCancelActivityTask decision.
	 */
	void requestCancel(WorkflowExecution execution, String activityId, long decisionTaskCompletedEventId) {
		ActivityTask task = execution.openActivities.get(activityId);
		if (task != null && timeOutIfDue(task)) {
			task = null;
		}
		if (task == null) {
			execution.append("RequestCancelActivityTaskFailed", new JsonObject().put("activityId", activityId)
				.put("cause", "ACTIVITY_ID_UNKNOWN")
				.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId), this.context.timestamp());
			this.model.decisions.schedule(execution);
			return;
		}
		task.cancelRequested = true;
		task.latestCancelRequestedEventId = execution.append("ActivityTaskCancelRequested",
				new JsonObject().put("decisionTaskCompletedEventId", decisionTaskCompletedEventId)
					.put("activityId", activityId),
				this.context.timestamp());
		if (!task.isStarted()) {
			// No worker has it: SWF cancels a scheduled task at once.
			execution.append("ActivityTaskCanceled", new JsonObject().put("scheduledEventId", task.scheduledEventId)
				.put("startedEventId", 0L)
				.put("latestCancelRequestedEventId", task.latestCancelRequestedEventId), this.context.timestamp());
			close(task, ActivityTask.Status.CANCELED);
			this.model.decisions.schedule(execution);
		}
	}

	void poll(JsonObject input, Consumer<JsonObject> reply) {
		String domainName = input.requiredString("domain", 1, 256);
		String taskListName = input.requiredObject("taskList").requiredString("name", 1, 256);
		String identity = input.string("identity", 0, 256);
		// A task at hand is answered after the lock is released; a waiting poll is answered later.
		JsonObject response = this.context.locked(() -> {
			TaskQueue<ActivityTask> queue = this.context.domain(domainName).activityTaskList(taskListName);
			// A queued task whose schedule-to-start or schedule-to-close ran out is timed out here, even
			// if the timer thread has not got to it: SWF never hands such a task out.
			ActivityTask task = queue.nextTask(this::isStillAvailable);
			if (task != null) {
				return start(task, identity);
			}
			this.context.park(queue, new PollWaiter(identity, 0, false, reply), noTask());
			return null;
		});
		if (response != null) {
			reply.accept(response);
		}
	}

	static JsonObject noTask() {
		// SWF's API reference: a poll that found nothing returns an ActivityTask "whose taskToken is
		// an empty string".
		return new JsonObject().put("taskToken", "").put("startedEventId", 0L);
	}

	/**
	 * Tells whether a task may be handed to a worker now; one whose deadline passed is timed out.
	 */
	boolean isStillAvailable(ActivityTask task) {
		if (task.isAvailable()) {
			this.model.executions.timeOutIfDue(task.execution);
		}
		return task.isAvailable() && !timeOutIfDue(task);
	}

	JsonObject start(ActivityTask task, String identity) {
		WorkflowExecution execution = task.execution;
		task.startedEventId = execution.append("ActivityTaskStarted",
				new JsonObject().put("identity", identity).put("scheduledEventId", task.scheduledEventId),
				this.context.timestamp());
		task.taskToken = TaskTokens.newToken();
		task.startedAtNanos = this.context.nanoTime();
		task.lastHeartbeatNanos = task.startedAtNanos;
		this.context.activityTasksByToken.put(task.taskToken, task);
		arm(task);
		return new JsonObject().put("taskToken", task.taskToken)
			.put("activityId", task.activityId)
			.put("startedEventId", task.startedEventId)
			.put("workflowExecution", execution.identity())
			.put("activityType", task.activityType)
			.put("input", task.input);
	}

	JsonObject heartbeat(JsonObject input) {
		String taskToken = input.requiredString("taskToken", 1, 1024);
		String details = input.string("details", 0, 2048);
		return this.context.locked(() -> {
			ActivityTask task = openTask(taskToken);
			// Only the deadline moves; the task's timer finds it moved when it fires.
			task.lastHeartbeatNanos = this.context.nanoTime();
			task.heartbeatCount++;
			task.lastDetails = details;
			return new JsonObject().put("cancelRequested", task.cancelRequested);
		});
	}

	JsonObject respondCompleted(JsonObject input) {
		String taskToken = input.requiredString("taskToken", 1, 1024);
		String result = input.string("result", 0, 32768);
		return respond(taskToken, ActivityTask.Status.COMPLETED, "ActivityTaskCompleted",
				new JsonObject().put("result", result));
	}

	JsonObject respondFailed(JsonObject input) {
		String taskToken = input.requiredString("taskToken", 1, 1024);
		String reason = input.string("reason", 0, 256);
		String details = input.string("details", 0, 32768);
		return respond(taskToken, ActivityTask.Status.FAILED, "ActivityTaskFailed",
				new JsonObject().put("reason", reason).put("details", details));
	}

	JsonObject respondCanceled(JsonObject input) {
		String taskToken = input.requiredString("taskToken", 1, 1024);
		String details = input.string("details", 0, 32768);
		return respond(taskToken, ActivityTask.Status.CANCELED, "ActivityTaskCanceled",
				new JsonObject().put("details", details));
	}

	private JsonObject respond(String taskToken, ActivityTask.Status status, String eventType, JsonObject attributes) {
		return this.context.locked(() -> {
			ActivityTask task = openTask(taskToken);
			attributes.put("scheduledEventId", task.scheduledEventId).put("startedEventId", task.startedEventId);
			if (status == ActivityTask.Status.CANCELED && task.latestCancelRequestedEventId != 0) {
				attributes.put("latestCancelRequestedEventId", task.latestCancelRequestedEventId);
			}
			task.execution.append(eventType, attributes, this.context.timestamp());
			close(task, status);
			this.model.decisions.schedule(task.execution);
			return new JsonObject();
		});
	}

	/**
	 * Finds the open task of a token, judged at this moment: a task whose deadline has passed is
	 * timed out now, whether or not its timer has fired, and is unknown from then on.
	 */
	ActivityTask openTask(String taskToken) {
		ActivityTask task = this.context.activityTasksByToken.get(taskToken);
		if (task != null && task.isOpen()) {
			// A task dies with its execution, whose own deadline may have passed unnoticed.
			this.model.executions.timeOutIfDue(task.execution);
		}
		if (task == null || !task.isOpen() || timeOutIfDue(task)) {
			throw SwfFault.unknownResource("Unknown activity task, token " + TaskTokens.fingerprint(taskToken));
		}
		return task;
	}

	/**
	 * Times out an open task whose earliest deadline has passed, with that deadline's timeout type.
	 * @return whether it timed out
	 */
	boolean timeOutIfDue(ActivityTask task) {
		Deadline deadline = task.nextDeadline();
		if (deadline == null || this.context.nanoTime() - deadline.nanos() < 0) {
			return false;
		}
		timeOut(task, deadline);
		return true;
	}

	/**
	 * Times out every open task of an execution whose deadline has passed, so that what a caller
	 * reads of the execution is as of now.
	 */
	void timeOutDue(WorkflowExecution execution) {
		for (ActivityTask task : List.copyOf(execution.openActivities.values())) {
			timeOutIfDue(task);
		}
	}

	/**
	 * Times out a started task for a missed heartbeat at once, as if its worker were lost.
	 */
	void timeOutNow(String taskToken) {
		timeOut(openTask(taskToken), new Deadline(this.context.nanoTime(), "HEARTBEAT"));
	}

	private void arm(ActivityTask task) {
		Deadline deadline = task.nextDeadline();
		if (deadline == null) {
			return;
		}
		if (task.timer != null) {
			if (task.timerDueNanos - deadline.nanos() <= 0) {
				return;
			}
			task.timer.cancel(false);
		}
		task.timerDueNanos = deadline.nanos();
		task.timer = this.context.scheduleTimeout(() -> check(task), deadline.nanos() - this.context.nanoTime());
	}

	private void check(ActivityTask task) {
		task.timer = null;
		if (!task.isOpen()) {
			return;
		}
		if (!timeOutIfDue(task)) {
			arm(task);
		}
	}

	private void timeOut(ActivityTask task, Deadline deadline) {
		task.timeoutType = deadline.timeoutType();
		// Stamped when the deadline passed, not when it was noticed; never before an earlier event.
		task.execution.append("ActivityTaskTimedOut", new JsonObject().put("timeoutType", deadline.timeoutType())
			.put("scheduledEventId", task.scheduledEventId)
			.put("startedEventId", task.startedEventId)
			.put("details", task.lastDetails), task.execution.notBefore(this.context.timestampAt(deadline.nanos())));
		close(task, ActivityTask.Status.TIMED_OUT);
		this.model.decisions.schedule(task.execution);
	}

	void close(ActivityTask task, ActivityTask.Status status) {
		task.status = status;
		if (task.timer != null) {
			task.timer.cancel(false);
			task.timer = null;
		}
		task.execution.openActivities.remove(task.activityId);
		this.context.openActivityTasks--;
	}

	/**
	 * Answers every waiting activity poll with no task, as when the endpoint stops.
	 */
	void releasePollers() {
		for (Domain domain : this.context.domains.values()) {
			for (TaskQueue<ActivityTask> taskList : domain.activityTaskLists.values()) {
				taskList.releaseWaiters((waiter) -> waiter.complete(noTask()));
			}
		}
	}

}
