package io.github.swfheartbeat.test.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.server.CallCounter;
import io.github.swfheartbeat.test.server.EmbeddedSwfServer;
import io.github.swfheartbeat.test.server.FaultPlan;
import io.github.swfheartbeat.test.server.ThrottlePolicy;

/**
 * A model served over real HTTP to the real SDK client, for tests that reach into the model's
 * package: its timer thread, its internal state.
 */
final class ModelOverHttp implements AutoCloseable {

	static final String DOMAIN = "model";

	static final String ACTIVITY_TYPE = "Work";

	final SwfModel model;

	final EmbeddedSwfServer server;

	/** Reports the first failure, so that tests see what the SDK would otherwise retry. */
	final SwfClient client;

	ModelOverHttp(Duration longPollTimeout) {
		this.model = new SwfModel(longPollTimeout);
		this.server = new EmbeddedSwfServer(this.model, new FaultPlan(), new ThrottlePolicy(false, Map.of()),
				new CallCounter());
		int port = this.server.start(0);
		this.client = SwfClient.builder()
			.endpointOverride(java.net.URI.create("http://127.0.0.1:" + port))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
			.overrideConfiguration((configuration) -> configuration.retryStrategy(RetryMode.STANDARD)
				.retryStrategy((strategy) -> strategy.maxAttempts(1)))
			.build();
		this.client.registerDomain((request) -> request.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
		this.client.registerActivityType((request) -> request.domain(DOMAIN)
			.name(ACTIVITY_TYPE)
			.version("1")
			.defaultTaskList((taskList) -> taskList.name("default"))
			.defaultTaskHeartbeatTimeout("NONE")
			.defaultTaskStartToCloseTimeout("NONE")
			.defaultTaskScheduleToStartTimeout("NONE")
			.defaultTaskScheduleToCloseTimeout("NONE"));
	}

	/**
	 * Schedules one activity task in an execution of its own.
	 * @param attributes the ScheduleActivityTask attributes besides type and id
	 * @return the execution's workflow id and run id
	 */
	String[] schedule(JsonObject attributes) {
		String workflowId = "workflow-" + UUID.randomUUID();
		attributes.put("activityType", new JsonObject().put("name", ACTIVITY_TYPE).put("version", "1"))
			.put("activityId", "a1");
		String runId = this.model.scheduleActivity(DOMAIN, workflowId, attributes);
		return new String[] { workflowId, runId };
	}

	/**
	 * Schedules and starts one activity task in an execution of its own.
	 * @return the task's token and its execution's ids
	 */
	String[] start(JsonObject attributes) {
		String[] execution = schedule(attributes);
		String token = this.model.startActivity(DOMAIN, execution[0], execution[1], "a1").string("taskToken");
		return new String[] { token, execution[0], execution[1] };
	}

	List<HistoryEvent> history(String workflowId, String runId) {
		List<HistoryEvent> events = new ArrayList<>();
		this.client
			.getWorkflowExecutionHistoryPaginator((request) -> request.domain(DOMAIN)
				.execution((execution) -> execution.workflowId(workflowId).runId(runId)))
			.forEach((page) -> events.addAll(page.events()));
		return events;
	}

	@Override
	public void close() {
		this.client.close();
		this.server.stop();
		this.model.shutdown();
	}

}
