package io.github.swfheartbeat.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.engine.ActivityTypeTimeouts;
import io.github.swfheartbeat.engine.FailureKind;
import io.github.swfheartbeat.engine.HeartbeatOutcome;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A {@link HeartbeatTransport} that observes each {@code RecordActivityTaskHeartbeat} call
 * (observation {@value DefaultHeartbeatCallObservationConvention#NAME}), for tracing and timing.
 * Other calls pass through unobserved.
 */
public final class ObservedHeartbeatTransport implements HeartbeatTransport {

	private static final HeartbeatCallObservationConvention DEFAULT_CONVENTION = new DefaultHeartbeatCallObservationConvention();

	private final HeartbeatTransport delegate;

	private final ObservationRegistry registry;

	private final @Nullable HeartbeatCallObservationConvention convention;

	/**
	 * Creates the transport.
	 * @param delegate the transport that makes the calls
	 * @param registry the registry of the observations
	 * @param convention a convention that replaces the default one, or {@code null}
	 */
	public ObservedHeartbeatTransport(HeartbeatTransport delegate, ObservationRegistry registry,
			@Nullable HeartbeatCallObservationConvention convention) {
		this.delegate = delegate;
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details, Duration timeout) {
		HeartbeatCallContext context = new HeartbeatCallContext(taskToken);
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		CompletableFuture<Boolean> call;
		try {
			call = this.delegate.recordHeartbeat(taskToken, details, timeout);
		}
		catch (RuntimeException ex) {
			stop(observation, context, null, ex);
			throw ex;
		}
		return call.whenComplete((cancelRequested, failure) -> stop(observation, context, cancelRequested, failure));
	}

	private void stop(Observation observation, HeartbeatCallContext context, @Nullable Boolean cancelRequested,
			@Nullable Throwable failure) {
		if (failure != null) {
			context.setOutcome(FailureKind.of(failure).outcome());
			observation.error(FailureKind.unwrap(failure));
		}
		else {
			context.setOutcome(Boolean.TRUE.equals(cancelRequested) ? HeartbeatOutcome.CANCEL_REQUESTED
					: HeartbeatOutcome.SUCCESS);
		}
		observation.stop();
	}

	@Override
	public CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name, String version) {
		return this.delegate.describeHeartbeatTimeout(domain, name, version);
	}

	@Override
	public CompletableFuture<ActivityTypeTimeouts> describeTimeouts(String domain, String name, String version,
			Duration timeout) {
		return this.delegate.describeTimeouts(domain, name, version, timeout);
	}

	@Override
	public CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details) {
		return this.delegate.respondCanceled(taskToken, details);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
