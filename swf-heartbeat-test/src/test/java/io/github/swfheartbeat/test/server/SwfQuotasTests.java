package io.github.swfheartbeat.test.server;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's quota table against SWF's documentation ("Amazon SWF throttling quotas", the
 * same in every region), on a clock that only moves when told.
 */
class SwfQuotasTests {

	private final AtomicLong now = new AtomicLong();

	private final ThrottlePolicy quotas = new ThrottlePolicy(true, Map.of(), this.now::get);

	@ParameterizedTest
	@CsvSource({ "RecordActivityTaskHeartbeat, 2000, 160", "PollForActivityTask, 2000, 200",
			"RespondActivityTaskCompleted, 2000, 200", "RespondActivityTaskFailed, 2000, 200",
			"RespondActivityTaskCanceled, 2000, 200", "DescribeActivityType, 2000, 6",
			"StartWorkflowExecution, 2000, 200", "RespondDecisionTaskCompleted, 2000, 200",
			"PollForDecisionTask, 2000, 200" })
	void accountQuotaIsSwfsDocumentedBucketAndRefill(String operation, int bucket, int refillPerSecond) {
		assertThat(take(operation, bucket + 1)).isEqualTo(bucket);
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(1));
		assertThat(take(operation, refillPerSecond + 1)).isEqualTo(refillPerSecond);
	}

	@Test
	void operationsOutsideSwfsTableAreNotThrottled() {
		assertThat(take("RegisterDomain", 5000)).isEqualTo(5000);
		assertThat(take("GetWorkflowExecutionHistory", 5000)).isEqualTo(5000);
	}

	@Test
	void heartbeatsAreAlsoLimitedPerWorkflowExecution() {
		assertThat(this.quotas.appliesWorkflowQuotas()).isTrue();
		assertThat(takeWorkflowHeartbeats("one", 1001)).isEqualTo(1000);
		assertThat(takeWorkflowHeartbeats("other", 1)).isEqualTo(1);
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
		assertThat(takeWorkflowHeartbeats("one", 1000)).isEqualTo(500);
	}

	@Test
	void withoutSwfsQuotasNothingIsThrottled() {
		this.quotas.swfQuotas(false);
		assertThat(this.quotas.appliesWorkflowQuotas()).isFalse();
		assertThat(take("DescribeActivityType", 3000)).isEqualTo(3000);
	}

	private int take(String operation, int attempts) {
		int taken = 0;
		for (int i = 0; i < attempts; i++) {
			if (this.quotas.tryAcquire(operation)) {
				taken++;
			}
		}
		return taken;
	}

	private int takeWorkflowHeartbeats(String execution, int attempts) {
		int taken = 0;
		for (int i = 0; i < attempts; i++) {
			if (this.quotas.tryAcquireWorkflowHeartbeat(execution)) {
				taken++;
			}
		}
		return taken;
	}

}
