package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link OnDemandThreadPool}: a thread only when none is idle, work to the thread idle
 * last so that the others end, queued work when all are busy.
 */
class OnDemandThreadPoolTests {

	private OnDemandThreadPool pool;

	@AfterEach
	void shutDown() throws InterruptedException {
		this.pool.shutdownNow();
		assertThat(this.pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aSteadyFlowOfShortTasksRunsOnOneThread() throws Exception {
		this.pool = new OnDemandThreadPool("pool-test-", 4);
		Set<String> threads = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 50; i++) {
			CountDownLatch done = new CountDownLatch(1);
			this.pool.execute(() -> {
				threads.add(Thread.currentThread().getName());
				done.countDown();
			});
			assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
			// The thread is idle again before the next task comes.
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(1))
				.atMost(Duration.ofSeconds(5))
				.until(() -> idleThreads() == 1);
		}
		assertThat(threads).containsExactly("pool-test-1");
		assertThat(this.pool.threadCount()).isEqualTo(1);
	}

	@Test
	void aTaskGivenWhileAThreadComesBackFromItsTaskGoesToThatThread() throws Exception {
		this.pool = new OnDemandThreadPool("finishing-", 4);
		Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		this.pool.execute(() -> {
			ranOn.add(Thread.currentThread());
			running.countDown();
			awaitQuietly(release);
		});
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
		Thread first = ranOn.iterator().next();
		// Holding the pool's lock keeps the thread between its task and its next one, where a
		// listener lane that just ended leaves its thread when the next notification comes.
		this.pool.lock.lock();
		try {
			release.countDown();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.pool.lock.hasQueuedThread(first));
			this.pool.execute(() -> {
				ranOn.add(Thread.currentThread());
				secondDone.countDown();
			});
		}
		finally {
			this.pool.lock.unlock();
		}
		assertThat(secondDone.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(ranOn).containsExactly(first);
		assertThat(this.pool.threadCount()).isEqualTo(1);
	}

	@Test
	void busyThreadsGetCompanyUpToTheMaximumThenTasksWait() throws Exception {
		this.pool = new OnDemandThreadPool("pool-test-", 2);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger finished = new AtomicInteger();
		for (int i = 0; i < 3; i++) {
			this.pool.execute(() -> {
				awaitQuietly(release);
				finished.incrementAndGet();
			});
		}
		assertThat(this.pool.threadCount()).isEqualTo(2);
		assertThat(finished).hasValue(0);
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 3);
		assertThat(this.pool.threadCount()).isEqualTo(2);
	}

	@Test
	void threadsABurstStartedEndOnceIdleWhileTheFlowGoesOn() throws Exception {
		this.pool = new OnDemandThreadPool("pool-test-", 4, TimeUnit.SECONDS.toNanos(1));
		CountDownLatch release = new CountDownLatch(1);
		for (int i = 0; i < 4; i++) {
			this.pool.execute(() -> awaitQuietly(release));
		}
		assertThat(this.pool.threadCount()).isEqualTo(4);
		release.countDown();
		// A flow of one short task every 20 ms needs one thread: the three others go idle and end,
		// since each task goes to the thread that became idle last.
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
			this.pool.execute(() -> {
			});
			return this.pool.threadCount() == 1;
		});
	}

	@Test
	void shutdownRunsQueuedTasksThenEndsEveryThread() throws Exception {
		this.pool = new OnDemandThreadPool("pool-test-", 1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger finished = new AtomicInteger();
		this.pool.execute(() -> awaitQuietly(release));
		this.pool.execute(finished::incrementAndGet);
		this.pool.shutdown();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> this.pool.execute(() -> {
		}));
		assertThat(this.pool.isTerminated()).isFalse();
		release.countDown();
		assertThat(this.pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		assertThat(finished).hasValue(1);
		assertThat(this.pool.threadCount()).isZero();
	}

	@Test
	void aTaskThatThrowsLeavesItsThreadToTheNextTask() throws Exception {
		this.pool = new OnDemandThreadPool("pool-test-", 1);
		CountDownLatch done = new CountDownLatch(1);
		Thread.UncaughtExceptionHandler quiet = (thread, ex) -> {
		};
		this.pool.execute(() -> {
			Thread.currentThread().setUncaughtExceptionHandler(quiet);
			throw new IllegalStateException("boom");
		});
		this.pool.execute(done::countDown);
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.pool.threadCount()).isEqualTo(1);
	}

	private int idleThreads() {
		return this.pool.idleThreadCount();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
