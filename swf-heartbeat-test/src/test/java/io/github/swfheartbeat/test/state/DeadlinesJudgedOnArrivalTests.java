package io.github.swfheartbeat.test.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.StartWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;

import io.github.swfheartbeat.test.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every call is judged against its task's deadlines when it arrives. The timeout timers are paused
 * throughout, so each late call below would succeed if only the timer applied timeouts.
 */
class DeadlinesJudgedOnArrivalTests {

	/** How far past a deadline the late calls arrive, at least. */
	private static final Duration LATE = Duration.ofMillis(5);

	private static ModelOverHttp swf;

	@BeforeAll
	static void start() {
		swf = new ModelOverHttp(Duration.ofMillis(300));
	}

	@AfterAll
	static void stop() {
		swf.close();
	}

	@BeforeEach
	void pauseTimeoutTimers() {
		swf.model.context.timeoutTimersPaused = true;
	}

	@AfterEach
	void resumeTimeoutTimers() {
		swf.model.context.timeoutTimersPaused = false;
	}

	@Test
	void aHeartbeatJustAfterTheHeartbeatTimeoutIsUnknown() {
		String[] task = swf.start(new JsonObject().put("heartbeatTimeout", "1"));
		swf.client.recordActivityTaskHeartbeat((request) -> request.taskToken(task[0]).details("last"));
		// The endpoint took the heartbeat before this point, so its deadline lies at most 1 s after it.
		long answered = System.nanoTime();
		waitUntil(answered + Duration.ofSeconds(1).plus(LATE).toNanos());
		Instant late = Instant.now();
		assertThatExceptionOfType(UnknownResourceException.class)
			.isThrownBy(() -> swf.client.recordActivityTaskHeartbeat((request) -> request.taskToken(task[0])));
		HistoryEvent timedOut = onlyTimeOut(task[1], task[2]);
		assertThat(timedOut.activityTaskTimedOutEventAttributes().timeoutType())
			.isEqualTo(ActivityTaskTimeoutType.HEARTBEAT);
		assertThat(timedOut.activityTaskTimedOutEventAttributes().details()).isEqualTo("last");
		// Stamped when the deadline passed, not when the late call noticed it.
		assertThat(timedOut.eventTimestamp()).isBefore(late);
		assertRecordedOnce(task[1], task[2], EventType.ACTIVITY_TASK_TIMED_OUT);
	}

	@Test
	void aCompletionJustAfterStartToCloseIsUnknown() {
		String[] task = swf.start(new JsonObject().put("startToCloseTimeout", "1"));
		long started = System.nanoTime();
		swf.client.recordActivityTaskHeartbeat((request) -> request.taskToken(task[0]).details("working"));
		waitUntil(started + Duration.ofSeconds(1).plus(LATE).toNanos());
		assertThatExceptionOfType(UnknownResourceException.class)
			.isThrownBy(() -> swf.client.respondActivityTaskCompleted((request) -> request.taskToken(task[0])));
		HistoryEvent timedOut = onlyTimeOut(task[1], task[2]);
		assertThat(timedOut.activityTaskTimedOutEventAttributes().timeoutType())
			.isEqualTo(ActivityTaskTimeoutType.START_TO_CLOSE);
		assertThat(timedOut.activityTaskTimedOutEventAttributes().details()).isEqualTo("working");
		assertRecordedOnce(task[1], task[2], EventType.ACTIVITY_TASK_TIMED_OUT);
	}

	@Test
	void aHeartbeatJustAfterScheduleToCloseIsUnknown() {
		String[] task = swf.start(new JsonObject().put("scheduleToCloseTimeout", "1"));
		// The endpoint scheduled the task before this point, so its deadline lies at most 1 s after it.
		long scheduled = System.nanoTime();
		swf.client.recordActivityTaskHeartbeat((request) -> request.taskToken(task[0]));
		waitUntil(scheduled + Duration.ofSeconds(1).plus(LATE).toNanos());
		assertThatExceptionOfType(UnknownResourceException.class)
			.isThrownBy(() -> swf.client.recordActivityTaskHeartbeat((request) -> request.taskToken(task[0])));
		assertThat(onlyTimeOut(task[1], task[2]).activityTaskTimedOutEventAttributes().timeoutType())
			.isEqualTo(ActivityTaskTimeoutType.SCHEDULE_TO_CLOSE);
	}

