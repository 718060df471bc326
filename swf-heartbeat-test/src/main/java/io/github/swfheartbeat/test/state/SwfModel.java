package io.github.swfheartbeat.test.state;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * The embedded endpoint's SWF: the operations of SWF's API over one in-memory state, plus the
 * direct hooks the test helpers use.
 */
public final class SwfModel {

	/** The workflow type of the executions the helpers start. */
	public static final String HELPER_WORKFLOW_TYPE = "embedded-swf-helper";

	/** The decision task list of those executions, which no decider polls. */
	public static final String HELPER_TASK_LIST = "embedded-swf-helper-decisions";

	private static final String HELPER_IDENTITY = "embedded-swf";

	final ModelContext context;

	final Registrations registrations;

	final Executions executions;

	final Decisions decisions;

	final Activities activities;

	final Timers timers;

	final ContinueAsNew continueAsNew;

	final ChildWorkflows childWorkflows;

	final ExternalRequests externalRequests;

	final LambdaFunctions lambdaFunctions;

	private final Map<String, Operation> operations = new LinkedHashMap<>();

	/**
	 * Creates an empty model on the system's clock.
	 * @param longPollTimeout how long a poll waits for a task before it answers with none
	 */
	public SwfModel(Duration longPollTimeout) {
		this(longPollTimeout, false);
	}

	/**
	 * Creates an empty model.
	 * @param longPollTimeout how long a poll waits for a task before it answers with none
	 * @param virtualTime whether its clock stands still until {@link #advance(Duration)} moves it,
	 * rather than being the system's
	 */
	public SwfModel(Duration longPollTimeout, boolean virtualTime) {
		this.context = new ModelContext(longPollTimeout, virtualTime);
		this.registrations = new Registrations(this.context);
		this.executions = new Executions(this);
		this.decisions = new Decisions(this);
		this.activities = new Activities(this);
		this.timers = new Timers(this);
		this.continueAsNew = new ContinueAsNew(this);
		this.childWorkflows = new ChildWorkflows(this);
		this.externalRequests = new ExternalRequests(this);
		this.lambdaFunctions = new LambdaFunctions(this);
		immediate("RegisterDomain", this.registrations::registerDomain);
		immediate("DescribeDomain", this.registrations::describeDomain);
		immediate("RegisterActivityType", this.registrations::registerActivityType);
		immediate("DescribeActivityType", this.registrations::describeActivityType);
		immediate("RegisterWorkflowType", this.registrations::registerWorkflowType);
		immediate("DescribeWorkflowType", this.registrations::describeWorkflowType);
		immediate("StartWorkflowExecution", this.executions::start);
		immediate("SignalWorkflowExecution", this.executions::signal);
		immediate("TerminateWorkflowExecution", this.executions::terminate);
		immediate("RequestCancelWorkflowExecution", this.executions::requestCancel);
		immediate("DescribeWorkflowExecution", this.executions::describe);
		immediate("GetWorkflowExecutionHistory", this.executions::history);
		this.operations.put("PollForDecisionTask", this.decisions::poll);
		immediate("RespondDecisionTaskCompleted", this.decisions::respondCompleted);
		this.operations.put("PollForActivityTask", this.activities::poll);
		immediate("RecordActivityTaskHeartbeat", this.activities::heartbeat);
		immediate("RespondActivityTaskCompleted", this.activities::respondCompleted);
		immediate("RespondActivityTaskFailed", this.activities::respondFailed);
		immediate("RespondActivityTaskCanceled", this.activities::respondCanceled);
		registerAdministrationAndVisibility();
	}

