package io.github.swfheartbeat.sample.workflow;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Starts transcode workflows and asks SWF to cancel them. Cancelling goes through SWF, as a real
 * workflow's would: RequestCancelWorkflowExecution records WorkflowExecutionCancelRequested, the
 * decider answers with RequestCancelActivityTask, and the running activity learns of it from its
 * next heartbeat.
 */
@Component
public class TranscodeWorkflows {

	private static final Logger logger = LoggerFactory.getLogger(TranscodeWorkflows.class);

	private final SwfClient swf;

	private final TranscodeTypes types;

	private final TranscodeRegistry registry;

	private final JsonMapper json;

	TranscodeWorkflows(SwfClient swf, TranscodeTypes types, TranscodeRegistry registry, JsonMapper json) {
		this.swf = swf;
		this.types = types;
		this.registry = registry;
		this.json = json;
	}

	/**
	 * Starts a transcode workflow.
	 * @param job what to transcode
	 * @return the transcode's id, its workflow id
	 */
	public String start(TranscodeJob job) {
		String workflowId = "transcode-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		String runId = this.swf
			.startWorkflowExecution((request) -> request.domain(this.types.domain())
				.workflowId(workflowId)
				.workflowType(this.types.workflowType())
				.taskList(this.types.taskList())
				.input(this.json.writeValueAsString(job)))
			.runId();
		this.registry.scheduled(workflowId, runId, job.video());
		logger.info("Started transcode {} of {} in {} steps", workflowId, job.video(), job.steps());
		return workflowId;
	}

	/**
	 * Asks SWF to cancel a transcode's workflow execution.
	 * @param id the transcode's id
	 * @return whether the request reached SWF; false if the transcode is unknown or finished
	 */
	public boolean cancel(String id) {
		if (!this.registry.cancelRequested(id)) {
			return false;
		}
		try {
			this.swf.requestCancelWorkflowExecution((request) -> request.domain(this.types.domain()).workflowId(id));
			logger.info("Requested cancellation of transcode {}", id);
			return true;
		}
		catch (UnknownResourceException ex) {
			// The execution closed in the meantime.
			return false;
		}
	}

	/**
	 * Reads a job from a workflow's or an activity's input.
	 * @param input the input
	 * @return the job
	 */
	public TranscodeJob readJob(String input) {
		return this.json.readValue(input, TranscodeJob.class);
	}

}
