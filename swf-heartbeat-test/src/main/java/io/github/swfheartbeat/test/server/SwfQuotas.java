package io.github.swfheartbeat.test.server;

import java.util.Map;

/**
 * SWF's documented account-level throttling quotas: bucket size and refill rate per second of each
 * operation SWF names in its quotas table.
 */
final class SwfQuotas {

	/**
	 * A bucket size and refill rate.
	 */
	record Limit(int bucketSize, double refillPerSecond) {

		TokenBucket newBucket() {
			return new TokenBucket(this.bucketSize, this.refillPerSecond);
		}

	}

	static final Map<String, Limit> LIMITS = Map.of("RecordActivityTaskHeartbeat", new Limit(2000, 160),
			"PollForActivityTask", new Limit(2000, 200), "RespondActivityTaskCompleted", new Limit(2000, 200),
			"RespondActivityTaskFailed", new Limit(2000, 200), "RespondActivityTaskCanceled", new Limit(2000, 200),
			"DescribeActivityType", new Limit(2000, 6), "StartWorkflowExecution", new Limit(2000, 200),
			"RespondDecisionTaskCompleted", new Limit(2000, 200), "PollForDecisionTask", new Limit(2000, 200));

	private SwfQuotas() {
	}

}
