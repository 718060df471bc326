package io.github.swfheartbeat.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for heartbeat calls; define a bean to replace
 * {@link DefaultHeartbeatCallObservationConvention}.
 */
public interface HeartbeatCallObservationConvention extends ObservationConvention<HeartbeatCallContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof HeartbeatCallContext;
	}

}
