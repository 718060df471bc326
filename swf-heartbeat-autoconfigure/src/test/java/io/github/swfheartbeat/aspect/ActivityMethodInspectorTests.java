package io.github.swfheartbeat.aspect;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.swfheartbeat.aspect.ActivityMethod.ResultKind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ActivityMethodInspector}.
 */
class ActivityMethodInspectorTests {

	private final ActivityMethodInspector inspector = new ActivityMethodInspector();

	@Test
	void methodWithoutTokenIsRejectedNamingTheMethod() {
		assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
			.isThrownBy(() -> inspect("noToken", String.class))
			.satisfies((ex) -> {
				assertThat(ex.getMethodDescription()).isEqualTo(Methods.class.getName() + ".noToken(String)");
				assertThat(ex.getMessage()).contains("noToken(String)").contains("has no way to find its activity task");
				assertThat(ex.getAction()).contains("@TaskToken");
			});
	}

	@Test
	void twoTaskTokenParametersAreRejected() {
		assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
			.isThrownBy(() -> inspect("twoTokens", String.class, String.class))
			.withMessageContaining("2 @TaskToken parameters");
	}

	@Test
	void taskTokenOnANonStringIsRejected() {
		assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
			.isThrownBy(() -> inspect("numericToken", int.class))
			.withMessageContaining("@TaskToken parameter of type int");
	}

	@Test
	void twoPollResponsesAreAmbiguous() {
		assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
			.isThrownBy(() -> inspect("twoTasks", PollForActivityTaskResponse.class, PollForActivityTaskResponse.class))
			.withMessageContaining("ambiguous");
	}

	@Test
	void unparsableExpressionIsRejected() {
		assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
			.isThrownBy(() -> inspect("badExpression", String.class))
			.withMessageContaining("cannot be parsed");
	}

	@Test
	void invalidDurationIsRejected() {
		assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
			.isThrownBy(() -> inspect("badDuration", String.class))
			.withMessageContaining("heartbeatTimeout \"soon\", which is not a duration");
	}

	@Test
	void negativeDurationIsRejected() {
		assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
			.isThrownBy(() -> inspect("negativeDuration", String.class))
			.withMessageContaining("invalid duration");
	}