	/**
	 * Registers the operations that manage domains and types (listings, deprecation, tags) and that
	 * list and count executions and pending tasks.
	 */
	private void registerAdministrationAndVisibility() {
		Listings listings = new Listings(this.context);
		immediate("ListDomains", listings::listDomains);
		immediate("ListActivityTypes", listings::listActivityTypes);
		immediate("ListWorkflowTypes", listings::listWorkflowTypes);
		Deprecations deprecations = new Deprecations(this.context);
		immediate("DeprecateDomain", deprecations::deprecateDomain);
		immediate("UndeprecateDomain", deprecations::undeprecateDomain);
		immediate("DeprecateActivityType", deprecations::deprecateActivityType);
		immediate("UndeprecateActivityType", deprecations::undeprecateActivityType);
		immediate("DeleteActivityType", deprecations::deleteActivityType);
		immediate("DeprecateWorkflowType", deprecations::deprecateWorkflowType);
		immediate("UndeprecateWorkflowType", deprecations::undeprecateWorkflowType);
		immediate("DeleteWorkflowType", deprecations::deleteWorkflowType);
		Tags tags = new Tags(this.context);
		immediate("TagResource", tags::tagResource);
		immediate("UntagResource", tags::untagResource);
		immediate("ListTagsForResource", tags::listTagsForResource);
		Visibility visibility = new Visibility(this);
		immediate("ListOpenWorkflowExecutions", visibility::listOpen);
		immediate("ListClosedWorkflowExecutions", visibility::listClosed);
		immediate("CountOpenWorkflowExecutions", visibility::countOpen);
		immediate("CountClosedWorkflowExecutions", visibility::countClosed);
		PendingTasks pendingTasks = new PendingTasks(this);
		immediate("CountPendingActivityTasks", pendingTasks::countActivityTasks);
		immediate("CountPendingDecisionTasks", pendingTasks::countDecisionTasks);
	}

	private void immediate(String name, Function<JsonObject, JsonObject> operation) {
		this.operations.put(name, (input, reply) -> reply.accept(operation.apply(input)));
	}

	/**
	 * Returns the operation of that SWF name.
	 * @param name the name, e.g. {@code RecordActivityTaskHeartbeat}
	 * @return the operation, or {@code null} if the endpoint does not implement it
	 */
	public Operation operation(String name) {
		return this.operations.get(name);
	}

	/**
	 * Returns the names of the operations the endpoint implements.
	 * @return the names
	 */
	public List<String> operationNames() {
		return List.copyOf(this.operations.keySet());
	}

	/**
	 * Moves virtual time forward: every timeout that falls due on the way is applied in order, its
	 * history event stamped with its moment.
	 * @param duration how far
	 * @throws IllegalStateException if the model runs on the system's clock
	 */
	public void advance(Duration duration) {
		this.context.advance(duration);
	}

	/**
	 * Returns the model's clock as a monotonic time in nanoseconds: virtual time since the model
	 * started, or the system's {@link System#nanoTime()}.
	 * @return the time
	 */
	public long nanoTime() {
		return this.context.nanoTime();
	}

	/**
	 * Returns the wall-clock time of a moment of {@link #nanoTime()}.
	 * @param nanos the moment
	 * @return the time, to the millisecond
	 */
	public long epochMillisAt(long nanos) {
		return this.context.timestampAt(nanos).movePointRight(3).longValueExact();
	}

	/**
	 * Returns the model's time now in epoch milliseconds without taking its lock, for the Date
	 * header of every answer: a worker reads a poll's instant from it.
	 * @return the time
	 */
	public long epochMillisNow() {
		return this.context.epochMillisNow();
	}

	/**
	 * Counts one piece of work in flight (an exchange being handled, a call of an engine on the
	 * same clock): virtual time stands still until {@link #workFinished()}. Does nothing on the
	 * system's clock.
	 */
	public void workStarted() {
		if (this.context.driver != null) {
			this.context.driver.workStarted();
		}
	}

	/**
	 * Ends what {@link #workStarted()} counted.
	 */
	public void workFinished() {
		if (this.context.driver != null) {
			this.context.driver.workFinished();
		}
	}

	/**
	 * Blocks an engine's scheduler thread until virtual time reaches a deadline or
	 * {@link #wakeUp(Thread)} wakes it.
	 * @param deadlineNanos the deadline on the {@link #nanoTime()} scale
	 * @throws IllegalStateException if the model runs on the system's clock
	 */
	public void awaitUntil(long deadlineNanos) {
		this.context.virtualTimeDriver().awaitUntil(deadlineNanos);
	}

