package io.github.swfheartbeat.test.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.StartWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.WorkflowType;

import io.github.swfheartbeat.test.EmbeddedSwf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the embedded endpoint records the events time brings to a decider (a timer fires, a
 * decision task or an execution times out): at their exact moments, on the timer thread under the
 * system's clock and during {@link EmbeddedSwf#advance(Duration)} under virtual time, answering a
 * decider's waiting poll. SWF promises no such exactness; these are the endpoint's own guarantees.
 */
class TimedEventMomentsTests {

	private static final String DOMAIN = "timers";

	private static final WorkflowType TYPE = WorkflowType.builder().name("Flow").version("1").build();

	/** One endpoint on virtual time for the tests that use it; each runs executions of its own. */
	private static EmbeddedSwf virtual;

	@BeforeAll
	static void startVirtual() {
		virtual = prepare(EmbeddedSwf.builder().virtualTime().longPollTimeout(Duration.ofSeconds(30)).start());
	}

	@AfterAll
	static void stopVirtual() {
		virtual.close();
	}

	@Test
	void aTimerFiresAtItsVirtualMomentAndAnswersAWaitingPoll() throws Exception {
		WorkflowRun run = start(virtual);
		run.decide(run.nextDecisionTask(), WorkflowRun.startTimer("t1", "60"));
		Instant started = virtual.currentTime();
		virtual.advance(Duration.ofSeconds(60).minusMillis(1));
		assertThat(WorkflowRun.types(run.history())).doesNotContain(EventType.TIMER_FIRED);
		CompletableFuture<PollForDecisionTaskResponse> poll = waitingPoll(virtual, run);
		virtual.advance(Duration.ofMillis(1));
		List<HistoryEvent> events = poll.get(10, TimeUnit.SECONDS).events();
		HistoryEvent fired = run.last(events, EventType.TIMER_FIRED);
		assertThat(fired.eventTimestamp()).isEqualTo(started.plusSeconds(60));
		HistoryEvent scheduled = events.get(events.size() - 2);
		assertThat(scheduled.eventType()).isEqualTo(EventType.DECISION_TASK_SCHEDULED);
		assertThat(scheduled.eventTimestamp()).isEqualTo(started.plusSeconds(60));
	}

	@Test
	void aTimerFiresOnTheTimerThreadUnderTheSystemsClock() throws Exception {
		try (EmbeddedSwf swf = prepare(EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(30)).start())) {
			WorkflowRun run = start(swf);
			run.decide(run.nextDecisionTask(), WorkflowRun.startTimer("t1", "1"));
			// Nothing else reads the execution: only the timer thread can answer this poll.
			List<HistoryEvent> events = waitingPoll(swf, run).get(10, TimeUnit.SECONDS).events();
			HistoryEvent fired = run.last(events, EventType.TIMER_FIRED);
			HistoryEvent started = run.last(events, EventType.TIMER_STARTED);
			assertThat(fired.eventTimestamp()).isAfterOrEqualTo(started.eventTimestamp().plusSeconds(1));
		}
	}

	@Test
	void aDecisionTaskTimesOutAtItsVirtualMomentAndTheNextOneAnswersAWaitingPoll() throws Exception {
		WorkflowRun run = start(virtual, (request) -> request.taskStartToCloseTimeout("30"));
		PollForDecisionTaskResponse held = run.nextDecisionTask();
		Instant started = virtual.currentTime();
		CompletableFuture<PollForDecisionTaskResponse> poll = waitingPoll(virtual, run);
		virtual.advance(Duration.ofSeconds(30));
		List<HistoryEvent> events = poll.get(10, TimeUnit.SECONDS).events();
		HistoryEvent timedOut = run.last(events, EventType.DECISION_TASK_TIMED_OUT);
		assertThat(timedOut.eventTimestamp()).isEqualTo(started.plusSeconds(30));
		assertThat(timedOut.decisionTaskTimedOutEventAttributes().startedEventId())
			.isEqualTo(held.startedEventId());
		assertThat(run.last(events, EventType.DECISION_TASK_SCHEDULED).eventTimestamp())
			.isEqualTo(started.plusSeconds(30));
	}

	@Test
	void anExecutionTimesOutAtItsVirtualMoment() {
		Instant started = virtual.currentTime();
		WorkflowRun run = start(virtual, (request) -> request.executionStartToCloseTimeout("600"));
		virtual.advance(Duration.ofSeconds(600));
		HistoryEvent timedOut = run.last(run.history(), EventType.WORKFLOW_EXECUTION_TIMED_OUT);
		assertThat(timedOut.eventTimestamp()).isEqualTo(started.plusSeconds(600));
	}

	/**
	 * Starts a decision poll and returns once the endpoint has it, so that a task found later is
	 * handed to it by whatever scheduled the task, not by the poll itself.
	 */
	private static CompletableFuture<PollForDecisionTaskResponse> waitingPoll(EmbeddedSwf swf, WorkflowRun run) {
		long polls = swf.callCount("PollForDecisionTask");
		CompletableFuture<PollForDecisionTaskResponse> poll = swf.asyncClient()
			.pollForDecisionTask((request) -> request.domain(DOMAIN)
				.taskList((taskList) -> taskList.name(run.decisionTaskList)));
		await().atMost(Duration.ofSeconds(10)).until(() -> swf.callCount("PollForDecisionTask") > polls);
		return poll;
	}

	private static WorkflowRun start(EmbeddedSwf swf) {
		return start(swf, (request) -> {
		});
	}

	private static WorkflowRun start(EmbeddedSwf swf, Consumer<StartWorkflowExecutionRequest.Builder> options) {
		return WorkflowRun.start(ConformanceTarget.of(swf), DOMAIN, TYPE, options);
	}

	private static EmbeddedSwf prepare(EmbeddedSwf swf) {
		swf.registerDomain(DOMAIN);
		swf.syncClient().registerWorkflowType((request) -> request.domain(DOMAIN)
			.name(TYPE.name())
			.version(TYPE.version())
			.defaultTaskStartToCloseTimeout("NONE")
			.defaultExecutionStartToCloseTimeout("3600")
			.defaultChildPolicy("TERMINATE"));
		return swf;
	}

}
