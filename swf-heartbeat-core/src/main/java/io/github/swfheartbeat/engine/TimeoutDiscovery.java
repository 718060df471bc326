package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an activity type's default timeouts with {@code DescribeActivityType}, once per type: SWF
 * refills that call's quota at only 6 per second. Each call has its own timeout; a failed call is
 * retried a few times, then the type counts as failed — logged once, shown in
 * {@link HeartbeatStats#discoveryFailures()} — and is looked up again after a while. A denied
 * call (OperationNotPermitted) is not retried at once: IAM will not change its mind in seconds.
 */
final class TimeoutDiscovery {

	private static final Logger logger = LoggerFactory.getLogger(TimeoutDiscovery.class);

	private static final long RETRY_FAILED_AFTER_NANOS = Duration.ofMinutes(5).toNanos();

	static final int ATTEMPTS = 3;

	private final HeartbeatTransport transport;

	private final EngineClock clock;

	private final Duration callTimeout;

	private final Duration retryDelay;

	private final Executor caller;

	private final ConcurrentMap<TypeKey, Lookup> cache = new ConcurrentHashMap<>();

	/**
	 * Creates the discovery.
	 * @param caller where calls are made: the SDK resolves credentials and signs on the calling
	 * thread, which must not be the scheduler's
	 */
	TimeoutDiscovery(HeartbeatTransport transport, EngineClock clock, Duration callTimeout, Duration retryDelay,
			Executor caller) {
		this.transport = transport;
		this.clock = clock;
		this.callTimeout = callTimeout;
		this.retryDelay = retryDelay;
		this.caller = caller;
	}

	/**
	 * Returns the type's default timeouts: empty when the lookup failed.
	 * @param domain the domain
	 * @param name the type's name
	 * @param version the type's version
	 * @return the future timeouts, often already completed
	 */
	CompletableFuture<Optional<ActivityTypeTimeouts>> timeouts(String domain, String name, String version) {
		TypeKey key = new TypeKey(domain, name, version);
		long now = this.clock.nanoTime();
		Lookup[] started = new Lookup[1];
		Lookup lookup = this.cache.compute(key, (k, cached) -> {
			if (cached == null || cached.isStale(now)) {
				started[0] = new Lookup(cached != null && cached.failure != null);
				if (cached != null) {
					// Still failed, as far as anyone knows, until the new lookup succeeds.
					started[0].failure = cached.failure;
				}
				return started[0];
			}
			return cached;
		});
		if (started[0] != null) {
			Lookup lookup0 = started[0];
			// A lookup, with its retries, is one call in flight until its result is out.
			this.clock.callStarted();
			try {
				this.caller.execute(() -> attempt(key, lookup0, 1));
			}
			catch (RuntimeException ex) {
				fail(key, lookup0, FailureKind.RETRYABLE, ex);
			}
		}
		return lookup.result;
	}

	/**
	 * Returns the types whose lookup failed, each with a short reason.
	 * @return type ({@code domain/name:version}) to reason
	 */
	Map<String, String> failures() {
		Map<String, String> failures = new TreeMap<>();
		this.cache.forEach((key, lookup) -> {
			String failure = lookup.failure;
			if (failure != null) {
				failures.put(key.domain + "/" + key.name + ":" + key.version, failure);
			}
		});
		return failures;
	}

	private void attempt(TypeKey key, Lookup lookup, int attempt) {
		CompletableFuture<ActivityTypeTimeouts> call;
		try {
			call = this.transport.describeTimeouts(key.domain, key.name, key.version, this.callTimeout);
		}
		catch (Throwable ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		// Backstop for transports that do not bound the call themselves.
		call.orTimeout(this.callTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS).whenComplete((timeouts, failure) -> {
			if (failure == null) {
				lookup.failure = null;
				if (lookup.warned) {
					logger.info("Read the default timeouts of activity type {}:{} in domain {} after all", key.name,
							key.version, key.domain);
				}
				complete(lookup, Optional.of(timeouts));
				return;
			}
			FailureKind kind = FailureKind.of(failure);
			if (attempt < ATTEMPTS && kind != FailureKind.NOT_PERMITTED && kind != FailureKind.TASK_LOST) {
				long delay = this.retryDelay.toMillis() * attempt;
				CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, this.caller)
					.execute(() -> attempt(key, lookup, attempt + 1));
				return;
			}
			fail(key, lookup, kind, FailureKind.unwrap(failure));
		});
	}

	private void fail(TypeKey key, Lookup lookup, FailureKind kind, Throwable error) {
		String reason = (kind == FailureKind.NOT_PERMITTED)
				? "DescribeActivityType denied: allow swf:DescribeActivityType for the domain in IAM"
				: (kind == FailureKind.TASK_LOST) ? "activity type not registered in the domain"
						: "DescribeActivityType failed: " + error.getClass().getSimpleName();
		lookup.failure = reason;
		lookup.failedAtNanos = this.clock.nanoTime();
		if (!lookup.warned) {
			logger.warn("Could not read the default heartbeat timeout of activity type {}:{} in domain {} ({}: {}); "
					+ "its tasks heartbeat as if their timeout were short until it can be read", key.name, key.version,
					key.domain, reason, String.valueOf(error.getMessage()));
		}
		complete(lookup, Optional.empty());
	}

	/**
	 * Completes a lookup: whoever waits for it has posted what it learnt to the scheduler when
	 * {@code complete} returns, so only then is the call finished.
	 */
	private void complete(Lookup lookup, Optional<ActivityTypeTimeouts> timeouts) {
		lookup.result.complete(timeouts);
		this.clock.callFinished();
	}

	private record TypeKey(String domain, String name, String version) {
	}

	private static final class Lookup {

		final CompletableFuture<Optional<ActivityTypeTimeouts>> result = new CompletableFuture<>();

		/** Whether a failure of this type was logged already: logged once until it succeeds. */
		final boolean warned;

		volatile @Nullable String failure;

		volatile long failedAtNanos = Long.MIN_VALUE;

		Lookup(boolean warned) {
			this.warned = warned;
		}

		boolean isStale(long nowNanos) {
			return this.failedAtNanos != Long.MIN_VALUE && nowNanos - this.failedAtNanos > RETRY_FAILED_AFTER_NANOS;
		}

	}

}
