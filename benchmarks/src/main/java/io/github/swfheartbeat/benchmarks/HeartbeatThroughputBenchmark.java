package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatRequest;

import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Opens thousands of activity tasks on an embedded endpoint and sends RecordActivityTaskHeartbeat
 * for them, round-robin, through the real {@link SwfAsyncClient} on Netty, with a fixed number of
 * calls in flight, for fixed windows; reports calls per second and latency percentiles per window.
 *
 * <p>Retries are off so that every call is measured once and every failure is counted.
 */
final class HeartbeatThroughputBenchmark {

	private static final String DOMAIN = "benchmark";

	/** Long enough that no task times out during the benchmark; the check at the end proves it. */
	private static final Duration HEARTBEAT_TIMEOUT = Duration.ofMinutes(30);

	private final BenchmarkOptions options;

	HeartbeatThroughputBenchmark(BenchmarkOptions options) {
		this.options = options;
	}

	BenchmarkReport run() throws InterruptedException {
		try (EmbeddedSwf swf = EmbeddedSwf.start()) {
			swf.registerDomain(DOMAIN);
			swf.registerActivityType(DOMAIN, "Work", "1", HEARTBEAT_TIMEOUT);
			long opening = System.nanoTime();
			List<RecordActivityTaskHeartbeatRequest> heartbeats = new ArrayList<>(this.options.tasks());
			for (int i = 0; i < this.options.tasks(); i++) {
				String token = swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1")).taskToken();
				heartbeats.add(RecordActivityTaskHeartbeatRequest.builder()
					.taskToken(token)
					.details("progress " + i)
					.build());
			}
			Duration openingTime = Duration.ofNanos(System.nanoTime() - opening);
			System.out.printf("Opened %d activity tasks in %d ms%n", swf.openActivityTaskCount(),
					openingTime.toMillis());
			try (SwfAsyncClient client = client(swf)) {
				System.out.printf("Warming up for %d s%n", this.options.warmupSeconds());
				window(client, heartbeats, this.options.warmupSeconds(), new LatencyRecorder(1));
				List<BenchmarkReport.Run> runs = new ArrayList<>();
				for (int run = 1; run <= this.options.runs(); run++) {
					BenchmarkReport.Run result = measure(client, heartbeats);
					System.out.printf("Run %d: %.0f calls/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", run,
							result.callsPerSecond(), result.p50Millis(), result.p99Millis(), result.errors());
					runs.add(result);
				}
				int open = swf.openActivityTaskCount();
				if (open != this.options.tasks()) {
					throw new IllegalStateException(
							"Tasks closed during the benchmark: " + open + " of " + this.options.tasks() + " open");
				}
				return new BenchmarkReport(this.options, openingTime, runs);
			}
		}
	}

	private SwfAsyncClient client(EmbeddedSwf swf) {
		return SwfAsyncClient.builder()
			.endpointOverride(swf.endpoint())
			.region(Region.of(swf.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(EmbeddedSwf.ACCESS_KEY_ID, EmbeddedSwf.SECRET_ACCESS_KEY)))
			.httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(this.options.concurrency()))
			.overrideConfiguration((configuration) -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	private BenchmarkReport.Run measure(SwfAsyncClient client, List<RecordActivityTaskHeartbeatRequest> heartbeats)
			throws InterruptedException {
		LatencyRecorder latencies = new LatencyRecorder(4_000_000);
		long started = System.nanoTime();
		long errors = window(client, heartbeats, this.options.seconds(), latencies);
		double elapsedSeconds = (System.nanoTime() - started) / 1e9;
		return new BenchmarkReport.Run(latencies.count() / elapsedSeconds, latencies.percentileMillis(50),
				latencies.percentileMillis(99), errors);
	}

	/**
	 * Keeps {@code concurrency} heartbeats in flight for the window: each answer sends the next
	 * heartbeat, for the next task in turn.
	 * @return how many calls failed
	 */
	private long window(SwfAsyncClient client, List<RecordActivityTaskHeartbeatRequest> heartbeats, int seconds,
			LatencyRecorder latencies) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicLong next = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		CountDownLatch chains = new CountDownLatch(this.options.concurrency());
		for (int i = 0; i < this.options.concurrency(); i++) {
			new Runnable() {

				@Override
				public void run() {
					RecordActivityTaskHeartbeatRequest request = heartbeats
						.get((int) (next.getAndIncrement() % heartbeats.size()));
					long sent = System.nanoTime();
					client.recordActivityTaskHeartbeat(request).whenComplete((response, failure) -> {
						long now = System.nanoTime();
						if (failure != null) {
							errors.incrementAndGet();
						}
						else {
							latencies.record(now - sent);
						}
						if (now < end) {
							run();
						}
						else {
							chains.countDown();
						}
					});
				}

			}.run();
		}
		if (!chains.await(seconds + 60L, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Heartbeats did not finish within a minute of the window's end");
		}
		return errors.get();
	}

}