	@Test
	void aPollJustAfterScheduleToStartGetsNoTask() {
		String taskList = "list-" + UUID.randomUUID();
		String[] execution = swf
			.schedule(new JsonObject().put("scheduleToStartTimeout", "1").put("taskList", new JsonObject().put("name", taskList)));
		long scheduled = System.nanoTime();
		waitUntil(scheduled + Duration.ofSeconds(1).plus(LATE).toNanos());
		assertThat(swf.client
			.pollForActivityTask((request) -> request.domain(ModelOverHttp.DOMAIN).taskList((list) -> list.name(taskList)))
			.taskToken()).isEmpty();
		assertThat(onlyTimeOut(execution[0], execution[1]).activityTaskTimedOutEventAttributes().timeoutType())
			.isEqualTo(ActivityTaskTimeoutType.SCHEDULE_TO_START);
	}

	@Test
	void countsAndListsJustAfterTheDeadlinesSeeTheTimeouts() {
		String taskList = "list-" + UUID.randomUUID();
		swf.schedule(new JsonObject().put("scheduleToStartTimeout", "1")
			.put("taskList", new JsonObject().put("name", taskList)));
		Instant before = Instant.now().minusSeconds(1);
		WorkflowExecution execution = startExecution("decisions-" + UUID.randomUUID(),
				(request) -> request.taskStartToCloseTimeout("NONE").executionStartToCloseTimeout("1"));
		long started = System.nanoTime();
		assertThat(swf.client.countPendingActivityTasks(
				(request) -> request.domain(ModelOverHttp.DOMAIN).taskList((list) -> list.name(taskList)))
			.count()).isEqualTo(1);
		waitUntil(started + Duration.ofSeconds(1).plus(LATE).toNanos());
		assertThat(swf.client.countPendingActivityTasks(
				(request) -> request.domain(ModelOverHttp.DOMAIN).taskList((list) -> list.name(taskList)))
			.count()).isZero();
		assertThat(swf.client.listOpenWorkflowExecutions((request) -> request.domain(ModelOverHttp.DOMAIN)
			.startTimeFilter((filter) -> filter.oldestDate(before))
			.executionFilter((filter) -> filter.workflowId(execution.workflowId()))).executionInfos()).isEmpty();
		assertThat(swf.client.listClosedWorkflowExecutions((request) -> request.domain(ModelOverHttp.DOMAIN)
			.startTimeFilter((filter) -> filter.oldestDate(before))
			.closeStatusFilter((filter) -> filter.status(CloseStatus.TIMED_OUT))).executionInfos())
			.extracting(WorkflowExecutionInfo::execution)
			.contains(execution);
	}

