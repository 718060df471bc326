package io.github.swfheartbeat.test.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.swfheartbeat.test.FaultInjector;

/**
 * The faults planned for the endpoint. While none is planned, the request path pays one volatile
 * read.
 */
public final class FaultPlan implements FaultInjector {

	private final Map<String, ArrayDeque<PlannedFault>> oneShots = new HashMap<>();

	private final Map<String, Duration> latencies = new ConcurrentHashMap<>();

	private volatile boolean armed;

	@Override
	public FaultInjector failNext(String operation, int count, int httpStatus) {
		if (httpStatus < 500 || httpStatus > 599) {
			throw new IllegalArgumentException("A server fault has a 5xx status, not " + httpStatus);
		}
		return plan(operation, count, new PlannedFault(PlannedFault.Kind.FAIL, httpStatus));
	}

	@Override
	public FaultInjector throttleNext(String operation, int count) {
		return plan(operation, count, new PlannedFault(PlannedFault.Kind.THROTTLE, 400));
	}

	@Override
	public FaultInjector resetNext(String operation, int count) {
		return plan(operation, count, new PlannedFault(PlannedFault.Kind.RESET, 0));
	}

	private synchronized FaultInjector plan(String operation, int count, PlannedFault fault) {
		ArrayDeque<PlannedFault> faults = this.oneShots.computeIfAbsent(operation, (key) -> new ArrayDeque<>());
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
		this.latencies.clear();
		this.armed = false;
	}

	/**
	 * Takes the next one-shot fault planned for a call of the operation.
	 * @param operation the SWF operation
	 * @return the fault, or {@code null} to run the call
	 */
	PlannedFault next(String operation) {
		if (!this.armed) {
			return null;
		}
		synchronized (this) {
			PlannedFault fault = poll(operation);
			if (fault == null) {
				fault = poll(ALL_OPERATIONS);
			}
			return fault;
		}
	}

	private PlannedFault poll(String operation) {
		ArrayDeque<PlannedFault> faults = this.oneShots.get(operation);
		if (faults == null) {
			return null;
		}
		PlannedFault fault = faults.pollFirst();
		if (faults.isEmpty()) {
			this.oneShots.remove(operation);
			this.armed = !this.oneShots.isEmpty();
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
