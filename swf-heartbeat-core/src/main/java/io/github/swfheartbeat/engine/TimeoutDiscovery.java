package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an activity type's default heartbeat timeout with {@code DescribeActivityType}, once per
 * type: SWF refills that call's quota at only 6 per second. A failed lookup is retried after a
 * while; until then tasks use the configured default.
 */
final class TimeoutDiscovery {

	private static final Logger logger = LoggerFactory.getLogger(TimeoutDiscovery.class);

	private static final long RETRY_FAILED_AFTER_NANOS = Duration.ofMinutes(5).toNanos();

	private final HeartbeatTransport transport;

	private final EngineClock clock;

	private final ConcurrentMap<TypeKey, Lookup> cache = new ConcurrentHashMap<>();

	TimeoutDiscovery(HeartbeatTransport transport, EngineClock clock) {
		this.transport = transport;
		this.clock = clock;
	}

	/**
	 * Returns the type's default heartbeat timeout: empty when the type has none, or the lookup
	 * failed.
	 * @param domain the domain
	 * @param name the type's name
	 * @param version the type's version
	 * @return the future timeout, often already completed
	 */
	CompletableFuture<Optional<Duration>> heartbeatTimeout(String domain, String name, String version) {
		TypeKey key = new TypeKey(domain, name, version);
		long now = this.clock.nanoTime();
		return this.cache.compute(key, (k, cached) -> (cached == null || cached.isStale(now)) ? fetch(k) : cached).result;
	}

	private Lookup fetch(TypeKey key) {
		Lookup lookup = new Lookup();
		CompletableFuture<Optional<Duration>> call;
		try {
			call = this.transport.describeHeartbeatTimeout(key.domain, key.name, key.version);
		}
		catch (RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.whenComplete((timeout, failure) -> {
			if (failure != null) {
				lookup.failedAtNanos = this.clock.nanoTime();
				logger.warn("Could not read the default heartbeat timeout of activity type {}:{} in domain {}; "
						+ "using swf.heartbeat.default-heartbeat-timeout: {}", key.name, key.version, key.domain,
						FailureKind.unwrap(failure).toString());
				lookup.result.complete(Optional.empty());
			}
			else {
				lookup.result.complete(timeout);
			}
		});
		return lookup;
	}

	private record TypeKey(String domain, String name, String version) {
	}

	private static final class Lookup {

		final CompletableFuture<Optional<Duration>> result = new CompletableFuture<>();

		volatile long failedAtNanos = Long.MIN_VALUE;

		boolean isStale(long nowNanos) {
			return this.failedAtNanos != Long.MIN_VALUE && nowNanos - this.failedAtNanos > RETRY_FAILED_AFTER_NANOS;
		}

	}

}