	@Test
	void aDecisionJustAfterItsStartToCloseIsUnknown() {
		String decisions = "decisions-" + UUID.randomUUID();
		WorkflowExecution execution = startExecution(decisions,
				(request) -> request.taskStartToCloseTimeout("1").executionStartToCloseTimeout("600"));
		PollForDecisionTaskResponse decisionTask = swf.client.pollForDecisionTask(
				(request) -> request.domain(ModelOverHttp.DOMAIN).taskList((list) -> list.name(decisions)));
		long started = System.nanoTime();
		waitUntil(started + Duration.ofSeconds(1).plus(LATE).toNanos());
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> swf.client
			.respondDecisionTaskCompleted((request) -> request.taskToken(decisionTask.taskToken())));
		assertRecordedOnce(execution.workflowId(), execution.runId(), EventType.DECISION_TASK_TIMED_OUT);
	}

	@Test
	void aHeartbeatJustAfterTheExecutionsStartToCloseIsUnknown() {
		String decisions = "decisions-" + UUID.randomUUID();
		String activities = "activities-" + UUID.randomUUID();
		// Two seconds: a decision, a poll and a heartbeat must fit before the deadline on a loaded machine.
		WorkflowExecution execution = startExecution(decisions,
				(request) -> request.taskStartToCloseTimeout("NONE").executionStartToCloseTimeout("2"));
		// The endpoint started the execution before this point.
		long started = System.nanoTime();
		String decisionToken = swf.client.pollForDecisionTask(
				(request) -> request.domain(ModelOverHttp.DOMAIN).taskList((list) -> list.name(decisions)))
			.taskToken();
		swf.client.respondDecisionTaskCompleted((request) -> request.taskToken(decisionToken)
			.decisions((decision) -> decision.decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
				.scheduleActivityTaskDecisionAttributes((attributes) -> attributes
					.activityType((type) -> type.name(ModelOverHttp.ACTIVITY_TYPE).version("1"))
					.activityId("a1")
					.taskList((list) -> list.name(activities)))));
		String token = swf.client.pollForActivityTask(
				(request) -> request.domain(ModelOverHttp.DOMAIN).taskList((list) -> list.name(activities)))
			.taskToken();
		swf.client.recordActivityTaskHeartbeat((request) -> request.taskToken(token));
		waitUntil(started + Duration.ofSeconds(2).plus(LATE).toNanos());
		assertThatExceptionOfType(UnknownResourceException.class)
			.isThrownBy(() -> swf.client.recordActivityTaskHeartbeat((request) -> request.taskToken(token)));
		assertRecordedOnce(execution.workflowId(), execution.runId(), EventType.WORKFLOW_EXECUTION_TIMED_OUT);
	}

	@Test
	void aTimerDueWhileTheDeciderWorksIsAnEventItHasNotSeen() {
		String decisions = "decisions-" + UUID.randomUUID();
		WorkflowExecution execution = startExecution(decisions,
				(request) -> request.taskStartToCloseTimeout("NONE").executionStartToCloseTimeout("600"));
		String first = pollDecision(decisions).taskToken();
		swf.client.respondDecisionTaskCompleted((request) -> request.taskToken(first)
			.decisions((decision) -> decision.decisionType(DecisionType.START_TIMER)
				.startTimerDecisionAttributes((attributes) -> attributes.timerId("t1").startToFireTimeout("1"))));
		// The endpoint started the timer before this point, so it is due at most 1 s after it.
		long started = System.nanoTime();
		swf.client.signalWorkflowExecution((request) -> request.domain(ModelOverHttp.DOMAIN)
			.workflowId(execution.workflowId())
			.signalName("wake up"));
		String held = pollDecision(decisions).taskToken();
		waitUntil(started + Duration.ofSeconds(1).plus(LATE).toNanos());
		swf.client.respondDecisionTaskCompleted((request) -> request.taskToken(held)
			.decisions((decision) -> decision.decisionType(DecisionType.COMPLETE_WORKFLOW_EXECUTION)));
		List<EventType> types = swf.history(execution.workflowId(), execution.runId())
			.stream()
			.map(HistoryEvent::eventType)
			.toList();
		assertThat(types).containsSubsequence(EventType.TIMER_FIRED, EventType.DECISION_TASK_COMPLETED,
				EventType.COMPLETE_WORKFLOW_EXECUTION_FAILED, EventType.DECISION_TASK_SCHEDULED);
		assertRecordedOnce(execution.workflowId(), execution.runId(), EventType.TIMER_FIRED);
	}

	private static PollForDecisionTaskResponse pollDecision(String decisions) {
		return swf.client.pollForDecisionTask(
				(request) -> request.domain(ModelOverHttp.DOMAIN).taskList((list) -> list.name(decisions)));
	}

	/**
	 * Starts an execution of a workflow type of its own on a decision task list of its own.
	 */
	private static WorkflowExecution startExecution(String decisions,
			Consumer<StartWorkflowExecutionRequest.Builder> timeouts) {
		String workflowType = "Flow-" + UUID.randomUUID();
		swf.client.registerWorkflowType((request) -> request.domain(ModelOverHttp.DOMAIN)
			.name(workflowType)
			.version("1")
			.defaultChildPolicy("TERMINATE"));
		String workflowId = "workflow-" + UUID.randomUUID();
		String runId = swf.client.startWorkflowExecution((request) -> {
			request.domain(ModelOverHttp.DOMAIN)
				.workflowId(workflowId)
				.workflowType((type) -> type.name(workflowType).version("1"))
				.taskList((list) -> list.name(decisions));
			timeouts.accept(request);
		}).runId();
		return WorkflowExecution.builder().workflowId(workflowId).runId(runId).build();
	}

	private static HistoryEvent onlyTimeOut(String workflowId, String runId) {
		List<HistoryEvent> timedOut = swf.history(workflowId, runId)
			.stream()
			.filter((event) -> event.eventType() == EventType.ACTIVITY_TASK_TIMED_OUT)
			.toList();
		assertThat(timedOut).hasSize(1);
		return timedOut.get(0);
	}

	/**
	 * Resumes the timers, which then find the task or execution closed: the history keeps one
	 * timeout event.
	 */
	private static void assertRecordedOnce(String workflowId, String runId, EventType timeout) {
		swf.model.context.timeoutTimersPaused = false;
		await().during(Duration.ofMillis(100))
			.atMost(Duration.ofSeconds(2))
			.until(() -> swf.history(workflowId, runId)
				.stream()
				.filter((event) -> event.eventType() == timeout)
				.count() == 1);
	}

	/**
	 * Waits for a moment on the {@link System#nanoTime()} scale; it sets up a late call, it asserts
	 * nothing.
	 */
	private static void waitUntil(long nanoTime) {
		long remaining;
		while ((remaining = nanoTime - System.nanoTime()) > 0) {
			LockSupport.parkNanos(remaining);
		}
	}

}
