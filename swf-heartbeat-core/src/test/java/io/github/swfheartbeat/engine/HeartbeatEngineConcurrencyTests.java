package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handles, details and cancellation touched from many threads at once against a running engine.
 */
class HeartbeatEngineConcurrencyTests {

	private final ManualClock recordingClock = new ManualClock();

	private final ScriptedTransport transport = new ScriptedTransport(this.recordingClock);

	private final RecordingListener listener = new RecordingListener();

	private final ExecutorService workers = Executors.newFixedThreadPool(8);

	private final HeartbeatEngine engine = new HeartbeatEngine(this.transport, HeartbeatEngineSettings.builder()
		.defaultHeartbeatTimeout(Duration.ofSeconds(3))
		.minSafetyMargin(Duration.ofMillis(2900))
		.minSendInterval(Duration.ofMillis(50))
		.rateLimit(100_000)
		.rateLimitBurst(100_000)
		.build());

	@AfterEach
	void stop() {
		this.workers.shutdownNow();
		this.engine.shutdown(Duration.ZERO);
	}

	@Test
	void handlesOpenedAndClosedConcurrentlyLeaveNothingBehind() throws Exception {
		this.engine.addListener(this.listener);
		// Details set for each token, and details sent with each token's heartbeats.
		Map<String, Set<String>> setFor = new ConcurrentHashMap<>();
		Map<String, Set<String>> sentWith = new ConcurrentHashMap<>();
		this.transport.always((call) -> {
			if (call.details() != null) {
				sentWith.computeIfAbsent(call.token(), (token) -> ConcurrentHashMap.newKeySet()).add(call.details());
			}
			return CompletableFuture.completedFuture(false);
		});
		// One handle per token stays open throughout, so tasks live long enough to heartbeat.
		List<HeartbeatHandle> anchors = new ArrayList<>();
		for (int token = 0; token < 20; token++) {
			anchors.add(this.engine.start("token-" + token, HeartbeatOptions.defaults()));
		}
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> results = new ArrayList<>();
		for (int worker = 0; worker < 8; worker++) {
			int id = worker;
			results.add(this.workers.submit(() -> {
				start.await();
				for (int i = 0; i < 2_000; i++) {
					String token = "token-" + ThreadLocalRandom.current().nextInt(20);
					// Heartbeats every 50 ms, so that they go out while the handles churn.
					try (HeartbeatHandle handle = this.engine.start(token,
							HeartbeatOptions.defaults().withMaxCancellationLatency(Duration.ofMillis(50)))) {
						String details = "worker-" + id + "-" + i;
						setFor.computeIfAbsent(token, (t) -> ConcurrentHashMap.newKeySet()).add(details);
						handle.setDetails(details);
						if (i % 100 == 0) {
							Thread.sleep(1);
						}
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> result : results) {
			result.get(60, TimeUnit.SECONDS);
		}
		// The churn is over in milliseconds: let every task heartbeat with the details it holds.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.transport.calls.size() >= 20);
		anchors.forEach(HeartbeatHandle::close);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.engine.stats().activeTasks()).isZero();
			assertThat(this.listener.ended).hasSameSizeAs(this.listener.started);
		});
		assertThat(this.engine.scheduler().queueSizes().get(5, TimeUnit.SECONDS)).containsExactly(0, 0, 0);
		assertThat(this.engine.trackedTokenCount()).isZero();
		// A task's heartbeats carry only details set on that task's handles, never another's.
		assertThat(sentWith).as("details sent; %s calls", this.transport.calls.size()).isNotEmpty();
		sentWith.forEach((token, sent) -> assertThat(setFor.get(token)).as(token).containsAll(sent));
	}

	@Test
	void cancellationSeenByManyCallsAtOnceIsReportedOnce() throws Exception {
		this.engine.addListener(this.listener);
		this.transport.always((call) -> CompletableFuture.completedFuture(true));
		HeartbeatHandle handle = this.engine.start("token-1", HeartbeatOptions.defaults()
			.withMaxCancellationLatency(Duration.ofMillis(50)));
		List<CompletableFuture<Boolean>> calls = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> submitted = new ArrayList<>();
		for (int worker = 0; worker < 8; worker++) {
			submitted.add(this.workers.submit(() -> {
				start.await();
				for (int i = 0; i < 50; i++) {
					CompletableFuture<Boolean> call = this.engine.heartbeatOnce("token-1", "x", ActivityTaskInfo.unknown());
					synchronized (calls) {
						calls.add(call);
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : submitted) {
			future.get(30, TimeUnit.SECONDS);
		}
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(5)).until(handle::isCancellationRequested);
		// Every answer was posted before this: once the scheduler has run it, all are handled.
		this.engine.scheduler().queueSizes().get(5, TimeUnit.SECONDS);
		// The end of the task reaches the listener after every notification before it.
		handle.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.listener.ended.size() == 1);
		assertThat(this.listener.cancellations).hasSize(1);
		assertThat(this.engine.stats().cancellationsRequested()).isEqualTo(1);
	}

}
