package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.github.swfheartbeat.core.HeartbeatException;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking-client transport over real HTTP: time a call waits for a thread counts against its
 * timeout, and a call left with no time is not sent.
 */
class SwfClientTransportTests {

	private static final String HEARTBEAT = "RecordActivityTaskHeartbeat";

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension();

	@Test
	void timeSpentQueuedCountsAgainstTheCallAndALateCallIsNotSent() throws Exception {
		EmbeddedSwf swf = embedded.get();
		EmbeddedSwfScenario scenario = new EmbeddedSwfScenario(swf);
		StartedActivity first = scenario.start(Duration.ofSeconds(30));
		StartedActivity second = scenario.start(Duration.ofSeconds(30));
		StartedActivity third = scenario.start(Duration.ofSeconds(30));
		try (ColdSwfClients clients = new ColdSwfClients(swf);
				SwfClientTransport transport = new SwfClientTransport(clients.sync(), 1)) {
			// Warm: this test is about queueing, not a new client's first call.
			transport.recordHeartbeat(first.taskToken(), null, Duration.ofSeconds(10)).get();
			swf.resetCallCounts();
			swf.faults().latency(HEARTBEAT, Duration.ofMillis(1000));
			Duration timeout = Duration.ofMillis(1500);
			CompletableFuture<Boolean> one = transport.recordHeartbeat(first.taskToken(), null, timeout);
			CompletableFuture<Boolean> two = transport.recordHeartbeat(second.taskToken(), null, timeout);
			CompletableFuture<Boolean> three = transport.recordHeartbeat(third.taskToken(), null, timeout);
			assertThat(one.get()).isFalse();
			// Queued 1 s behind the first call, it had 0.5 s left: not enough for a 1 s answer.
			assertThat(two).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.withMessageContaining("ApiCallTimeout");
			// Queued until its whole timeout was spent: never sent.
			assertThat(three).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(HeartbeatException.class)
				.withMessageContaining("not sent");
			swf.faults().clear();
			assertThat(swf.callCount(HEARTBEAT)).isEqualTo(2);
		}
	}

}
