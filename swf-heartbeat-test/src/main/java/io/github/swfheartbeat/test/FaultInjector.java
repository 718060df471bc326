package io.github.swfheartbeat.test;

import java.time.Duration;

/**
 * Makes the embedded endpoint misbehave on purpose, per SWF operation, so that a test can see how
 * a client copes with server faults, throttling, slow answers and dropped connections.
 *
 * <p>Operations are named as in SWF's API ({@code "RecordActivityTaskHeartbeat"}); {@link #ALL_OPERATIONS}
 * stands for every operation. One-shot faults of an operation are used up in the order they were
 * planned, those of the operation itself before those planned for all operations. Faults apply only
 * to calls over HTTP from clients, never to {@link EmbeddedSwf}'s own helpers.
 */
public interface FaultInjector {

	/** Stands for every operation. */
	String ALL_OPERATIONS = "*";

	/**
	 * Answers the next calls of an operation with a server fault instead of running them.
	 * @param operation the operation, or {@link #ALL_OPERATIONS}
	 * @param count how many calls
	 * @param httpStatus the status, 500 to 599 (the SDK retries these)
	 * @return this injector
	 */
	FaultInjector failNext(String operation, int count, int httpStatus);

	/**
	 * Answers the next calls of an operation with SWF's throttling fault
	 * ({@code ThrottlingException}, HTTP 400) instead of running them.
	 * @param operation the operation, or {@link #ALL_OPERATIONS}
	 * @param count how many calls
	 * @return this injector
	 */
	FaultInjector throttleNext(String operation, int count);

	/**
	 * Answers the next calls of an operation with SWF's {@code OperationNotPermittedFault}
	 * (HTTP 400), as when IAM denies the action, instead of running them.
	 * @param operation the operation, or {@link #ALL_OPERATIONS}
	 * @param count how many calls
	 * @return this injector
	 */
	FaultInjector denyNext(String operation, int count);

	/**
	 * Closes the connection of the next calls of an operation without answering them; the calls
	 * are not run.
	 * @param operation the operation, or {@link #ALL_OPERATIONS}
	 * @param count how many calls
	 * @return this injector
	 */
	FaultInjector resetNext(String operation, int count);

	/**
	 * Answers the next calls that carry a task token — heartbeats and responses of that one
	 * activity task — with a server fault instead of running them, while calls for other tasks run
	 * as usual. Faults planned for a task token are used before those planned for its operation.
	 * @param taskToken the task's token
	 * @param count how many calls
	 * @param httpStatus the status, 500 to 599
	 * @return this injector
	 */
	FaultInjector failTask(String taskToken, int count, int httpStatus);

	/**
	 * Delays every answer of an operation, until cleared. No thread waits out the delay.
	 * @param operation the operation, or {@link #ALL_OPERATIONS}
	 * @param latency the delay; zero removes it
	 * @return this injector
	 */
	FaultInjector latency(String operation, Duration latency);

	/**
	 * Removes every planned fault and latency.
	 */
	void clear();

}
