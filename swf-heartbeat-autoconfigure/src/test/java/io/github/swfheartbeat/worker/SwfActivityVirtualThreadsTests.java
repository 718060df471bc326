package io.github.swfheartbeat.worker;

import java.time.Duration;

import io.github.swfheartbeat.autoconfigure.HeartbeatAutoConfiguration;
import io.github.swfheartbeat.autoconfigure.SwfClientAutoConfiguration;
import io.github.swfheartbeat.autoconfigure.SwfWorkerAutoConfiguration;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.ScheduledActivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code spring.threads.virtual.enabled=true} the container runs activity methods on virtual
 * threads, and on platform threads without it. Virtual threads need Java 21: the build's baseline
 * is 17, so this runs where the tests run on a newer JDK.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class SwfActivityVirtualThreadsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SwfClientAutoConfiguration.class, HeartbeatAutoConfiguration.class,
				SwfWorkerAutoConfiguration.class));

	@Test
	void activityMethodsRunOnVirtualThreadsWhenSpringUsesThem() {
		assertThat(runOnce("spring.threads.virtual.enabled=true")).isTrue();
	}

	@Test
	void activityMethodsRunOnPlatformThreadsByDefault() {
		assertThat(runOnce("spring.threads.virtual.enabled=false")).isFalse();
	}

	private boolean runOnce(String virtualThreads) {
		try (EmbeddedSwf swf = EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)).start()) {
			swf.registerDomain("media");
			Activities activities = new Activities();
			this.contextRunner
				.withPropertyValues(virtualThreads, "swf.client.endpoint=" + swf.endpoint(),
						"swf.client.region=" + swf.region(),
						"swf.client.credentials.access-key-id=" + EmbeddedSwf.ACCESS_KEY_ID,
						"swf.client.credentials.secret-access-key=" + EmbeddedSwf.SECRET_ACCESS_KEY,
						"swf.worker.domain=media", "swf.worker.task-list=work", "swf.worker.register-activity-types=true")
				.withBean(Activities.class, () -> activities)
				.run((context) -> {
					ScheduledActivity activity = swf.scheduleActivity(
							ActivitySpec.builder("media", "resize", "1.0").taskList("work").input("x").build());
					await().atMost(Duration.ofSeconds(30))
						.until(() -> swf.activityTask(activity).state() == ActivityTaskState.COMPLETED);
				});
			assertThat(activities.ranOn).isNotNull();
			return isVirtual(activities.ranOn);
		}
	}

	private static boolean isVirtual(Thread thread) {
		try {
			// Thread.isVirtual() is Java 21 API; the sources compile for 17.
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Activities {

		volatile Thread ranOn;

		@SwfActivity(heartbeatTimeout = "30s")
		String resize(String input) {
			this.ranOn = Thread.currentThread();
			return "done";
		}

	}

}
