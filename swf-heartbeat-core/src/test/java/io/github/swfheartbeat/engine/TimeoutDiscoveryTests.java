package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TimeoutDiscovery}: one DescribeActivityType per activity type (SWF refills that quota at
 * 6 per second), and a failed lookup tried again only after five minutes.
 */
class TimeoutDiscoveryTests {

	private final ManualClock clock = new ManualClock();

	private final ScriptedTransport transport = new ScriptedTransport(this.clock);

	private final TimeoutDiscovery discovery = new TimeoutDiscovery(this.transport, this.clock);

	@Test
	void eachTypeIsDescribedOnce() {
		this.transport.describeWith((type) -> CompletableFuture.completedFuture(Optional.of(Duration.ofSeconds(45))));
		assertThat(this.discovery.heartbeatTimeout("orders", "transcode", "1").join()).contains(Duration.ofSeconds(45));
		assertThat(this.discovery.heartbeatTimeout("orders", "transcode", "1").join()).contains(Duration.ofSeconds(45));
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.discovery.heartbeatTimeout("orders", "transcode", "1").join()).contains(Duration.ofSeconds(45));
		this.discovery.heartbeatTimeout("orders", "transcode", "2").join();
		assertThat(this.transport.describes).containsExactly("orders/transcode:1", "orders/transcode:2");
	}

	@Test
	void aFailedLookupFallsBackToTheDefaultAndIsRetriedAfterFiveMinutes() {
		this.transport.describeWith((type) -> CompletableFuture.failedFuture(ScriptedTransport.throttled()));
		assertThat(this.discovery.heartbeatTimeout("orders", "transcode", "1").join()).isEmpty();
		this.clock.advance(Duration.ofMinutes(5));
		this.discovery.heartbeatTimeout("orders", "transcode", "1").join();
		assertThat(this.transport.describes).hasSize(1);
		this.transport.describeWith((type) -> CompletableFuture.completedFuture(Optional.of(Duration.ofSeconds(30))));
		this.clock.advance(Duration.ofNanos(1));
		assertThat(this.discovery.heartbeatTimeout("orders", "transcode", "1").join()).contains(Duration.ofSeconds(30));
		assertThat(this.transport.describes).hasSize(2);
	}

	@Test
	void aTransportThatThrowsCountsAsAFailedLookup() {
		HeartbeatTransport throwing = new HeartbeatTransport() {
			@Override
			public CompletableFuture<Boolean> recordHeartbeat(String taskToken, String details, Duration timeout) {
				throw new UnsupportedOperationException();
			}

			@Override
			public CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name,
					String version) {
				throw new IllegalStateException("client closed");
			}

			@Override
			public CompletableFuture<Void> respondCanceled(String taskToken, String details) {
				throw new UnsupportedOperationException();
			}
		};
		TimeoutDiscovery failing = new TimeoutDiscovery(throwing, this.clock);
		assertThat(failing.heartbeatTimeout("orders", "transcode", "1").join()).isEmpty();
	}

}
