package io.github.swfheartbeat.sample.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.swfheartbeat.sample.config.SampleProperties;
import io.github.swfheartbeat.sample.embedded.TaskTimeOuts;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.sample.transcode.TranscodeState;
import io.github.swfheartbeat.sample.transcode.TranscodeView;
import io.github.swfheartbeat.sample.workflow.TranscodeJob;
import io.github.swfheartbeat.sample.workflow.TranscodeTypes;
import io.github.swfheartbeat.sample.workflow.TranscodeWorkflows;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ExecutionStatus;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The scripted scenario: starts {@code sample.scenario.completed} transcodes that run to their
 * end, one that is cancelled through SWF once it heartbeated, and one whose task the embedded
 * endpoint times out once it heartbeated; then waits until every workflow is closed.
 */
@Component
@ConditionalOnBooleanProperty("sample.demo")
public class DemoScenario {

	private static final Duration CHECK_INTERVAL = Duration.ofMillis(100);

	/** The cancelled and the lost transcode run longer, so that they are still running when hit. */
	private static final int LONG_RUNNING_FACTOR = 4;

	private final TranscodeWorkflows workflows;

	private final TranscodeRegistry registry;

	private final ObjectProvider<TaskTimeOuts> timeOuts;

	private final SwfClient swf;

	private final TranscodeTypes types;

	private final SampleProperties.Scenario settings;

	DemoScenario(TranscodeWorkflows workflows, TranscodeRegistry registry, ObjectProvider<TaskTimeOuts> timeOuts,
			SwfClient swf, TranscodeTypes types, SampleProperties properties) {
		this.workflows = workflows;
		this.registry = registry;
		this.timeOuts = timeOuts;
		this.swf = swf;
		this.types = types;
		this.settings = properties.getScenario();
	}

	/**
	 * Runs the scenario.
	 * @return the report
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if the application does not run on the embedded endpoint,
	 * which the lost task needs
	 */
	public DemoReport run() throws InterruptedException {
		TaskTimeOuts taskTimeOuts = this.timeOuts.getIfAvailable();
		if (taskTimeOuts == null) {
			throw new IllegalStateException("The demo needs the embedded SWF endpoint to lose a task: "
					+ "do not set sample.embedded-swf.enabled=false or the aws profile with sample.demo=true");
		}
		long deadline = System.nanoTime() + this.settings.getTimeout().toNanos();
		List<String> problems = new ArrayList<>();
		Map<String, TranscodeState> expected = new LinkedHashMap<>();
		for (int i = 1; i <= this.settings.getCompleted(); i++) {
			expected.put(start("video-" + i + ".mp4", 1), TranscodeState.COMPLETED);
		}
		String toCancel = start("cancel-me.mp4", LONG_RUNNING_FACTOR);
		expected.put(toCancel, TranscodeState.CANCELED);
		String toLose = start("lose-me.mp4", LONG_RUNNING_FACTOR);
		expected.put(toLose, TranscodeState.LOST);

		if (await(toCancel, DemoScenario::heartbeated, deadline) && !this.workflows.cancel(toCancel)) {
			problems.add(toCancel + " could not be cancelled");
		}
		if (await(toLose, DemoScenario::heartbeated, deadline) && !taskTimeOuts.timeOut(toLose)) {
			problems.add(toLose + " could not be timed out");
		}
		List<DemoOutcome> outcomes = new ArrayList<>();
		for (Map.Entry<String, TranscodeState> transcode : expected.entrySet()) {
			String id = transcode.getKey();
			await(id, (view) -> view.state().isFinished() && workflowCloseStatus(view) != null, deadline);
			DemoOutcome outcome = outcome(id, transcode.getValue());
			if (!outcome.asExpected()) {
				problems.add(id + " was meant to end " + outcome.expected() + " with a " + outcome.expectedCloseStatus()
						+ " workflow, but ended " + outcome.state() + " with its workflow "
						+ ((outcome.workflowCloseStatus() != null) ? outcome.workflowCloseStatus() : "still open")
						+ " after " + outcome.heartbeats() + " heartbeats");
			}
			outcomes.add(outcome);
		}
		if (System.nanoTime() - deadline > 0) {
			problems.add("The scenario did not finish within " + this.settings.getTimeout());
		}
		return new DemoReport(outcomes, problems);
	}

	private String start(String video, int lengthFactor) {
		return this.workflows
			.start(TranscodeJob.of(video, this.settings.getSteps() * lengthFactor, this.settings.getStepDuration()));
	}

	private static boolean heartbeated(TranscodeView view) {
		return view.state() == TranscodeState.RUNNING && view.heartbeatsSent() > 0;
	}

	private boolean await(String id, Predicate<TranscodeView> condition, long deadline) throws InterruptedException {
		while (System.nanoTime() - deadline < 0) {
			TranscodeView view = this.registry.view(id).orElseThrow();
			if (condition.test(view)) {
				return true;
			}
			Thread.sleep(CHECK_INTERVAL.toMillis());
		}
		return false;
	}

	private DemoOutcome outcome(String id, TranscodeState expected) {
		TranscodeView view = this.registry.view(id).orElseThrow();
		return new DemoOutcome(id, String.valueOf(view.runId()), view.video(), expected, view.state(),
				workflowCloseStatus(view), view.heartbeatsSent(), view.durationMillis(), view.cancellationLatencyMillis());
	}

	private @Nullable String workflowCloseStatus(TranscodeView view) {
		WorkflowExecutionInfo info = this.swf
			.describeWorkflowExecution((request) -> request.domain(this.types.domain())
				.execution((execution) -> execution.workflowId(view.id()).runId(view.runId())))
			.executionInfo();
		return (info.executionStatus() == ExecutionStatus.CLOSED) ? info.closeStatusAsString() : null;
	}

}
