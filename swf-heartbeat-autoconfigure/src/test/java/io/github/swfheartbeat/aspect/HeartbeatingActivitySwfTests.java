package io.github.swfheartbeat.aspect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.swfheartbeat.autoconfigure.HeartbeatAspectAutoConfiguration;
import io.github.swfheartbeat.autoconfigure.HeartbeatEventsAutoConfiguration;
import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.event.ActivityCancellationRequestedEvent;
import io.github.swfheartbeat.event.ActivityTaskEvent;
import io.github.swfheartbeat.event.ActivityTaskLostEvent;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code @HeartbeatingActivity} methods in an application context, heartbeated over the real SDK
 * against the embedded SWF endpoint.
 */
class HeartbeatingActivitySwfTests {

	private static final String DOMAIN = "aspect-tests";

	private static final Duration CANCELLATION_LATENCY = Duration.ofSeconds(2);

	@RegisterExtension
	static final EmbeddedSwfExtension swf = new EmbeddedSwfExtension(
			EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, HeartbeatAspectAutoConfiguration.class,
				HeartbeatEventsAutoConfiguration.class))
		.withUserConfiguration(EmbeddedSwfEngineConfiguration.class);

	@BeforeAll
	static void registerTypes() {
		swf.get().registerDomain(DOMAIN);
		swf.get().registerActivityType(DOMAIN, "Transcode", "1", Duration.ofSeconds(20));
	}

	@Test
	void cancellationRequestReachesTheMethodAndAnEventWithinTheLatencyAndIsRespondedCanceled() {
		this.contextRunner.withUserConfiguration(TranscoderConfiguration.class).run((context) -> {
			StartedActivity started = swf.get().startActivity(ActivitySpec.of(DOMAIN, "Transcode", "1"));
			Transcoder transcoder = context.getBean(Transcoder.class);
			CompletableFuture<Void> work = CompletableFuture.runAsync(() -> transcoder.transcode(started.task()));
			await().until(() -> swf.get().activityTask(started.taskToken()).heartbeatCount() >= 1);
			Instant requested = Instant.now();
			swf.get().requestCancel(started.scheduled());
			EventRecorder events = context.getBean(EventRecorder.class);
			await().until(() -> !events.received.isEmpty());
			ActivityTaskEvent event = events.received.get(0);
			assertThat(event).isInstanceOf(ActivityCancellationRequestedEvent.class);
			assertThat(event.getTaskToken()).isEqualTo(started.taskToken());
			assertThat(event.getActivityId()).isEqualTo(started.scheduled().activityId());
			assertThat(event.getActivityType()).isEqualTo("Transcode:1");
			assertThat(event.getLastDetails()).startsWith("frame ");
			// A heartbeat goes out at least once per latency; allow for scheduling on a busy machine.
			// Without the latency the 20 s heartbeat timeout would take the better part of 20 s.
			assertThat(Duration.between(requested, event.getOccurredAt()))
				.isLessThanOrEqualTo(CANCELLATION_LATENCY.plusSeconds(1));
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> work.get(5, TimeUnit.SECONDS))
				.withCauseInstanceOf(ActivityCancellationRequestedException.class);
			await().until(() -> swf.get().activityTask(started.taskToken()).state() == ActivityTaskState.CANCELED);
			assertThat(swf.get().history(started.scheduled())).extracting((historyEvent) -> historyEvent.eventType())
				.contains(EventType.ACTIVITY_TASK_CANCEL_REQUESTED, EventType.ACTIVITY_TASK_CANCELED);
			assertThat(events.received).hasSize(1);
		});
	}

	@Test
	void taskTheEndpointTimesOutYieldsATaskLostEvent() {
		this.contextRunner.withUserConfiguration(TranscoderConfiguration.class).run((context) -> {
			StartedActivity started = swf.get().startActivity(ActivitySpec.of(DOMAIN, "Transcode", "1"));
			Transcoder transcoder = context.getBean(Transcoder.class);
			CountDownLatch release = new CountDownLatch(1);
			CompletableFuture<Boolean> lostSeenByTheMethod = CompletableFuture
				.supplyAsync(() -> transcoder.waitUntilReleased(started.taskToken(), release));
			await().until(() -> swf.get().activityTask(started.taskToken()).heartbeatCount() >= 1);
			swf.get().timeOut(started.taskToken());
			EventRecorder events = context.getBean(EventRecorder.class);
			await().until(() -> !events.received.isEmpty());
			assertThat(events.received).singleElement().isInstanceOfSatisfying(ActivityTaskLostEvent.class, (event) -> {
				assertThat(event.getReason()).isEqualTo(TaskLossReason.UNKNOWN_RESOURCE);
				assertThat(event.getTaskToken()).isEqualTo(started.taskToken());
				assertThat(event.toString()).doesNotContain(started.taskToken());
			});
			release.countDown();
			assertThat(lostSeenByTheMethod.get(5, TimeUnit.SECONDS)).isTrue();
			assertThat(swf.get().activityTask(started.taskToken()).state()).isEqualTo(ActivityTaskState.TIMED_OUT);
		});
	}

	@Test
	void methodWithoutATokenFailsTheStartUpWithAReadableMessage() {
		this.contextRunner.withUserConfiguration(BrokenConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new HeartbeatingActivityFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(Broken.class.getName() + ".transcode(String)")
				.contains("has no way to find its activity task's token");
			assertThat(analysis.getAction()).contains("@TaskToken");
		});
	}

	/**
	 * The engine the other auto-configuration creates, over the embedded endpoint: every
	 * {@link HeartbeatListener} bean is added to it.
	 */
	@Configuration(proxyBeanMethods = false)
	static class EmbeddedSwfEngineConfiguration {

		@Bean
		HeartbeatEngine heartbeatEngine(ObjectProvider<HeartbeatListener> listeners) {
			return EmbeddedSwfEngines.start(swf.get(), listeners.orderedStream().toList());
		}

		@Bean
		HeartbeatTemplate heartbeatTemplate(HeartbeatEngine engine) {
			return new HeartbeatTemplate(engine);
		}

		@Bean
		EventRecorder eventRecorder() {
			return new EventRecorder();
		}

	}

	static class EventRecorder {

		final List<ActivityTaskEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ActivityTaskEvent event) {
			this.received.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TranscoderConfiguration {

		@Bean
		Transcoder transcoder() {
			return new Transcoder();
		}

	}

	static class Transcoder {

		@HeartbeatingActivity(maxCancellationLatency = "1s", domain = DOMAIN, respondCanceled = true)
		public void transcode(PollForActivityTaskResponse task) {
			HeartbeatContext context = HeartbeatContext.current();
			for (int frame = 0; frame < 100_000; frame++) {
				context.setDetails("frame " + frame);
				context.throwIfCancellationRequested();
				sleep(20);
			}
		}

		@HeartbeatingActivity(maxCancellationLatency = "1s")
		public boolean waitUntilReleased(@TaskToken String token, CountDownLatch release) {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return HeartbeatContext.current().isLost();
		}

		private static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenConfiguration {

		@Bean
		Broken broken() {
			return new Broken();
		}

	}

	static class Broken {

		@HeartbeatingActivity
		public void transcode(String input) {
		}

	}

}
