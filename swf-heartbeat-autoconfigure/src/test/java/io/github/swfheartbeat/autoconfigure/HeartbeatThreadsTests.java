package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threads the starter's engine and heartbeat client start for heartbeats over real HTTP, with
 * the starter's defaults: each named, the SDK's own pools replaced by one timer thread and an
 * event loop group of two.
 */
class HeartbeatThreadsTests {

	private static final String DOMAIN = "threads";

	/**
	 * Threads of one per JVM that may start here: the blocking SwfClient's connection reaper (for
	 * polls and respond calls), and the JDK's timer for {@code CompletableFuture.orTimeout}, which
	 * bounds {@code heartbeatOnce}.
	 */
	private static final Set<String> SHARED_THREADS = Set.of("idle-connection-reaper",
			"java-sdk-http-connection-reaper", "CompletableFutureDelayScheduler");

	@RegisterExtension
	static final EmbeddedSwfExtension embedded = new EmbeddedSwfExtension();

	@Test
	void heartbeatsRunOnNamedThreadsOfTheEngineAndTheHeartbeatClientOnly() {
		EmbeddedSwf swf = embedded.get();
		swf.registerDomain(DOMAIN);
		swf.registerActivityType(DOMAIN, "work", "1", Duration.ofSeconds(60));
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SwfClientAutoConfiguration.class, HeartbeatAutoConfiguration.class))
			.withPropertyValues("swf.client.endpoint=" + swf.endpoint(), "swf.client.region=" + swf.region(),
					"swf.client.credentials.access-key-id=" + EmbeddedSwf.ACCESS_KEY_ID,
					"swf.client.credentials.secret-access-key=" + EmbeddedSwf.SECRET_ACCESS_KEY)
			.run((context) -> {
				HeartbeatEngine engine = context.getBean(HeartbeatEngine.class);
				for (int i = 0; i < 20; i++) {
					StartedActivity task = swf.startActivity(ActivitySpec.of(DOMAIN, "work", "1"));
					assertThat(engine.heartbeatOnce(task.taskToken(), null, ActivityTaskInfo.of(task.task(), DOMAIN))
						.get(10, TimeUnit.SECONDS)).isFalse();
				}
				Map<String, Long> started = startedSince(before);
				assertThat(started.keySet()).as("threads started for heartbeats: %s", started)
					.allMatch((name) -> name.startsWith("swf-heartbeat-") || SHARED_THREADS.contains(name));
				assertThat(started).containsEntry("swf-heartbeat-scheduler", 1L)
					.containsEntry("swf-heartbeat-call-timer", 1L);
				assertThat(started).containsEntry("swf-heartbeat-io-*-*", 1L);
				// One call at a time needs one sender: a pool starts threads only when none is idle.
				assertThat(started).containsEntry("swf-heartbeat-sender-*", 1L);
			});
	}

	/**
	 * Returns the live threads started since, by name with digits as {@code *}, leaving out the
	 * endpoint's.
	 */
	private static Map<String, Long> startedSince(Set<Thread> before) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread) && !thread.getName().startsWith("embedded-swf"))
			.collect(Collectors.groupingBy((thread) -> thread.getName().replaceAll("[0-9]+", "*"), TreeMap::new,
					Collectors.counting()));
	}

}
