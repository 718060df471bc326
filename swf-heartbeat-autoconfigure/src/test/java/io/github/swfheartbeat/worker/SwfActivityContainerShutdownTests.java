package io.github.swfheartbeat.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.ScheduledActivity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the listener containers do with tasks and polls in flight when the application stops, on
 * the real SDK against the embedded endpoint.
 */
class SwfActivityContainerShutdownTests {

	private static final String DOMAIN = "shutdown";

	private EmbeddedSwf swf;

	@BeforeEach
	void startSwf() {
		// One second of long poll instead of SWF's 60: stopping waits for polls in flight.
		this.swf = EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)).start();
		this.swf.registerDomain(DOMAIN);
	}

	@AfterEach
	void stopSwf() {
		this.swf.close();
	}

	@Test
	void tasksRunningAtShutdownFinishWithTheirHeartbeatsAndAreResponded() {
		ConfigurableApplicationContext context = start(Map.of());
		Activities activities = context.getBean(Activities.class);
		List<ScheduledActivity> running = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			running.add(schedule("slow", Duration.ofSeconds(5)));
		}
		await().until(() -> activities.slowStarted.get() == 2);

		context.close();

		// Closing returned: both tasks ended while their heartbeats went on, and were answered.
		for (ScheduledActivity activity : running) {
			assertThat(this.swf.activityTask(activity).state()).isEqualTo(ActivityTaskState.COMPLETED);
			assertThat(this.swf.activityTask(activity).timeoutType()).isNull();
		}
	}

	@Test
	void pollInFlightAtShutdownRunsTheTaskItReturns() {
		ConfigurableApplicationContext context = start(Map.of("swf.worker.concurrency", "1", "swf.worker.pollers", "1"));
		// SWF hands the task out at once but its answer takes 1.5 s to arrive.
		this.swf.faults().latency("PollForActivityTask", Duration.ofMillis(1_500));
		ScheduledActivity activity = schedule("fast", null);
		await().until(() -> this.swf.activityTask(activity).started());

		context.close();

		assertThat(this.swf.activityTask(activity).state()).isEqualTo(ActivityTaskState.COMPLETED);
	}

	@Test
	void taskStillRunningAtTheEndOfTheGracePeriodIsReportedAndInterrupted() {
		ConfigurableApplicationContext context = start(Map.of("swf.worker.shutdown-grace-period", "1s"));
		Activities activities = context.getBean(Activities.class);
		ScheduledActivity activity = schedule("endless", Duration.ofSeconds(30));
		await().until(() -> activities.endlessStarted.get() == 1);

		long start = System.nanoTime();
		context.close();

		// The grace period, then the interrupted work's answer; far less than the task's 30 s.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		await().until(() -> !this.swf.activityTask(activity).isOpen());
		HistoryEvent failed = this.swf.history(activity)
			.stream()
			.filter((event) -> event.eventType() == EventType.ACTIVITY_TASK_FAILED)
			.findFirst()
			.orElseThrow();
		assertThat(failed.activityTaskFailedEventAttributes().reason()).isEqualTo("Worker stopped");
	}

	private ScheduledActivity schedule(String type, Duration heartbeatTimeout) {
		ActivitySpec.Builder spec = ActivitySpec.builder(DOMAIN, type, "1.0").taskList("work").input("x");
		if (heartbeatTimeout != null) {
			spec.heartbeatTimeout(heartbeatTimeout);
		}
		return this.swf.scheduleActivity(spec.build());
	}

	private ConfigurableApplicationContext start(Map<String, Object> properties) {
		Map<String, Object> all = new java.util.HashMap<>(properties);
		all.put("swf.client.endpoint", this.swf.endpoint().toString());
		all.put("swf.client.region", this.swf.region());
		all.put("swf.client.credentials.access-key-id", EmbeddedSwf.ACCESS_KEY_ID);
		all.put("swf.client.credentials.secret-access-key", EmbeddedSwf.SECRET_ACCESS_KEY);
		all.put("swf.worker.domain", DOMAIN);
		all.put("swf.worker.task-list", "work");
		all.put("swf.worker.register-activity-types", "true");
		return new SpringApplicationBuilder(ShutdownApplication.class).web(WebApplicationType.NONE)
			.properties(all)
			.run();
	}

	static class Activities {

		final AtomicInteger slowStarted = new AtomicInteger();

		final AtomicInteger endlessStarted = new AtomicInteger();

		@SwfActivity(heartbeatTimeout = "5s")
		String slow(String input) throws InterruptedException {
			this.slowStarted.incrementAndGet();
			// Longer than the heartbeat timeout: the task lives only if heartbeats go on while stopping.
			Thread.sleep(6_000);
			return "slow";
		}

		@SwfActivity
		String fast(String input) {
			return "fast";
		}

		@SwfActivity(heartbeatTimeout = "30s")
		String endless(String input) throws InterruptedException {
			this.endlessStarted.incrementAndGet();
			Thread.sleep(60_000);
			return "endless";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShutdownApplication {

		@Bean
		Activities activities() {
			return new Activities();
		}

	}

}
