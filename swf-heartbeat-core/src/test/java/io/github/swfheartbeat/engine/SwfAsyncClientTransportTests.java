package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfAsyncClientBuilder;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatRequest;
import software.amazon.awssdk.services.swf.model.SwfException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The heartbeat client {@link SwfAsyncClientTransport#withHeartbeatClient} builds, over real HTTP
 * against the embedded endpoint: retries off for the client so that no heartbeat carries a
 * per-request plugin, answers on the HTTP client's threads, one timer thread, other calls over
 * the client it was given.
 */
class SwfAsyncClientTransportTests {

	private static final String HEARTBEAT = "RecordActivityTaskHeartbeat";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension();

	private final RecordingInterceptor heartbeatRequests = new RecordingInterceptor();

	private EmbeddedSwf swf;

	private StartedActivity task;

	private SwfAsyncClientTransport transport;

	@BeforeEach
	void start() {
		this.swf = embedded.get();
		this.task = new EmbeddedSwfScenario(this.swf).start(Duration.ofSeconds(60));
		this.transport = SwfAsyncClientTransport.withHeartbeatClient(this.swf.asyncClient(),
				builder(this.heartbeatRequests));
	}

	@AfterEach
	void stop() {
		this.transport.close();
	}

	@Test
	void heartbeatsCarryNoPerRequestPluginOnAClientWithoutRetries() throws Exception {
		assertThat(this.transport.heartbeatClient().serviceClientConfiguration().overrideConfiguration().retryStrategy())
			.hasValueSatisfying((strategy) -> assertThat(strategy.maxAttempts()).isEqualTo(1));
		assertThat(this.transport.recordHeartbeat(this.task.taskToken(), "10%", TIMEOUT).get(5, TimeUnit.SECONDS))
			.isFalse();
		assertThat(this.heartbeatRequests.requests).singleElement().satisfies((request) -> {
			RecordActivityTaskHeartbeatRequest heartbeat = (RecordActivityTaskHeartbeatRequest) request;
			assertThat(heartbeat.details()).isEqualTo("10%");
			assertThat(heartbeat.overrideConfiguration()).hasValueSatisfying((override) -> {
				assertThat(override.apiCallTimeout()).contains(TIMEOUT);
				assertThat(override.plugins()).as("a plugin makes the SDK rebuild its configuration per call")
					.isEmpty();
			});
		});
	}

	@Test
	void aServerErrorIsNotRetriedByTheSdk() {
		long callsBefore = this.swf.callCount(HEARTBEAT);
		this.swf.faults().failNext(HEARTBEAT, 1, 500);
		CompletableFuture<Boolean> call = this.transport.recordHeartbeat(this.task.taskToken(), null, TIMEOUT);
		assertThat(call).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(SwfException.class);
		assertThat(this.swf.callCount(HEARTBEAT) - callsBefore).isEqualTo(1);
	}

	@Test
	void answersAreHandledOnTheHttpClientsThreadsAndCallsTimedByOneThread() throws Exception {
		// The answer comes late enough for the stage below to be attached before it.
		this.swf.faults().latency(HEARTBEAT, Duration.ofMillis(300));
		CompletableFuture<String> thread = this.transport.recordHeartbeat(this.task.taskToken(), null, TIMEOUT)
			.thenApply((cancelRequested) -> Thread.currentThread().getName());
		assertThat(thread.get(5, TimeUnit.SECONDS)).as("no pool of sdk-async-response threads")
			.startsWith("aws-java-sdk-NettyEventLoop");
		assertThat(liveThreadNames()).contains(SwfAsyncClientTransport.CALL_TIMER_THREAD)
			.noneMatch((name) -> name.startsWith("sdk-ScheduledExecutor"));
	}

	@Test
	void otherCallsGoOverTheClientGiven() throws Exception {
		RecordingInterceptor otherRequests = new RecordingInterceptor();
		try (SwfAsyncClient client = builder(otherRequests).build();
				SwfAsyncClientTransport split = SwfAsyncClientTransport.withHeartbeatClient(client,
						builder(this.heartbeatRequests))) {
			split.describeTimeouts(EmbeddedSwfScenario.DOMAIN, "Work60s", "1", TIMEOUT).get(5, TimeUnit.SECONDS);
			split.recordHeartbeat(this.task.taskToken(), null, TIMEOUT).get(5, TimeUnit.SECONDS);
			// Which client carries it is what counts here, not whether SWF takes it.
			split.respondCanceled(this.task.taskToken(), null).handle((ignored, failure) -> null).get(5, TimeUnit.SECONDS);
			assertThat(otherRequests.operations()).containsExactly("DescribeActivityTypeRequest",
					"RespondActivityTaskCanceledRequest");
			assertThat(this.heartbeatRequests.operations()).containsExactly("RecordActivityTaskHeartbeatRequest");
		}
	}

	@Test
	void closingTheTransportClosesTheHeartbeatClientAndItsTimer() throws Exception {
		this.transport.recordHeartbeat(this.task.taskToken(), null, TIMEOUT).get(5, TimeUnit.SECONDS);
		this.transport.close();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !liveThreadNames().contains(SwfAsyncClientTransport.CALL_TIMER_THREAD));
	}

	private SwfAsyncClientBuilder builder(ExecutionInterceptor interceptor) {
		return SwfAsyncClient.builder()
			.endpointOverride(this.swf.endpoint())
			.region(Region.of(EmbeddedSwf.REGION))
			.credentialsProvider(ColdSwfClients.credentials())
			.httpClientBuilder(NettyNioAsyncHttpClient.builder())
			.overrideConfiguration((config) -> config.addExecutionInterceptor(interceptor));
	}

	private static Set<String> liveThreadNames() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
	}

	private static final class RecordingInterceptor implements ExecutionInterceptor {

		final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
			this.requests.add(context.request());
		}

		List<String> operations() {
			return this.requests.stream().map((request) -> request.getClass().getSimpleName()).toList();
		}

	}

}
