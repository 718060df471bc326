package io.github.swfheartbeat.test.server;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * SWF's documented throttling quotas ("Amazon SWF throttling quotas"): the account-level bucket
 * size and refill rate per second of each operation SWF names in its table, and the workflow-level
 * quota of heartbeats per workflow execution.
 */
final class SwfQuotas {

	/**
	 * A bucket size and refill rate.
	 */
	record Limit(int bucketSize, double refillPerSecond) {

		TokenBucket newBucket(LongSupplier nanoClock) {
			return new TokenBucket(this.bucketSize, this.refillPerSecond, nanoClock);
		}

	}

	/** The account-level quotas, by operation. */
	static final Map<String, Limit> LIMITS = Map.of("RecordActivityTaskHeartbeat", new Limit(2000, 160),
			"PollForActivityTask", new Limit(2000, 200), "RespondActivityTaskCompleted", new Limit(2000, 200),
			"RespondActivityTaskFailed", new Limit(2000, 200), "RespondActivityTaskCanceled", new Limit(2000, 200),
			"DescribeActivityType", new Limit(2000, 6), "StartWorkflowExecution", new Limit(2000, 200),
			"RespondDecisionTaskCompleted", new Limit(2000, 200), "PollForDecisionTask", new Limit(2000, 200));

	/** The workflow-level quota of RecordActivityTaskHeartbeat, per workflow execution; it cannot be raised. */
	static final Limit WORKFLOW_HEARTBEATS = new Limit(1000, 1000);

	private SwfQuotas() {
	}

}
