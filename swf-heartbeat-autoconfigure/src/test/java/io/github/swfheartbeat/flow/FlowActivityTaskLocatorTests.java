package io.github.swfheartbeat.flow;

import java.lang.reflect.Method;
import java.util.concurrent.CancellationException;

import com.amazonaws.services.simpleworkflow.flow.ActivityExecutionContext;
import com.amazonaws.services.simpleworkflow.flow.annotations.Activities;
import com.amazonaws.services.simpleworkflow.flow.annotations.ActivityRegistrationOptions;
import com.amazonaws.services.simpleworkflow.flow.model.ActivityTask;
import com.amazonaws.services.simpleworkflow.flow.model.ActivityType;
import com.amazonaws.services.simpleworkflow.flow.model.WorkflowExecution;
import com.amazonaws.services.simpleworkflow.flow.worker.CurrentActivityExecutionContext;
import io.github.swfheartbeat.aspect.ActivityTaskReference;
import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.SwfClient;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlowActivityTaskLocator}.
 */
class FlowActivityTaskLocatorTests {

	private final FlowActivityTaskLocator locator = new FlowActivityTaskLocator();

	@AfterEach
	void unsetContext() {
		CurrentActivityExecutionContext.unset();
	}

	@Test
	void supportsMethodsOfActivitiesInterfaces() {
		assertThat(this.locator.supports(method(TranscodeActivitiesImpl.class, "transcode"), TranscodeActivitiesImpl.class))
			.isTrue();
		assertThat(this.locator.supports(method(TranscodeActivitiesImpl.class, "helper"), TranscodeActivitiesImpl.class))
			.isFalse();
		assertThat(this.locator.supports(method(Plain.class, "transcode"), Plain.class)).isFalse();
	}

	@Test
	void findsNothingOutsideAFlowActivity() {
		assertThat(this.locator.locate()).isNull();
	}

	@Test
	void findsTheTaskOfTheCurrentActivityExecution() {
		ActivityTask task = ActivityTask.builder()
			.taskToken("flow-token")
			.activityId("activity-1")
			.activityType(ActivityType.builder().name("TranscodeActivities.transcode").version("1.0").build())
			.workflowExecution(WorkflowExecution.builder().workflowId("wf").runId("run").build())
			.build();
		CurrentActivityExecutionContext.set(new TestContext(task));
		ActivityTaskReference reference = this.locator.locate();
		assertThat(reference.taskToken()).isEqualTo("flow-token");
		assertThat(reference.activityTask().domain()).isEqualTo("orders");
		assertThat(reference.activityTask().activityId()).isEqualTo("activity-1");
		assertThat(reference.activityTask().activityType()).isEqualTo("TranscodeActivities.transcode:1.0");
		assertThat(reference.activityTask().workflowId()).isEqualTo("wf");
		assertThat(reference.activityTask().runId()).isEqualTo("run");
	}

	@Test
	void cancellationBecomesTheExceptionFlowRespondsCanceledFor() {
		ActivityCancellationRequestedException cancellation = new ActivityCancellationRequestedException("tt-1", null);
		Throwable translated = this.locator.translateCancellation(cancellation);
		assertThat(translated).isInstanceOf(CancellationException.class).hasCause(cancellation);
		CancellationException flowOwn = new CancellationException();
		assertThat(this.locator.translateCancellation(flowOwn)).isSameAs(flowOwn);
		assertThat(this.locator.respondsCanceled()).isTrue();
	}

	private static Method method(Class<?> type, String name) {
		return ReflectionUtils.findMethod(type, name, String.class);
	}

	@Activities(version = "1.0")
	@ActivityRegistrationOptions(defaultTaskScheduleToStartTimeoutSeconds = 60,
			defaultTaskStartToCloseTimeoutSeconds = 60)
	interface TranscodeActivities {

		String transcode(String input);

	}

	static class TranscodeActivitiesImpl implements TranscodeActivities {

		@Override
		public String transcode(String input) {
			return input;
		}

		public String helper(String input) {
			return input;
		}

	}

	static class Plain {

		public String transcode(String input) {
			return input;
		}

	}

	static class TestContext extends ActivityExecutionContext {

		TestContext(ActivityTask task) {
			super(task);
		}

		@Override
		public void recordActivityHeartbeat(String details) {
		}

		@Override
		public SwfClient getService() {
			throw new UnsupportedOperationException();
		}

		@Override
		public String getDomain() {
			return "orders";
		}

	}

}