	/**
	 * Wakes an engine's scheduler thread that waits, or will wait, in {@link #awaitUntil(long)}.
	 * @param scheduler the thread
	 * @throws IllegalStateException if the model runs on the system's clock
	 */
	public void wakeUp(Thread scheduler) {
		this.context.virtualTimeDriver().wakeUp(scheduler);
	}

	/**
	 * Returns the model's time now, as the epoch milliseconds its history events carry.
	 * @return the time
	 */
	public long currentTimeMillis() {
		return this.context.locked(() -> this.context.timestamp().movePointRight(3).longValueExact());
	}

	/**
	 * Returns the faults of the endpoint's own code recorded so far.
	 * @return the record
	 */
	public InternalErrors internalErrors() {
		return this.context.internalErrors;
	}

	/**
	 * Changes how long polls wait; polls already waiting keep their timeout.
	 * @param longPollTimeout the new timeout
	 */
	public void longPollTimeout(Duration longPollTimeout) {
		this.context.longPollTimeout = longPollTimeout;
	}

	/**
	 * Starts an execution of the helper workflow type and schedules one activity task in it through
	 * a decision cycle the model runs itself, so that the history reads as SWF would write it.
	 * @param domain the domain
	 * @param workflowId the workflow id of the new execution
	 * @param scheduleAttributes the ScheduleActivityTask decision's attributes
	 * @return the run id of the new execution
	 * @throws IllegalStateException if SWF would refuse the decision (e.g. the type is unknown)
	 */
	public String scheduleActivity(String domain, String workflowId, JsonObject scheduleAttributes) {
		return this.context.locked(() -> {
			Domain target = this.context.domain(domain);
			if (!target.workflowTypes.containsKey(Domain.typeKey(HELPER_WORKFLOW_TYPE, "1"))) {
				this.registrations.registerWorkflowType(new JsonObject().put("domain", domain)
					.put("name", HELPER_WORKFLOW_TYPE)
					.put("version", "1")
					.put("description", "Executions started by the embedded endpoint's test helpers")
					.put("defaultTaskList", new JsonObject().put("name", HELPER_TASK_LIST))
					.put("defaultExecutionStartToCloseTimeout", "31536000")
					.put("defaultTaskStartToCloseTimeout", "NONE")
					.put("defaultChildPolicy", "TERMINATE"));
			}
			String runId = this.executions.start(new JsonObject().put("domain", domain)
				.put("workflowId", workflowId)
				.put("workflowType", new JsonObject().put("name", HELPER_WORKFLOW_TYPE).put("version", "1")))
				.string("runId");
			WorkflowExecution execution = this.executions.execution(domain, workflowId, runId);
			this.decisions.decideDirectly(execution, List.of(new JsonObject()
				.put("decisionType", "ScheduleActivityTask")
				.put("scheduleActivityTaskDecisionAttributes", scheduleAttributes)), HELPER_IDENTITY);
			JsonObject failure = execution.history.stream()
				.map((event) -> event.object("scheduleActivityTaskFailedEventAttributes"))
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElse(null);
			if (failure != null) {
				// Leave nothing open behind a refused helper call.
				this.executions.close(execution, "TERMINATED", "WorkflowExecutionTerminated",
						new JsonObject().put("reason", "Activity not scheduled").put("childPolicy", "TERMINATE"));
				throw new IllegalStateException("SWF refused to schedule the activity: " + failure.string("cause"));
			}
			return runId;
		});
	}

	/**
	 * Starts a scheduled activity task as a poll that found it would, and returns what that poll
	 * returns.
	 * @param domain the domain
	 * @param workflowId the workflow id
	 * @param runId the run id
	 * @param activityId the activity id
	 * @return the PollForActivityTask response's members
	 * @throws IllegalStateException if the task is not scheduled and waiting for a worker
	 */
	public JsonObject startActivity(String domain, String workflowId, String runId, String activityId) {
		return this.context.locked(() -> {
			ActivityTask task = latestTask(domain, workflowId, runId, activityId);
			if (!this.activities.isStillAvailable(task)) {
				throw new IllegalStateException("Activity " + activityId + " is not waiting for a worker");
			}
			return this.activities.start(task, HELPER_IDENTITY);
		});
	}

