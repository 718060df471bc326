package io.github.swfheartbeat.test;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatResponse;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link EmbeddedSwf}'s helpers and inspection, through the real SDK client.
 */
class EmbeddedSwfTests {

	private static final String DOMAIN = "helpers";

	private static EmbeddedSwf swf;

	@BeforeAll
	static void start() {
		swf = EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)).start();
		swf.registerDomain(DOMAIN);
		swf.registerDomain(DOMAIN);
		swf.registerActivityType(DOMAIN, "Work", "1", Duration.ofSeconds(30));
		swf.registerActivityType(DOMAIN, "Work", "1", Duration.ofSeconds(30));
	}

	@AfterAll
	static void stop() {
		swf.close();
		swf.close();
	}

	@Test
	void endpointDescribesItself() {
		assertThat(swf.endpoint().toString()).isEqualTo("http://127.0.0.1:" + swf.port());
		assertThat(swf.region()).isEqualTo("us-east-1");
		assertThat(swf.syncClient()).isSameAs(swf.syncClient());
		assertThat(swf.asyncClient()).isSameAs(swf.asyncClient());
	}

	@Test
	void startActivityGivesALiveTaskToken() {
		StartedActivity started = swf.startActivity(ActivitySpec.builder(DOMAIN, "Work", "1").input("in").build());
		assertThat(started.task().activityId()).isEqualTo(started.scheduled().activityId());
		assertThat(started.task().input()).isEqualTo("in");
		RecordActivityTaskHeartbeatResponse response = swf.syncClient()
			.recordActivityTaskHeartbeat((request) -> request.taskToken(started.taskToken()).details("50%"));
		assertThat(response.cancelRequested()).isFalse();
		ActivityTaskView view = swf.activityTask(started.taskToken());
		assertThat(view.state()).isEqualTo(ActivityTaskState.OPEN);
		assertThat(view.heartbeatCount()).isEqualTo(1);
		assertThat(view.lastDetails()).isEqualTo("50%");
		assertThat(view.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(swf.callCount("RecordActivityTaskHeartbeat")).isPositive();
	}

	@Test
	void taskTokensAreAsLongAndOpaqueAsSwfs() {
		SwfClient client = swf.syncClient();
		String first = swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1")).taskToken();
		String second = swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1")).taskToken();
		client.registerWorkflowType((request) -> request.domain(DOMAIN)
			.name("Tokens")
			.version("1")
			.defaultChildPolicy("TERMINATE")
			.defaultExecutionStartToCloseTimeout("600")
			.defaultTaskStartToCloseTimeout("NONE"));
		client.startWorkflowExecution((request) -> request.domain(DOMAIN)
			.workflowId("tokens")
			.workflowType((type) -> type.name("Tokens").version("1"))
			.taskList((list) -> list.name("tokens")));
		String decision = client.pollForDecisionTask((request) -> request.domain(DOMAIN).taskList((list) -> list.name("tokens")))
			.taskToken();
		for (String token : List.of(first, second, decision)) {
			// SWF's tokens run to several hundred characters, within the API's 1,024.
			assertThat(token).hasSizeBetween(500, 1024).matches("[A-Za-z0-9_-]+");
		}
		assertThat(first).isNotEqualTo(second);
		assertThat(commonPrefixLength(first, second)).isLessThan(8);
	}

	private static int commonPrefixLength(String one, String other) {
		int length = 0;
		while (length < Math.min(one.length(), other.length()) && one.charAt(length) == other.charAt(length)) {
			length++;
		}
		return length;
	}

	@Test
	void scheduledActivityHistoryReadsAsSwfWritesIt() {
		ScheduledActivity scheduled = swf.scheduleActivity(ActivitySpec.builder(DOMAIN, "Work", "1")
			.taskList("other")
			.heartbeatTimeout(Duration.ofSeconds(5))
			.build());
		assertThat(scheduled.taskList()).isEqualTo("other");
		List<HistoryEvent> history = swf.history(scheduled);
		assertThat(history).extracting(HistoryEvent::eventType)
			.containsExactly(EventType.WORKFLOW_EXECUTION_STARTED, EventType.DECISION_TASK_SCHEDULED,
					EventType.DECISION_TASK_STARTED, EventType.DECISION_TASK_COMPLETED,
					EventType.ACTIVITY_TASK_SCHEDULED);
		var attributes = history.get(4).activityTaskScheduledEventAttributes();
		assertThat(attributes.heartbeatTimeout()).isEqualTo("5");
		assertThat(attributes.startToCloseTimeout()).isEqualTo("NONE");
		assertThat(attributes.decisionTaskCompletedEventId()).isEqualTo(4);
		assertThat(swf.activityTask(scheduled).started()).isFalse();
	}

	@Test
	void requestCancelIsSeenByTheNextHeartbeat() {
		StartedActivity started = swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1"));
		swf.requestCancel(started.scheduled());
		assertThat(swf.syncClient()
			.recordActivityTaskHeartbeat((request) -> request.taskToken(started.taskToken()))
			.cancelRequested()).isTrue();
		assertThat(swf.activityTask(started.taskToken()).cancelRequested()).isTrue();
		swf.syncClient().respondActivityTaskCanceled((request) -> request.taskToken(started.taskToken()));
		assertThat(swf.activityTask(started.taskToken()).state()).isEqualTo(ActivityTaskState.CANCELED);
	}

	@Test
	void requestCancelOfAScheduledTaskCancelsItAtOnce() {
		ScheduledActivity scheduled = swf.scheduleActivity(ActivitySpec.of(DOMAIN, "Work", "1"));
		swf.requestCancel(scheduled);
		assertThat(swf.activityTask(scheduled).state()).isEqualTo(ActivityTaskState.CANCELED);
		assertThat(swf.history(scheduled)).extracting(HistoryEvent::eventType)
			.contains(EventType.ACTIVITY_TASK_CANCEL_REQUESTED, EventType.ACTIVITY_TASK_CANCELED);
	}

	@Test
	void timeOutLosesTheTask() {
		StartedActivity started = swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1"));
		SwfClient client = swf.syncClient();
		client.recordActivityTaskHeartbeat((request) -> request.taskToken(started.taskToken()).details("last"));
		swf.timeOut(started.taskToken());
		ActivityTaskView view = swf.activityTask(started.taskToken());
		assertThat(view.state()).isEqualTo(ActivityTaskState.TIMED_OUT);
		assertThat(view.timeoutType()).isEqualTo(ActivityTaskTimeoutType.HEARTBEAT);
		assertThatExceptionOfType(UnknownResourceException.class)
			.isThrownBy(() -> client.recordActivityTaskHeartbeat((request) -> request.taskToken(started.taskToken())));
		HistoryEvent timedOut = swf.history(started.scheduled()).stream()
			.filter((event) -> event.eventType() == EventType.ACTIVITY_TASK_TIMED_OUT)
			.findFirst()
			.orElseThrow();
		assertThat(timedOut.activityTaskTimedOutEventAttributes().details()).isEqualTo("last");
		assertThatIllegalStateException().isThrownBy(() -> swf.timeOut(started.taskToken()));
	}

	@Test
	void scheduleOfUnknownTypeFails() {
		assertThatIllegalStateException()
			.isThrownBy(() -> swf.scheduleActivity(ActivitySpec.of(DOMAIN, "Unknown", "1")))
			.withMessageContaining("ACTIVITY_TYPE_DOES_NOT_EXIST");
	}

	@Test
	void openActivityTaskCountFollowsTasks() {
		int before = swf.openActivityTaskCount();
		StartedActivity started = swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1"));
		assertThat(swf.openActivityTaskCount()).isEqualTo(before + 1);
		swf.syncClient().respondActivityTaskCompleted((request) -> request.taskToken(started.taskToken()));
		assertThat(swf.openActivityTaskCount()).isEqualTo(before);
	}

}
