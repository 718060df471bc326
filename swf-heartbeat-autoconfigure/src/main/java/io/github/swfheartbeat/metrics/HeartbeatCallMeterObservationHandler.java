package io.github.swfheartbeat.metrics;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

import org.springframework.core.Ordered;

/**
 * The {@link MeterObservationHandler} of heartbeat call observations, and one that records
 * nothing: {@link HeartbeatMetrics} already times every call ({@value HeartbeatMetrics#CALLS}).
 * Spring Boot lets the first meter handler that supports a context handle it, and ranks this one
 * first, so {@link DefaultMeterObservationHandler} never adds a second timer and a long task timer
 * for the same calls, while tracing handlers still turn each call into a span.
 */
public final class HeartbeatCallMeterObservationHandler
		implements MeterObservationHandler<HeartbeatCallContext>, Ordered {

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof HeartbeatCallContext;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
