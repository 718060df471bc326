package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.swf.SwfAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler thread under load over real HTTP: what the SDK does on the calling thread never
 * holds up other tasks.
 */
class HeartbeatEngineLoadTests {

	private static final Duration T = Duration.ofSeconds(4);

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension();

	private EmbeddedSwf swf;

	private EmbeddedSwfScenario scenario;

	private ColdSwfClients clients;

	private final RecordingListener listener = new RecordingListener();

	private final List<HeartbeatEngine> engines = new ArrayList<>();

	@BeforeEach
	void start() {
		this.swf = embedded.get();
		this.scenario = new EmbeddedSwfScenario(this.swf);
		this.clients = new ColdSwfClients(this.swf);
	}

	@AfterEach
	void stop() throws Exception {
		for (HeartbeatEngine engine : this.engines) {
			engine.shutdown(Duration.ZERO).get(10, TimeUnit.SECONDS);
		}
		this.clients.close();
	}

	@Test
	void aCredentialsProviderThatBlocksDelaysNoOtherTask() throws Exception {
		// Like an IMDS or STS refresh: one resolution takes 2 s, on whichever thread signs.
		AtomicBoolean block = new AtomicBoolean();
		AtomicReference<Instant> blockedFrom = new AtomicReference<>();
		AwsCredentialsProvider credentials = () -> {
			if (block.compareAndSet(true, false)) {
				blockedFrom.set(Instant.now());
				sleep(Duration.ofSeconds(2));
			}
			return ColdSwfClients.credentials().resolveCredentials();
		};
		SwfAsyncClient client = this.clients.async(credentials);
		// Warmed up: this test is about the scheduler thread under load, and a new client's first
		// seconds here would hide it; the other tests of this class use cold clients.
		StartedActivity warmUp = this.scenario.start(1, T).get(0);
		client.recordActivityTaskHeartbeat((request) -> request.taskToken(warmUp.taskToken())).get();
		HeartbeatEngine engine = engine(new SwfAsyncClientTransport(client));
		Duration timeout = Duration.ofSeconds(20);
		List<StartedActivity> tasks = this.scenario.start(1000, timeout);
		List<HeartbeatHandle> handles = tasks.stream()
			.map((task) -> engine.start(task.taskToken(), EmbeddedSwfScenario.options(task, timeout).withPolledAt(Instant.now())))
			.toList();
		// The first heartbeats are spread by the rate limit ahead of their deadlines.
		await().atMost(timeout).until(() -> this.listener.attempts.size() >= 100);
		block.set(true);
		await().atMost(timeout).until(() -> this.listener.attempts.size() >= 1000);
		assertThat(blockedFrom.get()).isNotNull();
		Instant blockEnd = blockedFrom.get().plusSeconds(2);
		assertThat(this.listener.attempts).filteredOn((attempt) -> attempt.completedAt().isAfter(blockedFrom.get())
				&& attempt.completedAt().isBefore(blockEnd))
			.as("heartbeats answered while one call was blocked")
			.hasSizeGreaterThan(100);
		assertThat(this.listener.attempts).extracting(HeartbeatAttempt::lateness)
			.allSatisfy((lateness) -> assertThat(lateness).isLessThan(Duration.ofMillis(500)));
		assertThat(this.listener.losses).isEmpty();
		assertThat(handles).noneMatch(HeartbeatHandle::isLost);
	}

	private HeartbeatEngine engine(HeartbeatTransport transport) {
		HeartbeatEngine engine = new HeartbeatEngine(transport, HeartbeatEngineSettings.defaults());
		engine.addListener(this.listener);
		this.engines.add(engine);
		return engine;
	}

	private static void sleep(Duration duration) {
		await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
	}

}
