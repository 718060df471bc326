package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;
import software.amazon.awssdk.services.swf.model.DescribeActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.DescribeActivityTypeResponse;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatRequest;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatResponse;
import software.amazon.awssdk.services.swf.model.RespondActivityTaskCanceledRequest;
import software.amazon.awssdk.services.swf.model.RespondActivityTaskCanceledResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How both transports turn the engine's calls into SWF requests and answers back, against
 * hand-written clients that record the requests. That heartbeats really reach SWF over HTTP is
 * shown by the integration tests against the embedded endpoint.
 */
class SwfTransportRequestTests {

	private static final Duration TIMEOUT = Duration.ofMillis(1500);

	@Test
	void blockingTransportSendsTokenDetailsAndTimeoutWithoutSdkRetries() throws Exception {
		RecordingSyncClient client = new RecordingSyncClient();
		try (SwfClientTransport transport = new SwfClientTransport(client, 1)) {
			client.cancelRequested = true;
			assertThat(transport.recordHeartbeat("token-1", "50%", TIMEOUT).get(5, TimeUnit.SECONDS)).isTrue();
			client.cancelRequested = false;
			assertThat(transport.recordHeartbeat("token-1", null, TIMEOUT).get(5, TimeUnit.SECONDS)).isFalse();
		}
		assertThat(client.heartbeats).hasSize(2);
		assertHeartbeatRequest(client.heartbeats.get(0), "50%", true);
		assertThat(client.heartbeats.get(1).details()).isNull();
	}

	@Test
	void blockingTransportCallsOnADaemonThreadOfItsOwn() throws Exception {
		RecordingSyncClient client = new RecordingSyncClient();
		try (SwfClientTransport transport = new SwfClientTransport(client, 1)) {
			// Pool threads would inherit the daemon flag of the thread that starts them: start them
			// from an application thread, which is not a daemon.
			Thread caller = new Thread(() -> transport.recordHeartbeat("token-1", null, TIMEOUT).join());
			caller.setDaemon(false);
			caller.start();
			caller.join(5_000);
		}
		assertThat(client.threadName).startsWith("swf-heartbeat-sync-");
		assertThat(client.daemon).as("a daemon thread never keeps the JVM alive").isTrue();
	}

	@Test
	void blockingTransportReadsTheTypesDefaultHeartbeatTimeout() throws Exception {
		RecordingSyncClient client = new RecordingSyncClient();
		try (SwfClientTransport transport = new SwfClientTransport(client, 2)) {
			client.defaultHeartbeatTimeout = "45";
			assertThat(transport.describeHeartbeatTimeout("orders", "transcode", "1").get(5, TimeUnit.SECONDS))
				.contains(Duration.ofSeconds(45));
			client.defaultHeartbeatTimeout = "NONE";
			assertThat(transport.describeHeartbeatTimeout("orders", "transcode", "1").get(5, TimeUnit.SECONDS)).isEmpty();
		}
		assertDescribeRequest(client.describes.get(0));
	}

	@Test
	void blockingTransportRespondsCanceledWithTheDetails() throws Exception {
		RecordingSyncClient client = new RecordingSyncClient();
		try (SwfClientTransport transport = new SwfClientTransport(client, 1)) {
			assertThat(transport.respondCanceled("token-1", "stopped at 40%").get(5, TimeUnit.SECONDS)).isNull();
		}
		assertThat(client.canceled).singleElement().satisfies((request) -> {
			assertThat(request.taskToken()).isEqualTo("token-1");
			assertThat(request.details()).isEqualTo("stopped at 40%");
		});
	}

	@Test
	void blockingTransportFailsWithTheClientsError() {
		RecordingSyncClient client = new RecordingSyncClient();
		client.failure = (RuntimeException) ScriptedTransport.unknownResource();
		try (SwfClientTransport transport = new SwfClientTransport(client, 1)) {
			CompletableFuture<Boolean> call = transport.recordHeartbeat("token-1", null, TIMEOUT);
			assertThat(call).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.withCauseInstanceOf(software.amazon.awssdk.services.swf.model.UnknownResourceException.class);
			assertThat(FailureKind.of(call.handle((value, error) -> error).join())).isEqualTo(FailureKind.TASK_LOST);
		}
	}

	@Test
	void aClosedBlockingTransportFailsCallsAtOnce() {
		RecordingSyncClient client = new RecordingSyncClient();
		SwfClientTransport transport = new SwfClientTransport(client, 1);
		transport.close();
		CompletableFuture<Boolean> call = transport.recordHeartbeat("token-1", null, TIMEOUT);
		assertThat(call).isCompletedExceptionally();
		assertThat(FailureKind.of(call.handle((value, error) -> error).join())).isEqualTo(FailureKind.RETRYABLE);
		assertThat(client.heartbeats).isEmpty();
	}

	@Test
	void asyncTransportSendsTokenDetailsAndTimeoutWithoutSdkRetries() throws Exception {
		RecordingAsyncClient client = new RecordingAsyncClient();
		SwfAsyncClientTransport transport = new SwfAsyncClientTransport(client);
		client.cancelRequested = true;
		assertThat(transport.recordHeartbeat("token-1", "50%", TIMEOUT).get(5, TimeUnit.SECONDS)).isTrue();
		client.cancelRequested = false;
		assertThat(transport.recordHeartbeat("token-1", "60%", TIMEOUT).get(5, TimeUnit.SECONDS)).isFalse();
		assertHeartbeatRequest(client.heartbeats.get(0), "50%", false);
	}