	/**
	 * Requests cancellation of an activity task as a RequestCancelActivityTask decision would,
	 * through a decision cycle the model runs itself.
	 * @param domain the domain
	 * @param workflowId the workflow id
	 * @param runId the run id
	 * @param activityId the activity id
	 * @throws IllegalStateException if a decider holds the execution's decision task
	 */
	public void requestCancel(String domain, String workflowId, String runId, String activityId) {
		this.context.locked(() -> {
			WorkflowExecution execution = this.executions.execution(domain, workflowId, runId);
			this.decisions.decideDirectly(execution, List.of(new JsonObject()
				.put("decisionType", "RequestCancelActivityTask")
				.put("requestCancelActivityTaskDecisionAttributes", new JsonObject().put("activityId", activityId))),
					HELPER_IDENTITY);
		});
	}

	/**
	 * Times out a started activity task for a missed heartbeat at once, as if its worker were lost.
	 * @param taskToken the task's token
	 * @throws SwfFault if the token is unknown or the task closed
	 */
	public void timeOut(String taskToken) {
		this.context.locked(() -> this.activities.timeOutNow(taskToken));
	}

	/**
	 * Returns the state of the activity task with that token.
	 * @param taskToken the token
	 * @return its state, or {@code null} if no task ever had that token
	 */
	public ActivitySnapshot activity(String taskToken) {
		return this.context.locked(() -> {
			ActivityTask task = this.context.activityTasksByToken.get(taskToken);
			if (task == null) {
				return null;
			}
			this.executions.timeOutIfDue(task.execution);
			this.activities.timeOutDue(task.execution);
			return ActivitySnapshot.of(task);
		});
	}

	/**
	 * Returns the state of the latest activity task with that id in an execution.
	 * @param domain the domain
	 * @param workflowId the workflow id
	 * @param runId the run id
	 * @param activityId the activity id
	 * @return its state
	 * @throws SwfFault if there is no such execution
	 * @throws IllegalStateException if it has no such activity
	 */
	public ActivitySnapshot activity(String domain, String workflowId, String runId, String activityId) {
		return this.context.locked(() -> {
			ActivityTask task = latestTask(domain, workflowId, runId, activityId);
			this.executions.timeOutIfDue(task.execution);
			this.activities.timeOutDue(task.execution);
			return ActivitySnapshot.of(task);
		});
	}

	private ActivityTask latestTask(String domain, String workflowId, String runId, String activityId) {
		ActivityTask task = this.executions.execution(domain, workflowId, runId).latestActivities.get(activityId);
		if (task == null) {
			throw new IllegalStateException("No activity " + activityId + " in workflow " + workflowId);
		}
		return task;
	}

	/**
	 * Names the workflow execution an activity task belongs to, for quotas kept per execution.
	 * @param taskToken the task's token
	 * @return the execution's domain, workflow id and run id in one string, or {@code null} if no
	 * task has that token
	 */
	public String executionOfActivityTask(String taskToken) {
		return this.context.locked(() -> {
			ActivityTask task = this.context.activityTasksByToken.get(taskToken);
			return (task != null)
					? task.execution.domain.name + '\n' + task.execution.workflowId + '\n' + task.execution.runId : null;
		});
	}

	/**
	 * Returns how many activity tasks are open (scheduled or started) in all domains.
	 * @return the count
	 */
	public int openActivityTaskCount() {
		return this.context.locked(() -> this.context.openActivityTasks);
	}

	/**
	 * Answers every waiting poll with no task, as SWF would when its long poll ends.
	 */
	public void releasePollers() {
		this.context.locked(() -> {
			this.decisions.releasePollers();
			this.activities.releasePollers();
		});
	}

	/**
	 * Releases pollers and stops the timer thread for good.
	 */
	public void shutdown() {
		releasePollers();
		this.context.shutdown();
	}

}
