package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.swfheartbeat.aspect.HeartbeatingActivity;
import io.github.swfheartbeat.aspect.HeartbeatingActivityAspect;
import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.event.ActivityCancellationRequestedEvent;
import io.github.swfheartbeat.event.HeartbeatEventPublisher;
import io.github.swfheartbeat.flow.FlowActivityTaskLocator;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The aspect, event and Flow auto-configurations with the real engine auto-configuration: they
 * order themselves after it, so their {@code @ConditionalOnBean} conditions see its engine (by
 * class name alone they would sort before it), and the event publisher reaches the engine as a
 * listener.
 */
class HeartbeatAspectAutoConfigurationOrderingTests {

	private static final String DOMAIN = "ordering-tests";

	@RegisterExtension
	static final EmbeddedSwfExtension swf = new EmbeddedSwfExtension(
			EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)));

	@Test
	void beansOfTheEngineAutoConfigurationAreSeenAndTheTaskIsCancelledEndToEnd() {
		swf.get().registerDomain(DOMAIN);
		swf.get().registerActivityType(DOMAIN, "Render", "1", Duration.ofSeconds(20));
		// Ours first on purpose: the runner sorts auto-configurations as Spring Boot does.
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HeartbeatAspectAutoConfiguration.class,
					HeartbeatEventsAutoConfiguration.class, HeartbeatFlowAutoConfiguration.class, AopAutoConfiguration.class,
					HeartbeatAutoConfiguration.class, SwfClientAutoConfiguration.class))
			.withPropertyValues("swf.client.endpoint=" + swf.get().endpoint(), "swf.client.region=" + EmbeddedSwf.REGION,
					"swf.client.credentials.access-key-id=" + EmbeddedSwf.ACCESS_KEY_ID,
					"swf.client.credentials.secret-access-key=" + EmbeddedSwf.SECRET_ACCESS_KEY,
					"swf.heartbeat.domain=" + DOMAIN, "swf.heartbeat.shutdown-grace-period=0s")
			.withUserConfiguration(RendererConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(HeartbeatingActivityAspect.class);
				assertThat(context).hasSingleBean(HeartbeatEventPublisher.class);
				assertThat(context).hasSingleBean(FlowActivityTaskLocator.class);
				StartedActivity started = swf.get().startActivity(ActivitySpec.of(DOMAIN, "Render", "1"));
				Renderer renderer = context.getBean(Renderer.class);
				CompletableFuture<Void> work = CompletableFuture.runAsync(() -> renderer.render(started.task()));
				await().until(() -> swf.get().activityTask(started.taskToken()).heartbeatCount() >= 1);
				swf.get().requestCancel(started.scheduled());
				RendererConfiguration recorder = context.getBean(RendererConfiguration.class);
				await().until(() -> !recorder.events.isEmpty());
				assertThatExceptionOfType(Exception.class).isThrownBy(work::join)
					.withCauseInstanceOf(ActivityCancellationRequestedException.class);
				await().until(() -> swf.get().activityTask(started.taskToken()).state() == ActivityTaskState.CANCELED);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class RendererConfiguration {

		final List<ActivityCancellationRequestedEvent> events = new CopyOnWriteArrayList<>();

		@Bean
		Renderer renderer() {
			return new Renderer();
		}

		@EventListener
		void onCancellation(ActivityCancellationRequestedEvent event) {
			this.events.add(event);
		}

	}

	static class Renderer {

		@HeartbeatingActivity(maxCancellationLatency = "1s", respondCanceled = true)
		void render(PollForActivityTaskResponse task) {
			HeartbeatContext context = HeartbeatContext.current();
			// Bounded, so that a failed run leaves no thread spinning for the rest of the JVM.
			for (int frame = 0; frame < 3_000 && !context.isLost(); frame++) {
				context.throwIfCancellationRequested();
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

	}

}
