package io.github.swfheartbeat.test.conformance;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.ExecutionStatus;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;
import software.amazon.awssdk.services.swf.model.WorkflowType;

import io.github.swfheartbeat.test.EmbeddedSwf;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the embedded endpoint applies a parent's child policy where SWF's documentation is silent:
 * only when the parent is terminated or times out, with TerminateWorkflowExecution's
 * {@code childPolicy} overriding the execution's.
 */
class ChildPolicyChoicesTests {

	private static final String DOMAIN = "children";

	private static final WorkflowType TYPE = WorkflowType.builder().name("Flow").version("1").build();

	private static EmbeddedSwf swf;

	@BeforeAll
	static void start() {
		swf = EmbeddedSwf.builder().virtualTime().longPollTimeout(Duration.ofSeconds(1)).start();
		swf.registerDomain(DOMAIN);
		swf.syncClient().registerWorkflowType((request) -> request.domain(DOMAIN)
			.name(TYPE.name())
			.version(TYPE.version())
			.defaultTaskStartToCloseTimeout("NONE")
			.defaultExecutionStartToCloseTimeout("3600")
			.defaultChildPolicy("TERMINATE"));
	}

	@AfterAll
	static void stop() {
		swf.close();
	}

	@Test
	void aParentThatCompletesLeavesItsChildrenRunning() {
		WorkflowRun parent = WorkflowRun.start(ConformanceTarget.of(swf), DOMAIN, TYPE,
				(request) -> request.childPolicy(ChildPolicy.TERMINATE));
		WorkflowExecution child = startChild(parent);
		parent.decide(parent.nextDecisionTask(), WorkflowRun.complete("done"));
		WorkflowExecutionInfo info = info(child);
		assertThat(info.executionStatus()).isEqualTo(ExecutionStatus.OPEN);
		assertThat(info.cancelRequested()).isFalse();
	}

	@Test
	void terminateWorkflowExecutionsChildPolicyOverridesTheExecutions() {
		WorkflowRun parent = WorkflowRun.start(ConformanceTarget.of(swf), DOMAIN, TYPE,
				(request) -> request.childPolicy(ChildPolicy.TERMINATE));
		WorkflowExecution child = startChild(parent);
		swf.syncClient().terminateWorkflowExecution((request) -> request.domain(DOMAIN)
			.workflowId(parent.execution.workflowId())
			.childPolicy(ChildPolicy.REQUEST_CANCEL));
		WorkflowExecutionInfo info = info(child);
		assertThat(info.executionStatus()).isEqualTo(ExecutionStatus.OPEN);
		assertThat(info.cancelRequested()).isTrue();
	}

	private static WorkflowExecution startChild(WorkflowRun parent) {
		parent.decide(parent.nextDecisionTask(),
				WorkflowRun.startChild(TYPE, "child-" + UUID.randomUUID(), (attributes) -> {
				}));
		return parent.last(parent.history(), EventType.CHILD_WORKFLOW_EXECUTION_STARTED)
			.childWorkflowExecutionStartedEventAttributes()
			.workflowExecution();
	}

	private static WorkflowExecutionInfo info(WorkflowExecution execution) {
		return swf.syncClient()
			.describeWorkflowExecution((request) -> request.domain(DOMAIN).execution(execution))
			.executionInfo();
	}

}
