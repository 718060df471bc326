package io.github.swfheartbeat.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * A bounded pool of daemon threads that starts a thread only when none of its threads is idle or
 * coming back from a task, and gives work to the thread that became idle last. A
 * {@link ThreadPoolExecutor} starts a new thread for every task until it has its core size, even
 * when its threads are waiting for work,
 * and hands work to its idle threads in turn, so that none of them ever idles long enough to end:
 * under a steady flow of short tasks the engine's pools would keep all their threads although one
 * does the work. Here the threads a burst needed go idle once it has passed and end after the
 * keep-alive time. Tasks wait in order when every thread is busy and there are as many as
 * allowed.
 */
final class OnDemandThreadPool extends AbstractExecutorService {

	private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final String namePrefix;

	private final int maxThreads;

	private final long keepAliveNanos;

	/** Package-private so that a test can hold a worker between its task and its next one. */
	final ReentrantLock lock = new ReentrantLock();

	private final Condition terminated = this.lock.newCondition();

	private final ArrayDeque<Runnable> queued = new ArrayDeque<>();

	/** Idle workers, the one that became idle last first. */
	private final ArrayDeque<Worker> idle = new ArrayDeque<>();

	private final Set<Worker> workers = new HashSet<>();

	private int started;

	/**
	 * Workers whose task has returned and that have not yet come back for another: a task given
	 * now reaches one of them at once, and a new thread for it would only idle.
	 */
	private final AtomicInteger finishing = new AtomicInteger();

	private boolean shutdown;

	/**
	 * Creates a pool of threads named {@code namePrefix} and a number, idle threads ending after
	 * 10 seconds, so that the threads a burst needed do not outlive it by long.
	 * @param namePrefix the threads' name before their number
	 * @param maxThreads the most threads the pool runs at once
	 */
	OnDemandThreadPool(String namePrefix, int maxThreads) {
		this(namePrefix, maxThreads, KEEP_ALIVE_NANOS);
	}

	OnDemandThreadPool(String namePrefix, int maxThreads, long keepAliveNanos) {
		if (maxThreads < 1) {
			throw new IllegalArgumentException("maxThreads must be at least 1 but was " + maxThreads);
		}
		this.namePrefix = namePrefix;
		this.maxThreads = maxThreads;
		this.keepAliveNanos = keepAliveNanos;
	}

	@Override
	public void execute(Runnable task) {
		Objects.requireNonNull(task, "task must not be null");
		this.lock.lock();
		try {
			if (this.shutdown) {
				throw new RejectedExecutionException("The pool " + this.namePrefix + "* is shut down");
			}
			Worker worker = this.idle.pollFirst();
			if (worker != null) {
				worker.handOff(task);
			}
			else if (this.queued.size() < this.finishing.get()) {
				this.queued.add(task);
			}
			else if (this.workers.size() < this.maxThreads) {
				Worker started = new Worker(task);
				this.workers.add(started);
				started.thread.start();
			}
			else {
				this.queued.add(task);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns how many threads the pool has now.
	 * @return the number of live threads
	 */
	int threadCount() {
		this.lock.lock();
		try {
			return this.workers.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns how many threads wait for work.
	 * @return the number of idle threads
	 */
	int idleThreadCount() {
		this.lock.lock();
		try {
			return this.idle.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void shutdown() {
		this.lock.lock();
		try {
			this.shutdown = true;
			// Idle threads end now; busy ones after the queued tasks.
			for (Worker worker : this.idle) {
				worker.wake.signal();
			}
			signalIfTerminated();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public List<Runnable> shutdownNow() {
		this.lock.lock();
		try {
			shutdown();
			List<Runnable> pending = new ArrayList<>(this.queued);
			this.queued.clear();
			this.workers.forEach((worker) -> worker.thread.interrupt());
			return pending;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean isShutdown() {
		this.lock.lock();
		try {
			return this.shutdown;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean isTerminated() {
		this.lock.lock();
		try {
			return this.shutdown && this.workers.isEmpty();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		long left = unit.toNanos(timeout);
		this.lock.lock();
		try {
			while (!(this.shutdown && this.workers.isEmpty())) {
				if (left <= 0) {
					return false;
				}
				left = this.terminated.awaitNanos(left);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void signalIfTerminated() {
		if (this.shutdown && this.workers.isEmpty()) {
			this.terminated.signalAll();
		}
	}

	private final class Worker implements Runnable {

		final Thread thread;

		final Condition wake = OnDemandThreadPool.this.lock.newCondition();

		private @Nullable Runnable next;

		Worker(Runnable first) {
			this.next = first;
			this.thread = new Thread(this, OnDemandThreadPool.this.namePrefix + (++OnDemandThreadPool.this.started));
			this.thread.setDaemon(true);
		}

		/** Called with the lock held. */
		void handOff(Runnable task) {
			this.next = task;
			this.wake.signal();
		}

		@Override
		public void run() {
			Runnable task = take(false);
			while (task != null) {
				try {
					task.run();
				}
				catch (Throwable ex) {
					// The thread goes on with the next task, as a ThreadPoolExecutor's replacement would.
					this.thread.getUncaughtExceptionHandler().uncaughtException(this.thread, ex);
				}
				OnDemandThreadPool.this.finishing.incrementAndGet();
				task = take(true);
			}
		}

		/**
		 * Returns the next task, waiting idle up to the keep-alive time; {@code null} when this
		 * thread should end.
		 * @param afterTask whether the thread comes back from a task, counted as finishing
		 */
		private @Nullable Runnable take(boolean afterTask) {
			OnDemandThreadPool pool = OnDemandThreadPool.this;
			pool.lock.lock();
			try {
				if (afterTask) {
					pool.finishing.decrementAndGet();
				}
				if (this.next == null) {
					this.next = pool.queued.poll();
				}
				if (this.next == null && !pool.shutdown) {
					pool.idle.addFirst(this);
					long left = pool.keepAliveNanos;
					while (this.next == null && !pool.shutdown && left > 0) {
						try {
							left = this.wake.awaitNanos(left);
						}
						catch (InterruptedException ex) {
							// Only shutdownNow interrupts, and it has set shutdown.
						}
					}
					if (this.next == null) {
						pool.idle.remove(this);
					}
				}
				Runnable task = this.next;
				this.next = null;
				if (task == null) {
					pool.workers.remove(this);
					pool.signalIfTerminated();
				}
				return task;
			}
			finally {
				pool.lock.unlock();
			}
		}

	}

}
