package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TimeoutDiscovery}: one DescribeActivityType per activity type (SWF refills that quota at
 * 6 per second), a few tries for a failing lookup, none more for a denied one, and a failed lookup
 * tried again only after five minutes.
 */
class TimeoutDiscoveryTests {

	private final ManualClock clock = new ManualClock();

	private final ScriptedTransport transport = new ScriptedTransport(this.clock);

	private final TimeoutDiscovery discovery = discovery(this.transport);

	@Test
	void eachTypeIsDescribedOnce() {
		this.transport.describeWith((type) -> CompletableFuture.completedFuture(Optional.of(Duration.ofSeconds(45))));
		assertThat(heartbeatTimeout(this.discovery, "1")).contains(Duration.ofSeconds(45));
		assertThat(heartbeatTimeout(this.discovery, "1")).contains(Duration.ofSeconds(45));
		this.clock.advance(Duration.ofHours(1));
		assertThat(heartbeatTimeout(this.discovery, "1")).contains(Duration.ofSeconds(45));
		heartbeatTimeout(this.discovery, "2");
		assertThat(this.transport.describes).containsExactly("orders/transcode:1", "orders/transcode:2");
		assertThat(this.discovery.failures()).isEmpty();
	}

	@Test
	void aFailingLookupIsTriedAFewTimesThenReportedAndTriedAgainAfterFiveMinutes() {
		this.transport.describeWith((type) -> CompletableFuture.failedFuture(ScriptedTransport.throttled()));
		assertThat(heartbeatTimeout(this.discovery, "1")).isEmpty();
		assertThat(this.transport.describes).hasSize(TimeoutDiscovery.ATTEMPTS);
		assertThat(this.discovery.failures()).containsOnlyKeys("orders/transcode:1");
		this.clock.advance(Duration.ofMinutes(5));
		heartbeatTimeout(this.discovery, "1");
		assertThat(this.transport.describes).hasSize(TimeoutDiscovery.ATTEMPTS);
		this.transport.describeWith((type) -> CompletableFuture.completedFuture(Optional.of(Duration.ofSeconds(30))));
		this.clock.advance(Duration.ofNanos(1));
		assertThat(heartbeatTimeout(this.discovery, "1")).contains(Duration.ofSeconds(30));
		assertThat(this.transport.describes).hasSize(TimeoutDiscovery.ATTEMPTS + 1);
		assertThat(this.discovery.failures()).isEmpty();
	}

	@Test
	void aDeniedLookupIsNotRetriedAndSaysWhichPermissionIsMissing() {
		this.transport.describeWith((type) -> CompletableFuture.failedFuture(ScriptedTransport.notPermitted()));
		assertThat(heartbeatTimeout(this.discovery, "1")).isEmpty();
		assertThat(this.transport.describes).hasSize(1);
		assertThat(this.discovery.failures()).hasEntrySatisfying("orders/transcode:1",
				(reason) -> assertThat(reason).contains("swf:DescribeActivityType"));
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
		TimeoutDiscovery failing = discovery(throwing);
		assertThat(heartbeatTimeout(failing, "1")).isEmpty();
		assertThat(failing.failures()).containsOnlyKeys("orders/transcode:1");
	}

	private TimeoutDiscovery discovery(HeartbeatTransport transport) {
		// Calls on the test's thread, retries without waiting: the test asserts what is asked, not when.
		return new TimeoutDiscovery(transport, this.clock, Duration.ofSeconds(1), Duration.ZERO, Runnable::run);
	}

	private static Optional<Duration> heartbeatTimeout(TimeoutDiscovery discovery, String version) {
		return discovery.timeouts("orders", "transcode", version).join().map(ActivityTypeTimeouts::heartbeatTimeout);
	}

}
