package io.github.swfheartbeat.test.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.swfheartbeat.test.FaultInjector;

/**
 * The faults planned for the endpoint. While none is planned, the request path pays one volatile
 * read.
 */
public final class FaultPlan implements FaultInjector {

	private final Map<String, ArrayDeque<PlannedFault>> oneShots = new HashMap<>();

	private final Map<String, ArrayDeque<PlannedFault>> taskFaults = new HashMap<>();

	private final Map<String, Duration> latencies = new ConcurrentHashMap<>();

	private volatile boolean armed;

	@Override
	public FaultInjector failNext(String operation, int count, int httpStatus) {
		return plan(this.oneShots, operation, count, serverFault(httpStatus));
	}

	@Override
	public FaultInjector failTask(String taskToken, int count, int httpStatus) {
		if (taskToken == null || taskToken.isEmpty()) {
			throw new IllegalArgumentException("taskToken must not be empty");
		}
		return plan(this.taskFaults, taskToken, count, serverFault(httpStatus));
	}

	private static PlannedFault serverFault(int httpStatus) {
		if (httpStatus < 500 || httpStatus > 599) {
			throw new IllegalArgumentException("A server fault has a 5xx status, not " + httpStatus);
		}
		return new PlannedFault(PlannedFault.Kind.FAIL, httpStatus);
	}

	@Override
	public FaultInjector throttleNext(String operation, int count) {
		return plan(this.oneShots, operation, count, new PlannedFault(PlannedFault.Kind.THROTTLE, 400));
	}

	@Override
	public FaultInjector denyNext(String operation, int count) {
		return plan(this.oneShots, operation, count, new PlannedFault(PlannedFault.Kind.DENY, 400));
	}

	@Override
	public FaultInjector resetNext(String operation, int count) {
		return plan(this.oneShots, operation, count, new PlannedFault(PlannedFault.Kind.RESET, 0));
	}

	private synchronized FaultInjector plan(Map<String, ArrayDeque<PlannedFault>> plans, String key, int count,
			PlannedFault fault) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative but was " + count);
		}
		ArrayDeque<PlannedFault> faults = plans.computeIfAbsent(key, (ignored) -> new ArrayDeque<>());
		for (int i = 0; i < count; i++) {
			faults.addLast(fault);
		}
		this.armed = true;
		return this;
	}

	@Override
	public FaultInjector latency(String operation, Duration latency) {
		if (latency.isZero()) {
			this.latencies.remove(operation);
		}
		else {
			this.latencies.put(operation, latency);
		}
		return this;
	}

	@Override
	public synchronized void clear() {
		this.oneShots.clear();
		this.taskFaults.clear();
		this.latencies.clear();
		this.armed = false;
	}

	/**
	 * Takes the next one-shot fault planned for a call: for its task token, else for its
	 * operation.
	 * @param operation the SWF operation
	 * @param taskToken reads the call's task token, {@code null} when it has none; asked only
	 * while faults are planned for task tokens
	 * @return the fault, or {@code null} to run the call
	 */
	PlannedFault next(String operation, Supplier<String> taskToken) {
		if (!this.armed) {
			return null;
		}
		synchronized (this) {
			PlannedFault fault = null;
			if (!this.taskFaults.isEmpty()) {
				String token = taskToken.get();
				fault = (token != null) ? poll(this.taskFaults, token) : null;
			}
			if (fault == null) {
				fault = poll(this.oneShots, operation);
			}
			if (fault == null) {
				fault = poll(this.oneShots, ALL_OPERATIONS);
			}
			return fault;
		}
	}

	private PlannedFault poll(Map<String, ArrayDeque<PlannedFault>> plans, String key) {
		ArrayDeque<PlannedFault> faults = plans.get(key);
		if (faults == null) {
			return null;
		}
		PlannedFault fault = faults.pollFirst();
		if (faults.isEmpty()) {
			plans.remove(key);
			this.armed = !this.oneShots.isEmpty() || !this.taskFaults.isEmpty();
		}
		return fault;
	}

	/**
	 * Returns the delay planned for answers of the operation.
	 * @param operation the SWF operation
	 * @return the delay, zero for none
	 */
	long latencyNanos(String operation) {
		if (this.latencies.isEmpty()) {
			return 0;
		}
		Duration latency = this.latencies.getOrDefault(operation, this.latencies.get(ALL_OPERATIONS));
		return (latency != null) ? latency.toNanos() : 0;
	}

}
