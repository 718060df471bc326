package io.github.swfheartbeat.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Reserves a send slot for every planned heartbeat so that no slot holds more calls than the
 * rate limit can send in it. A heartbeat whose slot is full moves to the nearest earlier slot
 * with room, never later: tasks that all started together are spread out ahead of their
 * deadlines instead of queueing past them. Used by the scheduler thread only.
 */
final class SendCalendar {

	static final long SLOT_NANOS = 100_000_000L;

	private final int capacityPerSlot;

	private final Map<Long, Integer> reservations = new HashMap<>();

	private long prunedBelow = Long.MIN_VALUE / 2;

	SendCalendar(double ratePerSecond) {
		this.capacityPerSlot = Math.max(1, (int) Math.floor(ratePerSecond * SLOT_NANOS / 1_000_000_000.0));
	}

	/**
	 * Reserves the latest slot at or before {@code dueNanos} that has room, not before now.
	 * @param dueNanos the planned send time
	 * @param nowNanos the current time
	 * @return the reserved slot
	 */
	long reserve(long dueNanos, long nowNanos) {
		long first = slotOf(nowNanos);
		long slot = Math.max(slotOf(dueNanos), first);
		while (slot > first && this.reservations.getOrDefault(slot, 0) >= this.capacityPerSlot) {
			slot--;
		}
		this.reservations.merge(slot, 1, Integer::sum);
		return slot;
	}

	void release(long slot) {
		this.reservations.computeIfPresent(slot, (key, count) -> (count <= 1) ? null : count - 1);
	}

	/**
	 * Returns the send time within a slot for a heartbeat planned at {@code dueNanos}: unchanged
	 * when it kept its own slot, else the end of the earlier slot.
	 * @param slot the reserved slot
	 * @param dueNanos the planned send time
	 * @return the send time
	 */
	static long sendTime(long slot, long dueNanos) {
		return Math.min(dueNanos, (slot + 1) * SLOT_NANOS - 1);
	}

	/**
	 * Drops reservations of slots that have passed.
	 * @param nowNanos the current time
	 */
	void prune(long nowNanos) {
		long current = slotOf(nowNanos);
		if (current - this.prunedBelow >= 10) {
			this.reservations.keySet().removeIf((slot) -> slot < current - 1);
			this.prunedBelow = current;
		}
	}

	int reservedCount() {
		return this.reservations.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static long slotOf(long nanos) {
		return Math.floorDiv(nanos, SLOT_NANOS);
	}

}
