package io.github.swfheartbeat.test.server;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.github.swfheartbeat.test.Throttling;
import io.github.swfheartbeat.test.server.SwfQuotas.Limit;

/**
 * The endpoint's rate limits: SWF's quotas when switched on (account-level per operation, and
 * heartbeats per workflow execution), overlaid with limits set per operation. The account-level
 * buckets in force are swapped as a whole, so the hot path reads one map without a lock.
 */
public final class ThrottlePolicy implements Throttling {

	private final boolean initialSwfQuotas;

	private final Map<String, Limit> initialLimits;

	private final LongSupplier nanoClock;

	private final Map<String, Limit> limits = new HashMap<>();

	private boolean swfQuotas;

	private volatile Map<String, TokenBucket> buckets = Map.of();

	private volatile boolean workflowQuotas;

	private final Map<String, TokenBucket> workflowHeartbeatBuckets = new ConcurrentHashMap<>();

	/**
	 * Creates the policy the endpoint starts with, to which {@link #reset()} returns.
	 * @param swfQuotas whether SWF's quotas apply
	 * @param limits limits per operation, as {@code {bucketSize, refillPerSecond}}
	 */
	public ThrottlePolicy(boolean swfQuotas, Map<String, double[]> limits) {
		this(swfQuotas, limits, System::nanoTime);
	}

	/**
	 * Creates a policy whose buckets refill by the given clock, so that tests can stop time.
	 */
	ThrottlePolicy(boolean swfQuotas, Map<String, double[]> limits, LongSupplier nanoClock) {
		this.initialSwfQuotas = swfQuotas;
		this.nanoClock = nanoClock;
		Map<String, Limit> initial = new HashMap<>();
		limits.forEach((operation, limit) -> initial.put(operation, new Limit((int) limit[0], limit[1])));
		this.initialLimits = Map.copyOf(initial);
		reset();
	}

	/**
	 * Takes a token for a call of the operation.
	 * @param operation the SWF operation
	 * @return whether the call may run; {@code false} means throttle it
	 */
	public boolean tryAcquire(String operation) {
		TokenBucket bucket = this.buckets.get(operation);
		return bucket == null || bucket.tryTake();
	}

	/**
	 * Tells whether SWF's workflow-level heartbeat quota applies, i.e. whether SWF's quotas are on.
	 * @return whether {@link #tryAcquireWorkflowHeartbeat(String)} must be asked
	 */
	boolean appliesWorkflowQuotas() {
		return this.workflowQuotas;
	}

	/**
	 * Takes a token from the heartbeat bucket of one workflow execution.
	 * @param execution identifies the execution the heartbeat's task belongs to
	 * @return whether the heartbeat may run
	 */
	boolean tryAcquireWorkflowHeartbeat(String execution) {
		return this.workflowHeartbeatBuckets
			.computeIfAbsent(execution, (key) -> SwfQuotas.WORKFLOW_HEARTBEATS.newBucket(this.nanoClock))
			.tryTake();
	}

	@Override
	public synchronized Throttling swfQuotas(boolean enabled) {
		this.swfQuotas = enabled;
		rebuild();
		return this;
	}

	@Override
	public synchronized boolean swfQuotas() {
		return this.swfQuotas;
	}

	@Override
	public synchronized Throttling limit(String operation, int bucketSize, double refillPerSecond) {
		Limit limit = new Limit(bucketSize, refillPerSecond);
		limit.newBucket(this.nanoClock);
		this.limits.put(operation, limit);
		rebuild();
		return this;
	}

	@Override
	public synchronized Throttling removeLimit(String operation) {
		this.limits.remove(operation);
		rebuild();
		return this;
	}

	@Override
	public synchronized void reset() {
		this.swfQuotas = this.initialSwfQuotas;
		this.limits.clear();
		this.limits.putAll(this.initialLimits);
		rebuild();
	}

	private void rebuild() {
		Map<String, TokenBucket> buckets = new HashMap<>();
		if (this.swfQuotas) {
			SwfQuotas.LIMITS.forEach((operation, limit) -> buckets.put(operation, limit.newBucket(this.nanoClock)));
		}
		this.limits.forEach((operation, limit) -> buckets.put(operation, limit.newBucket(this.nanoClock)));
		this.buckets = Map.copyOf(buckets);
		this.workflowHeartbeatBuckets.clear();
		this.workflowQuotas = this.swfQuotas;
	}

}
