package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.engine.EngineClock;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.spring.AutoConfigureEmbeddedSwf;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured engine on the virtual time of the embedded endpoint, over the real SDK
 * client: {@code @AutoConfigureEmbeddedSwf(virtualTime = true)} contributes the clock.
 */
@SpringBootTest(classes = HeartbeatEngineOnVirtualTimeApplicationTests.Application.class,
		properties = "swf.heartbeat.domain=" + HeartbeatEngineOnVirtualTimeApplicationTests.DOMAIN)
@AutoConfigureEmbeddedSwf(longPollTimeout = "2", virtualTime = true)
class HeartbeatEngineOnVirtualTimeApplicationTests {

	static final String DOMAIN = "virtual-app";

	private static final Duration T = Duration.ofMinutes(10);

	@Autowired
	private EmbeddedSwf swf;

	@Autowired
	private HeartbeatEngine engine;

	@Autowired
	private EngineClock clock;

	@Test
	void theEngineKeepsATaskAliveThroughHoursOfVirtualTimeAndItTimesOutExactlyOneTimeoutAfterItStops() {
		this.swf.registerDomain(DOMAIN);
		this.swf.registerActivityType(DOMAIN, "Render", "1", T);
		StartedActivity task = this.swf.startActivity(ActivitySpec.of(DOMAIN, "Render", "1"));
		Instant start = this.swf.currentTime();
		assertThat(this.clock.now()).isEqualTo(start);
		HeartbeatOptions options = HeartbeatOptions.defaults()
			.withActivityTask(ActivityTaskInfo.of(task.task(), DOMAIN))
			.withPolledAt(start);
		try (HeartbeatHandle handle = this.engine.start(task.taskToken(), options)) {
			this.swf.advance(Duration.ofHours(2));
			assertThat(handle.isLost()).isFalse();
		}
		// The type's timeout, discovered: a first heartbeat after 400 s, then one every 599 s.
		assertThat(this.swf.activityTask(task.taskToken()).state()).isEqualTo(ActivityTaskState.OPEN);
		assertThat(this.swf.activityTask(task.taskToken()).heartbeatCount()).isEqualTo(12);
		this.swf.advance(Duration.ofHours(1));
		List<HistoryEvent> timedOut = this.swf.history(task.scheduled())
			.stream()
			.filter((event) -> event.eventType() == EventType.ACTIVITY_TASK_TIMED_OUT)
			.toList();
		assertThat(timedOut).singleElement()
			.satisfies((event) -> assertThat(event.eventTimestamp())
				.isEqualTo(start.plusSeconds(400 + 11 * 599).plus(T)));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