	@Test
	void durationsAndDomainAreReadWithPlaceholdersResolved() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("activity.timeout", "PT2M", "activity.domain", "orders")));
		beanFactory.addEmbeddedValueResolver(environment::resolveRequiredPlaceholders);
		ActivityMethod method = new ActivityMethodInspector(beanFactory, List.of())
			.inspect(method("withOptions", String.class), Methods.class);
		assertThat(method.options().heartbeatTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(method.options().maxCancellationLatency()).isEqualTo(Duration.ofSeconds(5));
		assertThat(method.domain()).isEqualTo("orders");
		assertThat(method.interruptOnCancel()).isTrue();
		assertThat(method.respondCanceled()).isTrue();
	}

	@Test
	void unresolvablePlaceholderIsRejected() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.addEmbeddedValueResolver(new StandardEnvironment()::resolveRequiredPlaceholders);
		assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
			.isThrownBy(() -> new ActivityMethodInspector(beanFactory, List.of())
				.inspect(method("withOptions", String.class), Methods.class))
			.withMessageContaining("cannot be resolved");
	}

	@Test
	void pollResponseGivesTokenAndActivity() {
		ActivityMethod method = inspect("fromTask", PollForActivityTaskResponse.class);
		ActivityTaskReference task = method.taskFinder()
			.find(null, new Object[] { PollForActivityTaskResponse.builder().taskToken("t").activityId("a").build() });
		assertThat(task.taskToken()).isEqualTo("t");
		assertThat(task.activityTask().activityId()).isEqualTo("a");
		assertThat(task.toString()).doesNotContain("=t,").contains("tt-");
	}

	@Test
	void emptyPollResponseMeansNoTask() {
		ActivityMethod method = inspect("fromTask", PollForActivityTaskResponse.class);
		assertThat(method.taskFinder().find(null, new Object[] { PollForActivityTaskResponse.builder().taskToken("").build() }))
			.isNull();
	}

	@Test
	void expressionMayYieldAPollResponse() {
		ActivityMethod method = inspect("expressionToTask", Envelope.class);
		ActivityTaskReference task = method.taskFinder()
			.find(null, new Object[] { new Envelope(PollForActivityTaskResponse.builder().taskToken("t").build()) });
		assertThat(task.taskToken()).isEqualTo("t");
	}

	@Test
	void locatorIsUsedWhenTheSignatureCarriesNoToken() {
		ActivityTaskLocator locator = new ActivityTaskLocator() {

			@Override
			public boolean supports(Method method, Class<?> targetClass) {
				return method.getName().equals("noToken");
			}

			@Override
			public ActivityTaskReference locate() {
				return ActivityTaskReference.of("located");
			}

		};
		ActivityMethod method = new ActivityMethodInspector(null, List.of(locator))
			.inspect(method("noToken", String.class), Methods.class);
		assertThat(method.locator()).isSameAs(locator);
		assertThat(method.taskFinder().find(null, new Object[] { "x" }).taskToken()).isEqualTo("located");
	}

	@Test
	void resultKindFollowsTheDeclaredReturnType() {
		assertThat(inspect("fromTask", PollForActivityTaskResponse.class).resultKind()).isEqualTo(ResultKind.BLOCKING);
		assertThat(inspect("mono", String.class).resultKind()).isEqualTo(ResultKind.MONO);
		assertThat(inspect("flux", String.class).resultKind()).isEqualTo(ResultKind.FLUX);
	}

	@Test
	void unannotatedMethodIsNotAnActivity() {
		assertThat(this.inspector.inspect(method("plain"), Methods.class)).isNull();
	}

	@Test
	void validatorChecksEveryAnnotatedMethodOfABeanClass() {
		HeartbeatingActivityAspect aspect = new HeartbeatingActivityAspect(ActivityMethodInspectorTests::unused,
				ActivityMethodInspectorTests::unused, this.inspector);
		HeartbeatingActivityValidator validator = new HeartbeatingActivityValidator(new DefaultListableBeanFactory(),
				aspect);
		validator.validate(Valid.class);
		assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
			.isThrownBy(() -> validator.validate(Methods.class));
	}

	@Test
	void finalPrivateAndStaticMethodsFailStartUpWithAnExplanation() {
		HeartbeatingActivityValidator validator = new HeartbeatingActivityValidator(new DefaultListableBeanFactory(),
				new HeartbeatingActivityAspect(ActivityMethodInspectorTests::unused, ActivityMethodInspectorTests::unused,
						this.inspector));
		for (Class<?> beanClass : List.of(FinalMethod.class, PrivateMethod.class, StaticMethod.class)) {
			String kind = beanClass.getSimpleName().replace("Method", "").toLowerCase(Locale.ROOT);
			assertThatExceptionOfType(InvalidHeartbeatingActivityException.class)
				.isThrownBy(() -> validator.validate(beanClass))
				.satisfies((ex) -> {
					FailureAnalysis analysis = new HeartbeatingActivityFailureAnalyzer().analyze(ex);
					assertThat(analysis.getDescription()).contains(beanClass.getSimpleName() + ".run(String)")
						.contains("is " + kind + ", so the proxy that heartbeats its task cannot override it");
					assertThat(analysis.getAction()).contains("neither private, static nor final");
				});
		}
	}

	private static <T> T unused() {
		throw new IllegalStateException("Validation needs no engine");
	}

	private ActivityMethod inspect(String name, Class<?>... parameterTypes) {
		return this.inspector.inspect(method(name, parameterTypes), Methods.class);
	}

	private static Method method(String name, Class<?>... parameterTypes) {
		return ReflectionUtils.findMethod(Methods.class, name, parameterTypes);
	}

	record Envelope(PollForActivityTaskResponse task) {
	}

	static class Valid {

		@HeartbeatingActivity
		public void run(@TaskToken String token) {
		}

	}

	static class FinalMethod {

		@HeartbeatingActivity
		public final void run(@TaskToken String token) {
		}

	}

	static class PrivateMethod {

		@HeartbeatingActivity
		private void run(@TaskToken String token) {
		}

	}

	static class StaticMethod {

		@HeartbeatingActivity
		public static void run(@TaskToken String token) {
		}

	}

	static class Methods {

		@HeartbeatingActivity
		public void noToken(String token) {
		}

		@HeartbeatingActivity
		public void twoTokens(@TaskToken String first, @TaskToken String second) {
		}

		@HeartbeatingActivity
		public void numericToken(@TaskToken int token) {
		}

		@HeartbeatingActivity
		public void twoTasks(PollForActivityTaskResponse first, PollForActivityTaskResponse second) {
		}

		@HeartbeatingActivity(taskToken = "#p0.(")
		public void badExpression(String token) {
		}

		@HeartbeatingActivity(heartbeatTimeout = "soon")
		public void badDuration(@TaskToken String token) {
		}

		@HeartbeatingActivity(heartbeatTimeout = "-5s")
		public void negativeDuration(@TaskToken String token) {
		}

		@HeartbeatingActivity(heartbeatTimeout = "${activity.timeout}", maxCancellationLatency = "5s",
				domain = "${activity.domain}", interruptOnCancel = true, respondCanceled = true)
		public void withOptions(@TaskToken String token) {
		}

		@HeartbeatingActivity
		public void fromTask(PollForActivityTaskResponse task) {
		}

		@HeartbeatingActivity(taskToken = "#p0.task")
		public void expressionToTask(Envelope envelope) {
		}

		@HeartbeatingActivity
		public @Nullable Mono<String> mono(@TaskToken String token) {
			return null;
		}

		@HeartbeatingActivity
		public @Nullable Flux<String> flux(@TaskToken String token) {
			return null;
		}

		public void plain() {
		}

	}

}
