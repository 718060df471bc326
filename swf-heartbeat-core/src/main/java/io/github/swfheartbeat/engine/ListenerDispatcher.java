package io.github.swfheartbeat.engine;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers engine notifications to listeners off the scheduler thread. Every listener has a lane
 * of its own: notifications reach it in order, one at a time, and a listener that blocks or
 * throws holds up only its own lane. Lanes run on a bounded pool: each lane takes one thread at
 * a time, however many notifications it has queued.
 */
final class ListenerDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(ListenerDispatcher.class);

	/**
	 * A lane this far behind belongs to a listener that is stuck: further heartbeat attempts are
	 * dropped rather than exhausting memory. Task notifications (started, ended, cancellation
	 * requested, lost) are never dropped: each is promised once, and there are at most a few per
	 * task.
	 */
	private static final int MAX_PENDING = 100_000;

	private final Executor executor;

	private final int maxPending;

	private final List<Lane> lanes = new CopyOnWriteArrayList<>();

	ListenerDispatcher(Executor executor) {
		this(executor, MAX_PENDING);
	}

	ListenerDispatcher(Executor executor, int maxPending) {
		this.executor = executor;
		this.maxPending = maxPending;
	}

	void add(HeartbeatListener listener) {
		this.lanes.add(new Lane(listener));
	}

	boolean remove(HeartbeatListener listener) {
		return this.lanes.removeIf((lane) -> lane.listener == listener);
	}

	/**
	 * Runs an action off the scheduler thread, such as completing a stage whose dependents are
	 * application code.
	 * @param action the action
	 */
	void runOffScheduler(Runnable action) {
		try {
			this.executor.execute(action);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not run {} off the scheduler thread", action, ex);
		}
	}

	/**
	 * Delivers a notification about a task to every listener; it is never dropped.
	 * @param notification the notification
	 */
	void dispatch(Consumer<HeartbeatListener> notification) {
		for (Lane lane : this.lanes) {
			lane.submit(notification, false);
		}
	}

	/**
	 * Delivers a heartbeat attempt to every listener, unless a listener's lane is too far behind.
	 * @param notification the notification
	 */
	void dispatchDroppable(Consumer<HeartbeatListener> notification) {
		for (Lane lane : this.lanes) {
			lane.submit(notification, true);
		}
	}

	private final class Lane implements Runnable {

		private final HeartbeatListener listener;

		private final Queue<Consumer<HeartbeatListener>> pending = new ArrayDeque<>();

		private boolean running;

		private long dropped;

		Lane(HeartbeatListener listener) {
			this.listener = listener;
		}

		void submit(Consumer<HeartbeatListener> notification, boolean droppable) {
			boolean start;
			synchronized (this) {
				if (droppable && this.pending.size() >= ListenerDispatcher.this.maxPending) {
					if (this.dropped++ % ListenerDispatcher.this.maxPending == 0) {
						logger.warn("Heartbeat listener {} is not keeping up: {} notifications dropped so far; "
								+ "move slow work off the listener thread", this.listener, this.dropped);
					}
					return;
				}
				this.pending.add(notification);
				start = !this.running;
				this.running = true;
			}
			if (start) {
				try {
					ListenerDispatcher.this.executor.execute(this);
				}
				catch (RuntimeException ex) {
					synchronized (this) {
						this.running = false;
					}
					logger.warn("Could not deliver heartbeat notifications to {}", this.listener, ex);
				}
			}
		}

		@Override
		public void run() {
			while (true) {
				Consumer<HeartbeatListener> next;
				synchronized (this) {
					next = this.pending.poll();
					if (next == null) {
						this.running = false;
						return;
					}
				}
				try {
					next.accept(this.listener);
				}
				catch (Throwable ex) {
					// Whatever it threw, the lane goes on: its next notifications, including
					// losses promised once, must still reach the listener.
					logger.warn("Heartbeat listener {} failed; heartbeats continue", this.listener, ex);
				}
			}
		}

	}

}
