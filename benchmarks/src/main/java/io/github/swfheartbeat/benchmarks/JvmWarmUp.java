package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.function.Function;

import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Runs both approaches briefly, once per JVM, before anything is measured, so that the SDK's
 * request path is compiled by the JIT and the measured runs see a warm JVM, as a long-running
 * worker does. Nothing from the warm-up is reported.
 * <p>
 * Without it, the first scenario measures a cold start: its tasks all start together and their
 * first heartbeats fall due together on a client whose first calls take seconds.
 */
final class JvmWarmUp {

	private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(3);

	private static final Duration LENGTH = Duration.ofSeconds(12);

	private static final int TASKS = 600;

	private static boolean done;

	private JvmWarmUp() {
	}

	static synchronized void ensure() throws InterruptedException {
		if (done) {
			return;
		}
		done = true;
		System.out.printf("Warming up the JVM for %d s%n", 2 * LENGTH.toSeconds());
		HeartbeatEngineSettings settings = HeartbeatEngineSettings.builder().rateLimit(2_000).rateLimitBurst(2_000).build();
		warm((swf) -> new EngineKeepAlive(swf, settings, HEARTBEAT_TIMEOUT));
		warm((swf) -> new ScheduledExecutorBaseline(swf, 8, HEARTBEAT_TIMEOUT));
	}

	private static void warm(Function<EmbeddedSwf, KeepAlive> approach) throws InterruptedException {
		try (EmbeddedSwf swf = EmbeddedSwf.start(); KeepAlive keepAlive = approach.apply(swf)) {
			BenchmarkTasks tasks = new BenchmarkTasks(swf, HEARTBEAT_TIMEOUT);
			for (int i = 0; i < TASKS; i++) {
				keepAlive.keep(tasks.startOne());
			}
			Thread.sleep(LENGTH.toMillis());
		}
	}

}
