package io.github.swfheartbeat.aspect;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.swfheartbeat.autoconfigure.HeartbeatAspectAutoConfiguration;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the aspect sits among other advice of an application context: outside advice of lower
 * precedence, such as {@code @Transactional}'s, inside advice of higher precedence.
 */
class HeartbeatingActivityOrderTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, HeartbeatAspectAutoConfiguration.class))
		.withUserConfiguration(OrderConfiguration.class);

	@Test
	void runsOutsideAdviceOfLowerPrecedenceAndInsideAdviceOfHigherPrecedence() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(Work.class).run("token-1")).isTrue();
			assertThat(context.getBean(Recorder.class).seen).containsExactly("outer: no context",
					"like @Transactional: context bound");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderConfiguration {

		@Bean(destroyMethod = "close")
		HeartbeatEngine heartbeatEngine() {
			return new InMemoryHeartbeatTransport().startEngine();
		}

		@Bean
		HeartbeatTemplate heartbeatTemplate(HeartbeatEngine engine) {
			return new HeartbeatTemplate(engine);
		}

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		OuterAdvice outerAdvice(Recorder recorder) {
			return new OuterAdvice(recorder);
		}

		@Bean
		TransactionLikeAdvice transactionLikeAdvice(Recorder recorder) {
			return new TransactionLikeAdvice(recorder);
		}

		@Bean
		Work work() {
			return new Work();
		}

	}

	static class Recorder {

		final List<String> seen = new CopyOnWriteArrayList<>();

		Object record(String advice, ProceedingJoinPoint joinPoint) throws Throwable {
			this.seen.add(advice + (HeartbeatContext.find().isPresent() ? ": context bound" : ": no context"));
			return joinPoint.proceed();
		}

	}

	/**
	 * Records whether the task's context is bound when its advice runs, that is whether it runs
	 * inside the heartbeating aspect.
	 */
	@Aspect
	abstract static class RecordingAdvice {

		private final Recorder recorder;

		private final String name;

		RecordingAdvice(Recorder recorder, String name) {
			this.recorder = recorder;
			this.name = name;
		}

		@Around("execution(* io.github.swfheartbeat.aspect.HeartbeatingActivityOrderTests.Work.run(..))")
		public Object around(ProceedingJoinPoint joinPoint) throws Throwable {
			return this.recorder.record(this.name, joinPoint);
		}

	}

	@Aspect
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class OuterAdvice extends RecordingAdvice {

		OuterAdvice(Recorder recorder) {
			super(recorder, "outer");
		}

	}

	/**
	 * Ordered as Spring Retry's {@code @EnableRetry} and {@code @EnableTransactionManagement}
	 * order their advice by default, or just above.
	 */
	@Aspect
	@Order(Ordered.LOWEST_PRECEDENCE - 1)
	static class TransactionLikeAdvice extends RecordingAdvice {

		TransactionLikeAdvice(Recorder recorder) {
			super(recorder, "like @Transactional");
		}

	}

	static class Work {

		@HeartbeatingActivity
		public boolean run(@TaskToken String token) {
			return HeartbeatContext.current().isHeartbeated();
		}

	}

}
