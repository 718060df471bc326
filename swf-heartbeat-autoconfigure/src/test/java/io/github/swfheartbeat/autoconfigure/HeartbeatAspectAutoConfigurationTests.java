package io.github.swfheartbeat.autoconfigure;

import com.amazonaws.services.simpleworkflow.flow.annotations.Activities;
import com.amazonaws.services.simpleworkflow.flow.annotations.ActivityRegistrationOptions;
import com.amazonaws.services.simpleworkflow.flow.worker.CurrentActivityExecutionContext;
import io.github.swfheartbeat.aspect.ActivityMethodInspector;
import io.github.swfheartbeat.aspect.HeartbeatingActivity;
import io.github.swfheartbeat.aspect.HeartbeatingActivityAspect;
import io.github.swfheartbeat.aspect.HeartbeatingActivityFailureAnalyzer;
import io.github.swfheartbeat.aspect.HeartbeatingActivityValidator;
import io.github.swfheartbeat.aspect.InMemoryHeartbeatTransport;
import io.github.swfheartbeat.aspect.InvalidHeartbeatingActivityException;
import io.github.swfheartbeat.aspect.TaskToken;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import org.aspectj.weaver.Advice;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HeartbeatAspectAutoConfiguration}.
 */
class HeartbeatAspectAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, HeartbeatAspectAutoConfiguration.class,
				HeartbeatFlowAutoConfiguration.class))
		.withUserConfiguration(TestEngineConfiguration.class);

	@Test
	void registersTheAspectAndTheValidator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HeartbeatingActivityAspect.class);
			assertThat(context).hasSingleBean(HeartbeatingActivityValidator.class);
		});
	}

	@Test
	void annotatedBeansAreHeartbeated() {
		this.contextRunner.withUserConfiguration(WorkerConfiguration.class).run((context) -> {
			Worker worker = context.getBean(Worker.class);
			assertThat(AopUtils.isAopProxy(worker)).isTrue();
			assertThat(worker.work("token-1")).isEqualTo(TaskTokenFingerprint.of("token-1"));
		});
	}

	@Test
	void annotationAttributesResolvePlaceholdersAsTheApplicationStarts() {
		this.contextRunner.withUserConfiguration(WorkerConfiguration.class)
			.withPropertyValues("worker.timeout=45s")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withUserConfiguration(WorkerConfiguration.class)
			.withPropertyValues("worker.timeout=soon")
			.run((context) -> {
				assertThat(invalidActivity(context).getMethodDescription()).endsWith("Worker.timeout(String)");
				FailureAnalysis analysis = new HeartbeatingActivityFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("timeout(String)")
					.contains("heartbeatTimeout \"soon\", which is not a duration");
			});
	}

	@Test
	void canBeSwitchedOff() {
		this.contextRunner.withUserConfiguration(WorkerConfiguration.class)
			.withPropertyValues("swf.heartbeat.aspect.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(HeartbeatingActivityAspect.class);
				assertThat(context).doesNotHaveBean(HeartbeatingActivityValidator.class);
				assertThat(AopUtils.isAopProxy(context.getBean(Worker.class))).isFalse();
			});
	}

	@Test
	void backsOffWhenTheUserDefinesAnAspect() {
		this.contextRunner.withUserConfiguration(CustomAspectConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HeartbeatingActivityAspect.class);
			assertThat(context).getBean(HeartbeatingActivityAspect.class)
				.isSameAs(context.getBean(CustomAspectConfiguration.class).aspect);
		});
	}

	@Test
	void needsAspectJ() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Advice.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatingActivityAspect.class));
	}

	@Test
	void needsAHeartbeatEngine() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAspectAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatingActivityAspect.class));
	}

	@Test
	void methodWithoutTokenFailsTheStartUpNamingTheMethod() {
		this.contextRunner.withUserConfiguration(BrokenWorkerConfiguration.class).run((context) -> {
			assertThat(invalidActivity(context).getMethodDescription()).isEqualTo(BrokenWorker.class.getName() + ".work(String)");
			FailureAnalysis analysis = new HeartbeatingActivityFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("The method " + BrokenWorker.class.getName() + ".work(String) is annotated with "
						+ "@HeartbeatingActivity but has no way to find its activity task's token: it has no @TaskToken "
						+ "String parameter, no PollForActivityTaskResponse parameter and no taskToken expression.");
			assertThat(analysis.getAction()).contains("@TaskToken").contains("PollForActivityTaskResponse");
		});
	}

	@Test
	void flowActivityNeedsOnlyTheAnnotation() {
		this.contextRunner.withUserConfiguration(FlowActivitiesConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			// The activity is proxied: its calls are heartbeated once the Flow worker sets its context.
			assertThat(AopUtils.isAopProxy(context.getBean(GreeterActivities.class))).isTrue();
		});
	}

	@Test
	void flowActivityWithoutTheFlowLibraryFailsTheStartUp() {
		this.contextRunner.withUserConfiguration(FlowActivitiesConfiguration.class)
			.withClassLoader(new FilteredClassLoader(CurrentActivityExecutionContext.class))
			.run((context) -> {
				assertThat(invalidActivity(context).getMethodDescription())
					.isEqualTo(GreeterActivitiesImpl.class.getName() + ".greet(String)");
				FailureAnalysis analysis = new HeartbeatingActivityFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("has no way to find its activity task's token");
				assertThat(analysis.getAction()).contains("when the Flow library is on the classpath");
			});
	}

	@Test
	void failureAnalyzerIsRegistered() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, failure) -> {
				// Boot's own analyzers need arguments this test does not give.
			})))
			.hasAtLeastOneElementOfType(HeartbeatingActivityFailureAnalyzer.class);
	}

	/**
	 * Returns the exception that failed the start-up: the one the failure analyzer explains, however
	 * Spring wrapped it.
	 */
	private static InvalidHeartbeatingActivityException invalidActivity(AssertableApplicationContext context) {
		Throwable failure = context.getStartupFailure();
		for (Throwable error = failure; error != null; error = error.getCause()) {
			if (error instanceof InvalidHeartbeatingActivityException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("The start-up did not fail with an InvalidHeartbeatingActivityException", failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class WorkerConfiguration {

		@Bean
		Worker worker() {
			return new Worker();
		}

	}

	static class Worker {

		@HeartbeatingActivity
		public String work(@TaskToken String token) {
			return HeartbeatContext.current().taskTokenFingerprint();
		}

		@HeartbeatingActivity(heartbeatTimeout = "${worker.timeout:30s}")
		public void timeout(@TaskToken String token) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenWorkerConfiguration {

		@Bean
		BrokenWorker brokenWorker() {
			return new BrokenWorker();
		}

	}

	static class BrokenWorker {

		@HeartbeatingActivity
		public void work(String token) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomAspectConfiguration {

		final HeartbeatingActivityAspect aspect = new HeartbeatingActivityAspect(
				() -> new HeartbeatTemplate(new InMemoryHeartbeatTransport().startEngine()), InMemoryHeartbeatTransport::new,
				new ActivityMethodInspector());

		@Bean
		HeartbeatingActivityAspect customAspect() {
			return this.aspect;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FlowActivitiesConfiguration {

		@Bean
		GreeterActivitiesImpl greeterActivities() {
			return new GreeterActivitiesImpl();
		}

	}

	@Activities(version = "1.0")
	@ActivityRegistrationOptions(defaultTaskScheduleToStartTimeoutSeconds = 60,
			defaultTaskStartToCloseTimeoutSeconds = 60)
	public interface GreeterActivities {

		String greet(String name);

	}

	public static class GreeterActivitiesImpl implements GreeterActivities {

		@Override
		@HeartbeatingActivity
		public String greet(String name) {
			return "Hello " + name;
		}

	}

}
