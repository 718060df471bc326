package io.github.swfheartbeat.metrics;

import io.github.swfheartbeat.engine.HeartbeatOutcome;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Default {@link HeartbeatCallObservationConvention}: observation {@value #NAME}; low-cardinality
 * keys {@code outcome} and the RPC keys of AWS SDK calls; the task token's fingerprint as the only
 * high-cardinality key.
 */
public class DefaultHeartbeatCallObservationConvention implements HeartbeatCallObservationConvention {

	/** Name of the observation. */
	public static final String NAME = "swf.heartbeat.call";

	private static final KeyValues RPC = KeyValues.of(KeyValue.of("rpc.system", "aws-api"),
			KeyValue.of("rpc.service", "SWF"), KeyValue.of("rpc.method", "RecordActivityTaskHeartbeat"));

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(HeartbeatCallContext context) {
		return "SWF RecordActivityTaskHeartbeat";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(HeartbeatCallContext context) {
		HeartbeatOutcome outcome = context.getOutcome();
		return RPC.and("outcome", (outcome != null) ? outcome.tagValue() : "unknown");
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(HeartbeatCallContext context) {
		return KeyValues.of("swf.task_token.fingerprint", context.getTaskTokenFingerprint());
	}

}
