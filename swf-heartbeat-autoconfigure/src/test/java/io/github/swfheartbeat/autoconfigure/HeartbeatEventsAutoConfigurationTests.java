package io.github.swfheartbeat.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.swfheartbeat.aspect.InMemoryHeartbeatTransport;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.event.ActivityCancellationRequestedEvent;
import io.github.swfheartbeat.event.HeartbeatEventPublisher;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HeartbeatEventsAutoConfiguration}.
 */
class HeartbeatEventsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HeartbeatEventsAutoConfiguration.class))
		.withUserConfiguration(TestEngineConfiguration.class);

	@Test
	void publishesCancellationRequestsAsApplicationEvents() {
		this.contextRunner.withUserConfiguration(EventRecorder.class).run((context) -> {
			assertThat(context).hasSingleBean(HeartbeatEventPublisher.class);
			context.getBean(InMemoryHeartbeatTransport.class).requestCancel("token-1");
			EventRecorder recorder = context.getBean(EventRecorder.class);
			try (HeartbeatHandle handle = context.getBean(HeartbeatEngine.class)
				.start("token-1", HeartbeatOptions.defaults())) {
				await().until(() -> !recorder.events.isEmpty());
			}
			assertThat(recorder.events).singleElement()
				.satisfies((event) -> assertThat(event.getTaskToken()).isEqualTo("token-1"));
		});
	}

	@Test
	void anEngineTheApplicationDefinesPublishesToo() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class, HeartbeatEventsAutoConfiguration.class))
			.withBean(HeartbeatEngine.class, () -> new InMemoryHeartbeatTransport().startEngine())
			.withUserConfiguration(EventRecorder.class)
			.run((context) -> {
				HeartbeatEngine engine = context.getBean(HeartbeatEngine.class);
				((InMemoryHeartbeatTransport) engine.transport()).requestCancel("token-1");
				EventRecorder recorder = context.getBean(EventRecorder.class);
				try (HeartbeatHandle handle = engine.start("token-1", HeartbeatOptions.defaults())) {
					await().until(() -> !recorder.events.isEmpty());
				}
			});
	}

	@Test
	void canBeSwitchedOff() {
		this.contextRunner.withPropertyValues("swf.heartbeat.events.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatEventPublisher.class));
	}

	@Test
	void backsOffWhenTheUserDefinesAPublisher() {
		this.contextRunner.withUserConfiguration(CustomPublisherConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HeartbeatEventPublisher.class);
			assertThat(context).hasBean("customPublisher");
		});
	}

	@Test
	void needsAHeartbeatEngine() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatEventsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatEventPublisher.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class EventRecorder {

		final List<ActivityCancellationRequestedEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void onCancellation(ActivityCancellationRequestedEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomPublisherConfiguration {

		@Bean
		HeartbeatEventPublisher customPublisher() {
			return new HeartbeatEventPublisher((event) -> {
			});
		}

	}

}
