package io.github.swfheartbeat.core;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ActivityTaskInfo}: what a polled task tells about itself.
 */
class ActivityTaskInfoTests {

	@Test
	void aPolledTaskNamesItsActivityAndWorkflow() {
		PollForActivityTaskResponse polled = PollForActivityTaskResponse.builder()
			.taskToken("token-1")
			.activityId("activity-7")
			.activityType(ActivityType.builder().name("transcode").version("2").build())
			.workflowExecution(WorkflowExecution.builder().workflowId("order-42").runId("run-9").build())
			.build();
		ActivityTaskInfo info = ActivityTaskInfo.of(polled, "orders");
		assertThat(info).isEqualTo(new ActivityTaskInfo("orders", "activity-7", "transcode", "2", "order-42", "run-9"));
		assertThat(info.hasActivityType()).isTrue();
		assertThat(info.activityType()).isEqualTo("transcode:2");
	}

	@Test
	void anIdlePollAnswerYieldsAnEmptyInfo() {
		ActivityTaskInfo info = ActivityTaskInfo.of(PollForActivityTaskResponse.builder().taskToken("").build(), null);
		assertThat(info).isEqualTo(ActivityTaskInfo.unknown());
		assertThat(info.hasActivityType()).isFalse();
		assertThat(info.activityType()).isNull();
	}

	@Test
	void aTypeNeedsBothNameAndVersion() {
		assertThat(new ActivityTaskInfo(null, null, "transcode", null, null, null).activityType()).isNull();
		assertThat(new ActivityTaskInfo(null, null, null, "1", null, null).hasActivityType()).isFalse();
	}

	@Test
	void aFallbackDomainFillsOnlyAMissingOne() {
		ActivityTaskInfo withoutDomain = new ActivityTaskInfo(null, "activity-7", "transcode", "2", "order-42", "run-9");
		assertThat(withoutDomain.withDomainIfAbsent("orders"))
			.isEqualTo(new ActivityTaskInfo("orders", "activity-7", "transcode", "2", "order-42", "run-9"));
		assertThat(withoutDomain.withDomainIfAbsent(null)).isSameAs(withoutDomain);
		ActivityTaskInfo withDomain = withoutDomain.withDomainIfAbsent("billing");
		assertThat(withDomain.withDomainIfAbsent("orders").domain()).isEqualTo("billing");
	}

}
