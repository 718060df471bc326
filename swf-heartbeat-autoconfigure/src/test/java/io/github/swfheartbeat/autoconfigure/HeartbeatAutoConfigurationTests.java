package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.swfheartbeat.client.SwfAsyncClientCustomizer;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.DetailsOverflow;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.HeartbeatService;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.engine.EngineClock;
import io.github.swfheartbeat.engine.HeartbeatAttempt;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.engine.HeartbeatOutcome;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import io.github.swfheartbeat.engine.InvalidHeartbeatSettingsException;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import io.github.swfheartbeat.engine.SwfClientTransport;
import io.github.swfheartbeat.metrics.HeartbeatCallContext;
import io.github.swfheartbeat.metrics.ObservedHeartbeatTransport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HeartbeatAutoConfiguration}.
 */
class HeartbeatAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SwfClientAutoConfiguration.class, HeartbeatAutoConfiguration.class))
		.withBean(SwfAsyncClientCustomizer.class, SharedNettyHttpClient::customizer)
		.withPropertyValues("swf.client.region=us-east-1", "swf.client.endpoint=http://localhost:9");

	@Test
	void createsEngineAndTemplateOverTheAsyncClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HeartbeatEngine.class)
				.hasSingleBean(HeartbeatTemplate.class)
				.hasSingleBean(HeartbeatEngineLifecycle.class)
				.hasBean("heartbeatEngine")
				.hasBean("heartbeatTemplate")
				.hasBean("heartbeatTransport");
			assertThat(context).getBean(HeartbeatTransport.class).isInstanceOf(SwfAsyncClientTransport.class);
			assertThat(context.getBean(HeartbeatEngineSettings.class)).isEqualTo(HeartbeatEngineSettings.defaults());
			assertThat(context.getBean(HeartbeatEngine.class).transport()).isSameAs(context.getBean(HeartbeatTransport.class));
		});
	}

	@Test
	void runsTheEngineOnTheContextsClock() {
		WaitingClock clock = new WaitingClock();
		this.contextRunner.withBean(EngineClock.class, () -> clock).run((context) -> {
			assertThat(context).hasSingleBean(HeartbeatEngine.class);
			// The scheduler thread waits for its first step through the clock.
			await().atMost(Duration.ofSeconds(10)).until(() -> clock.waits.get() > 0);
		});
	}

	@Test
	void usesTheBlockingClientWithoutNetty() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
			.run((context) -> assertThat(context).getBean(HeartbeatTransport.class)
				.isInstanceOf(SwfClientTransport.class));
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("swf.heartbeat.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatEngine.class)
				.doesNotHaveBean(HeartbeatTemplate.class)
				.doesNotHaveBean(HeartbeatTransport.class)
				.doesNotHaveBean(HeartbeatProperties.class));
	}

	@Test
	void backsOffToTheApplicationsHeartbeatService() {
		this.contextRunner.withUserConfiguration(UserHeartbeatServiceConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(HeartbeatEngine.class)
				.doesNotHaveBean(HeartbeatTransport.class)
				.doesNotHaveBean(HeartbeatEngineLifecycle.class)
				.hasSingleBean(HeartbeatTemplate.class);
			// The template sends through the application's service.
			assertThat(context.getBean(HeartbeatTemplate.class).heartbeat("task-token-1")).isTrue();
			assertThat(context.getBean(UserHeartbeatServiceConfiguration.class).oneShots).containsExactly("task-token-1");
		});
	}

	@Test
	void backsOffToTheApplicationsTemplateSettingsAndTransport() {
		this.contextRunner.withUserConfiguration(UserEngineConfiguration.class).run((context) -> {
			assertThat(context).getBean(HeartbeatTemplate.class).isSameAs(context.getBean("userTemplate"));
			assertThat(context).getBean(HeartbeatTransport.class).isSameAs(context.getBean("userTransport"));
			assertThat(context.getBean(HeartbeatEngine.class).settings())
				.isSameAs(context.getBean(HeartbeatEngineSettings.class))
				.isEqualTo(UserEngineConfiguration.SETTINGS);
		});
	}

	@Test
	void bindsEveryEngineSetting() {
		this.contextRunner
			.withPropertyValues("swf.heartbeat.default-heartbeat-timeout=2m", "swf.heartbeat.max-cancellation-latency=5s",
					"swf.heartbeat.min-send-interval=2s", "swf.heartbeat.min-safety-margin=3s",
					"swf.heartbeat.rate-limit=40.5", "swf.heartbeat.rate-limit-burst=80",
					"swf.heartbeat.max-details-length=512", "swf.heartbeat.details-overflow=fail",
					"swf.heartbeat.call-timeout=4s", "swf.heartbeat.retry.initial-backoff=50ms",
					"swf.heartbeat.retry.max-backoff=2s", "swf.heartbeat.shutdown-grace-period=0s",
					"swf.heartbeat.discover-heartbeat-timeouts=false", "swf.heartbeat.domain=orders")
			.run((context) -> assertThat(context.getBean(HeartbeatEngineSettings.class))
				.isEqualTo(HeartbeatEngineSettings.builder()
					.defaultHeartbeatTimeout(Duration.ofMinutes(2))
					.maxCancellationLatency(Duration.ofSeconds(5))
					.minSendInterval(Duration.ofSeconds(2))
					.minSafetyMargin(Duration.ofSeconds(3))
					.rateLimit(40.5)
					.rateLimitBurst(80)
					.maxDetailsLength(512)
					.detailsOverflow(DetailsOverflow.FAIL)
					.callTimeout(Duration.ofSeconds(4))
					.retryInitialBackoff(Duration.ofMillis(50))
					.retryMaxBackoff(Duration.ofSeconds(2))
					.shutdownGracePeriod(Duration.ZERO)
					.discoverHeartbeatTimeouts(false)
					.defaultDomain("orders")
					.build()));
	}

	@Test
	void bindsSyncClientThreads() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
			.withPropertyValues("swf.heartbeat.sync-client-threads=3")
			.run((context) -> assertThat(callThreads(context.getBean(HeartbeatTransport.class))).isEqualTo(3));
		this.contextRunner.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
			.run((context) -> assertThat(callThreads(context.getBean(HeartbeatTransport.class))).isEqualTo(4));
	}

	@Test
	void failsOnSyncClientThreadsBelowOne() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
			.withPropertyValues("swf.heartbeat.sync-client-threads=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("swf.heartbeat.sync-client-threads"));
	}

	@Test
	void failsWithAnExplanationWhenSettingsCannotWork() {
		this.contextRunner
			.withPropertyValues("swf.heartbeat.min-send-interval=60s", "swf.heartbeat.rate-limit=-1",
					"swf.heartbeat.max-details-length=4096")
			.run((context) -> {
				assertThat(context).getFailure().rootCause().isInstanceOf(InvalidHeartbeatSettingsException.class);
				FailureAnalysis analysis = new InvalidHeartbeatSettingsFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("swf.heartbeat.min-send-interval (PT1M)")
					.contains("swf.heartbeat.rate-limit (-1.0): it must be a positive number")
					.contains("swf.heartbeat.max-details-length (4096): SWF accepts heartbeat details of at most 2048");
				assertThat(analysis.getAction())
					.contains("Lower swf.heartbeat.min-send-interval or swf.heartbeat.min-safety-margin")
					.contains("Set swf.heartbeat.rate-limit to a positive value")
					.contains("Set swf.heartbeat.max-details-length between 1 and 2048");
			});
	}

	@Test
	void failsWithAnExplanationWithoutAnSwfClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).getFailure().rootCause().isInstanceOf(MissingSwfClientException.class);
				FailureAnalysis analysis = new MissingSwfClientFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("neither an SwfAsyncClient nor an SwfClient bean");
				assertThat(analysis.getAction()).contains("Define an SwfAsyncClient")
					.contains("swf.client.*")
					.contains("swf.heartbeat.enabled=false");
			});
	}

	@Test
	void addsEveryListenerBeanToTheEngine() {
		this.contextRunner.withUserConfiguration(UserEngineConfiguration.class, ListenerConfiguration.class)
			.run((context) -> {
				HeartbeatTemplate template = context.getBean(HeartbeatTemplate.class);
				assertThat(template.heartbeat("task-token-1")).isFalse();
				ListenerConfiguration listeners = context.getBean(ListenerConfiguration.class);
				await().untilAsserted(() -> {
					assertThat(listeners.first).extracting(HeartbeatAttempt::outcome).containsExactly(HeartbeatOutcome.SUCCESS);
					assertThat(listeners.second).extracting(HeartbeatAttempt::outcome).containsExactly(HeartbeatOutcome.SUCCESS);
				});
			});
	}

	@Test
	void observesHeartbeatCallsWhenAnObservationRegistryIsPresent() {
		List<HeartbeatCallContext> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<HeartbeatCallContext>() {

			@Override
			public void onStop(HeartbeatCallContext context) {
				observed.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof HeartbeatCallContext;
			}

		});
		this.contextRunner.withUserConfiguration(UserEngineConfiguration.class)
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(context.getBean(HeartbeatEngine.class).transport()).isInstanceOf(ObservedHeartbeatTransport.class);
				context.getBean(HeartbeatTemplate.class).heartbeat("task-token-1");
				assertThat(observed).singleElement()
					.satisfies((call) -> assertThat(call.getOutcome()).isEqualTo(HeartbeatOutcome.SUCCESS));
			});
	}

	@Test
	void shutsTheEngineDownGracefullyWhenTheContextCloses() {
		this.contextRunner.withUserConfiguration(UserEngineConfiguration.class).run((context) -> {
			HeartbeatEngine engine = context.getBean(HeartbeatEngine.class);
			HeartbeatHandle handle = engine.start("task-token-1", HeartbeatOptions.defaults());
			CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
			await().until(() -> !engine.stats().accepting());
			// The task in flight keeps its heartbeats until its work ends.
			assertThat(engine.isTerminated()).isFalse();
			assertThat(closed).isNotDone();
			handle.close();
			closed.join();
			assertThat(engine.isTerminated()).isTrue();
		});
	}

	/**
	 * Threads of the blocking transport's own pool; the transport has no accessor for them.
	 */
	private static int callThreads(HeartbeatTransport transport) {
		assertThat(transport).isInstanceOf(SwfClientTransport.class);
		ThreadPoolExecutor executor = (ThreadPoolExecutor) ReflectionTestUtils.getField(transport, "executor");
		return executor.getMaximumPoolSize();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHeartbeatServiceConfiguration {

		final List<String> oneShots = new CopyOnWriteArrayList<>();

		@Bean
		HeartbeatService userHeartbeatService() {
			return new HeartbeatService() {

				@Override
				public HeartbeatHandle start(String taskToken, HeartbeatOptions options) {
					throw new UnsupportedOperationException();
				}

				@Override
				public CompletableFuture<Boolean> heartbeatOnce(String taskToken, String details,
						ActivityTaskInfo activityTask) {
					UserHeartbeatServiceConfiguration.this.oneShots.add(taskToken);
					return CompletableFuture.completedFuture(true);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEngineConfiguration {

		static final HeartbeatEngineSettings SETTINGS = HeartbeatEngineSettings.builder()
			.discoverHeartbeatTimeouts(false)
			.shutdownGracePeriod(Duration.ofSeconds(20))
			.build();

		@Bean
		HeartbeatTransport userTransport() {
			return new StubHeartbeatTransport();
		}

		@Bean
		HeartbeatEngineSettings userSettings() {
			return SETTINGS;
		}

		@Bean
		HeartbeatTemplate userTemplate(HeartbeatService heartbeatService) {
			return new HeartbeatTemplate(heartbeatService);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		final List<HeartbeatAttempt> first = new CopyOnWriteArrayList<>();

		final List<HeartbeatAttempt> second = new CopyOnWriteArrayList<>();

		@Bean
		HeartbeatListener firstListener() {
			return new HeartbeatListener() {

				@Override
				public void onHeartbeat(HeartbeatAttempt attempt) {
					ListenerConfiguration.this.first.add(attempt);
				}

			};
		}

		@Bean
		HeartbeatListener secondListener() {
			return new HeartbeatListener() {

				@Override
				public void onHeartbeat(HeartbeatAttempt attempt) {
					ListenerConfiguration.this.second.add(attempt);
				}

			};
		}

	}

	/**
	 * The system's time, counting the scheduler's waits.
	 */
	static final class WaitingClock implements EngineClock {

		final AtomicInteger waits = new AtomicInteger();

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public java.time.Instant now() {
			return java.time.Instant.now();
		}

		@Override
		public void awaitUntil(long deadlineNanos) {
			this.waits.incrementAndGet();
			EngineClock.super.awaitUntil(deadlineNanos);
		}

	}

}