	@Test
	void asyncTransportReadsTheTypesDefaultHeartbeatTimeout() throws Exception {
		RecordingAsyncClient client = new RecordingAsyncClient();
		SwfAsyncClientTransport transport = new SwfAsyncClientTransport(client);
		client.defaultHeartbeatTimeout = "45";
		assertThat(transport.describeHeartbeatTimeout("orders", "transcode", "1").get(5, TimeUnit.SECONDS))
			.contains(Duration.ofSeconds(45));
		assertDescribeRequest(client.describes.get(0));
	}

	@Test
	void asyncTransportRespondsCanceledWithTheDetails() throws Exception {
		RecordingAsyncClient client = new RecordingAsyncClient();
		SwfAsyncClientTransport transport = new SwfAsyncClientTransport(client);
		CompletableFuture<Void> answer = transport.respondCanceled("token-1", "stopped");
		assertThat(answer).isNotNull();
		assertThat(answer.get(5, TimeUnit.SECONDS)).isNull();
		assertThat(client.canceled).singleElement()
			.satisfies((request) -> assertThat(request.details()).isEqualTo("stopped"));
	}

	/**
	 * Checks a heartbeat request. The blocking transport takes the time the call waited for a
	 * thread off its timeout, so its timeout may be a little shorter, never longer.
	 */
	private static void assertHeartbeatRequest(RecordActivityTaskHeartbeatRequest request, String details,
			boolean queued) {
		assertThat(request.taskToken()).isEqualTo("token-1");
		assertThat(request.details()).isEqualTo(details);
		AwsRequestOverrideConfiguration override = request.overrideConfiguration().orElseThrow();
		if (queued) {
			assertThat(override.apiCallTimeout()).hasValueSatisfying((timeout) -> assertThat(timeout)
				.isLessThanOrEqualTo(TIMEOUT)
				.isGreaterThan(TIMEOUT.minusMillis(500)));
		}
		else {
			assertThat(override.apiCallTimeout()).contains(TIMEOUT);
		}
		assertThat(override.plugins()).containsExactly(SwfAsyncClientTransport.NO_SDK_RETRIES);
	}

	private static void assertDescribeRequest(DescribeActivityTypeRequest request) {
		assertThat(request.domain()).isEqualTo("orders");
		assertThat(request.activityType().name()).isEqualTo("transcode");
		assertThat(request.activityType().version()).isEqualTo("1");
	}

	private static DescribeActivityTypeResponse describeResponse(String timeout) {
		return DescribeActivityTypeResponse.builder()
			.configuration(ActivityTypeConfiguration.builder().defaultTaskHeartbeatTimeout(timeout).build())
			.build();
	}

	private static final class RecordingSyncClient implements SwfClient {

		final List<RecordActivityTaskHeartbeatRequest> heartbeats = new ArrayList<>();

		final List<DescribeActivityTypeRequest> describes = new ArrayList<>();

		final List<RespondActivityTaskCanceledRequest> canceled = new ArrayList<>();

		volatile boolean cancelRequested;

		volatile String defaultHeartbeatTimeout = "NONE";

		volatile RuntimeException failure;

		volatile String threadName;

		volatile boolean daemon;

		@Override
		public synchronized RecordActivityTaskHeartbeatResponse recordActivityTaskHeartbeat(
				RecordActivityTaskHeartbeatRequest request) {
			this.threadName = Thread.currentThread().getName();
			this.daemon = Thread.currentThread().isDaemon();
			this.heartbeats.add(request);
			if (this.failure != null) {
				throw this.failure;
			}
			return RecordActivityTaskHeartbeatResponse.builder().cancelRequested(this.cancelRequested).build();
		}

		@Override
		public synchronized DescribeActivityTypeResponse describeActivityType(DescribeActivityTypeRequest request) {
			this.describes.add(request);
			return describeResponse(this.defaultHeartbeatTimeout);
		}

		@Override
		public synchronized RespondActivityTaskCanceledResponse respondActivityTaskCanceled(
				RespondActivityTaskCanceledRequest request) {
			this.canceled.add(request);
			return RespondActivityTaskCanceledResponse.builder().build();
		}

		@Override
		public String serviceName() {
			return "swf";
		}

		@Override
		public void close() {
		}

	}

	private static final class RecordingAsyncClient implements SwfAsyncClient {

		final List<RecordActivityTaskHeartbeatRequest> heartbeats = new ArrayList<>();

		final List<DescribeActivityTypeRequest> describes = new ArrayList<>();

		final List<RespondActivityTaskCanceledRequest> canceled = new ArrayList<>();

		volatile boolean cancelRequested;

		volatile String defaultHeartbeatTimeout = "NONE";

		@Override
		public synchronized CompletableFuture<RecordActivityTaskHeartbeatResponse> recordActivityTaskHeartbeat(
				RecordActivityTaskHeartbeatRequest request) {
			this.heartbeats.add(request);
			return CompletableFuture
				.completedFuture(RecordActivityTaskHeartbeatResponse.builder().cancelRequested(this.cancelRequested).build());
		}

		@Override
		public synchronized CompletableFuture<DescribeActivityTypeResponse> describeActivityType(
				DescribeActivityTypeRequest request) {
			this.describes.add(request);
			return CompletableFuture.completedFuture(describeResponse(this.defaultHeartbeatTimeout));
		}

		@Override
		public synchronized CompletableFuture<RespondActivityTaskCanceledResponse> respondActivityTaskCanceled(
				RespondActivityTaskCanceledRequest request) {
			this.canceled.add(request);
			return CompletableFuture.completedFuture(RespondActivityTaskCanceledResponse.builder().build());
		}

		@Override
		public String serviceName() {
			return "swf";
		}

		@Override
		public void close() {
		}

	}

}
