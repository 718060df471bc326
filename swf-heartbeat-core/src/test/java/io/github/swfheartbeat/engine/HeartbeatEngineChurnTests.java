package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 100,000 tasks start and end: nothing of them stays behind.
 */
class HeartbeatEngineChurnTests {

	@Test
	void churnLeavesNoTasksSlotsOrThreadsBehind() throws Exception {
		ManualClock recordingClock = new ManualClock();
		ScriptedTransport transport = new ScriptedTransport(recordingClock);
		HeartbeatEngine engine = new HeartbeatEngine(transport, HeartbeatEngineSettings.builder()
			.defaultHeartbeatTimeout(Duration.ofSeconds(2))
			.minSafetyMargin(Duration.ofMillis(100))
			.build());
		AtomicLong reported = new AtomicLong();
		engine.addListener(new HeartbeatListener() {
			@Override
			public void onTaskEnded(TaskSnapshot task) {
				reported.incrementAndGet();
			}

			// A task whose close reaches a starved scheduler after its 2 s deadline is reported
			// lost instead: either way it is reported once.
			@Override
			public void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
				reported.incrementAndGet();
			}
		});
		ExecutorService workers = Executors.newFixedThreadPool(4);
		try {
			// Warm up so that lazily started threads (listener lanes) exist before counting.
			engine.start("warm-up", HeartbeatOptions.defaults()).close();
			await().until(() -> reported.get() == 1);
			long engineThreadsBefore = engineThreads();
			List<Future<?>> results = new ArrayList<>();
			for (int worker = 0; worker < 4; worker++) {
				int id = worker;
				results.add(workers.submit(() -> {
					for (int i = 0; i < 25_000; i++) {
						try (HeartbeatHandle handle = engine.start("churn-" + id + "-" + i, HeartbeatOptions.defaults())) {
							handle.setDetails("step " + i);
						}
					}
				}));
			}
			for (Future<?> result : results) {
				result.get(2, TimeUnit.MINUTES);
			}
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(engine.stats().activeTasks()).isZero();
				assertThat(engine.trackedTokenCount()).isZero();
				assertThat(reported.get()).isEqualTo(100_001);
			});
			// The listener and sender pools grow to their bounds at most; the count must not follow
			// the task count.
			assertThat(engineThreads()).isLessThanOrEqualTo(
					engineThreadsBefore + HeartbeatEngine.LISTENER_THREADS + HeartbeatEngine.SENDER_THREADS);
			assertThat(engine.scheduler().queueSizes().get(10, TimeUnit.SECONDS)).containsExactly(0, 0, 0);
		}
		finally {
			workers.shutdownNow();
			engine.close();
		}
	}

	private static long engineThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("swf-heartbeat"))
			.count();
	}

}
