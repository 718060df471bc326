package io.github.swfheartbeat.test.server;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.SwfException;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.SwfModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SWF's heartbeat quota per workflow execution, through the real SDK client over HTTP, with SWF's
 * quotas on. The buckets' clock stands still, so no token returns while the test runs.
 */
class WorkflowHeartbeatQuotaTests {

	private static final String DOMAIN = "quota";

	private SwfModel model;

	private EmbeddedSwfServer server;

	private SwfClient client;

	@BeforeEach
	void start() {
		this.model = new SwfModel(Duration.ofSeconds(1));
		long frozen = System.nanoTime();
		this.server = new EmbeddedSwfServer(this.model, new FaultPlan(), new ThrottlePolicy(true, Map.of(), () -> frozen),
				new CallCounter());
		int port = this.server.start(0);
		this.client = SwfClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + port))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
			.overrideConfiguration((configuration) -> configuration.retryStrategy(RetryMode.STANDARD)
				.retryStrategy((strategy) -> strategy.maxAttempts(1)))
			.build();
		this.client.registerDomain((request) -> request.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
		this.client.registerActivityType((request) -> request.domain(DOMAIN)
			.name("Work")
			.version("1")
			.defaultTaskList((taskList) -> taskList.name("default"))
			.defaultTaskHeartbeatTimeout("NONE")
			.defaultTaskStartToCloseTimeout("NONE")
			.defaultTaskScheduleToStartTimeout("NONE")
			.defaultTaskScheduleToCloseTimeout("NONE"));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.stop();
		this.model.shutdown();
	}

	@Test
	void aWorkflowExecutionGetsAThousandHeartbeatsOutOfTheAccountsTwoThousand() {
		String busy = startTask();
		String other = startTask();
		for (int i = 0; i < 1000; i++) {
			this.client.recordActivityTaskHeartbeat((request) -> request.taskToken(busy));
		}
		assertThatExceptionOfType(SwfException.class)
			.isThrownBy(() -> this.client.recordActivityTaskHeartbeat((request) -> request.taskToken(busy)))
			.satisfies((ex) -> assertThat(ex.isThrottlingException()).isTrue());
		// The account's bucket of 2,000 has tokens left for another execution's tasks.
		assertThat(this.client.recordActivityTaskHeartbeat((request) -> request.taskToken(other)).cancelRequested())
			.isFalse();
	}

	private String startTask() {
		String workflowId = "workflow-" + UUID.randomUUID();
		String runId = this.model.scheduleActivity(DOMAIN, workflowId,
				new JsonObject().put("activityType", new JsonObject().put("name", "Work").put("version", "1"))
					.put("activityId", "a1"));
		return this.model.startActivity(DOMAIN, workflowId, runId, "a1").string("taskToken");
	}

}
