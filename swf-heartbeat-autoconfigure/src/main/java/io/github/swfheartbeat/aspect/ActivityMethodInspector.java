package io.github.swfheartbeat.aspect;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.github.swfheartbeat.aspect.ActivityMethod.ResultKind;
import io.github.swfheartbeat.aspect.ActivityMethod.TaskFinder;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatOptions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Works out, once per method, how an {@link HeartbeatingActivity @HeartbeatingActivity} method
 * finds its task token and which options apply, and explains what makes a method unusable with
 * an {@link InvalidHeartbeatingActivityException}.
 */
public final class ActivityMethodInspector {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Flux",
			ActivityMethodInspector.class.getClassLoader());

	private static final String TOKEN_ACTION = "Annotate the String parameter that carries the task token with @TaskToken, "
			+ "add a PollForActivityTaskResponse parameter, or name the token with a SpEL expression such as "
			+ "@HeartbeatingActivity(taskToken = \"#task.taskToken()\"). Activities run by the AWS Flow Framework "
			+ "need none of these when the Flow library is on the classpath and the method implements an "
			+ "@Activities interface.";

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final @Nullable BeanFactory beanFactory;

	private final Iterable<? extends ActivityTaskLocator> locators;

	private final Map<MethodClassKey, ActivityMethod> methods = new ConcurrentHashMap<>();

	/**
	 * Creates an inspector that resolves no placeholders, refers to no beans and knows no
	 * {@link ActivityTaskLocator}s.
	 */
	public ActivityMethodInspector() {
		this(null, Collections.emptyList());
	}

	/**
	 * Creates an inspector.
	 * @param beanFactory resolves {@code ${...}} placeholders in the annotation's attributes and
	 * bean references ({@code @name}) in its expression, may be {@code null}
	 * @param locators locators for methods whose signature does not carry the task; iterated
	 * when a method is first inspected, so an {@code ObjectProvider} works
	 */
	public ActivityMethodInspector(@Nullable BeanFactory beanFactory, Iterable<? extends ActivityTaskLocator> locators) {
		this.beanFactory = beanFactory;
		this.locators = locators;
	}

	/**
	 * Checks an annotated method, as the application starts.
	 * @param method the method
	 * @param targetClass the class of the bean it belongs to
	 * @throws InvalidHeartbeatingActivityException if the method cannot work as declared
	 */
	public void validate(Method method, Class<?> targetClass) {
		requireAdvisable(method);
		inspect(method, targetClass);
	}

	private static void requireAdvisable(Method method) {
		int modifiers = method.getModifiers();
		String kind = Modifier.isPrivate(modifiers) ? "private" : Modifier.isStatic(modifiers) ? "static"
				: Modifier.isFinal(modifiers) ? "final" : null;
		if (kind != null) {
			throw new InvalidHeartbeatingActivityException(method, "is " + kind
					+ ", so the proxy that heartbeats its task cannot override it: calls would run without heartbeats",
					"Make the method neither private, static nor final, and call it through the bean (not through this)");
		}
	}

	/**
	 * Returns what is known about an annotated method, working it out on first use.
	 * @param method the method as invoked
	 * @param targetClass the class of the bean it belongs to
	 * @return the method, or {@code null} if it is not annotated
	 * @throws InvalidHeartbeatingActivityException if the method cannot work as declared
	 */
	@Nullable ActivityMethod inspect(Method method, Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		ActivityMethod known = this.methods.get(key);
		if (known != null) {
			return known;
		}
		Method specificMethod = AopUtils.getMostSpecificMethod(method, targetClass);
		HeartbeatingActivity annotation = AnnotatedElementUtils.findMergedAnnotation(specificMethod,
				HeartbeatingActivity.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(method, HeartbeatingActivity.class);
		}
		if (annotation == null) {
			return null;
		}
		ActivityMethod inspected = inspect(specificMethod, targetClass, annotation);
		this.methods.putIfAbsent(key, inspected);
		return inspected;
	}

	private ActivityMethod inspect(Method method, Class<?> targetClass, HeartbeatingActivity annotation) {
		Duration heartbeatTimeout = duration(method, "heartbeatTimeout", annotation.heartbeatTimeout());
		Duration maxCancellationLatency = duration(method, "maxCancellationLatency", annotation.maxCancellationLatency());
		HeartbeatOptions options;
		try {
			options = new HeartbeatOptions(heartbeatTimeout, maxCancellationLatency, ActivityTaskInfo.unknown());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidHeartbeatingActivityException(method, "has an invalid duration: " + ex.getMessage(),
					"Use a positive duration such as \"30s\" or \"PT30S\"", ex);
		}
		String domain = resolve(method, "domain", annotation.domain());
		ActivityTaskLocator locator = null;
		TaskFinder finder = expressionFinder(method, annotation.taskToken());
		if (finder == null) {
			finder = taskTokenParameterFinder(method);
		}
		if (finder == null) {
			finder = pollResponseParameterFinder(method);
		}
		if (finder == null) {
			locator = locatorFor(method, targetClass);
			if (locator != null) {
				ActivityTaskLocator found = locator;
				finder = (target, arguments) -> found.locate();
			}
		}
		if (finder == null) {
			throw new InvalidHeartbeatingActivityException(method,
					"has no way to find its activity task's token: it has no @TaskToken String parameter, no "
							+ "PollForActivityTaskResponse parameter and no taskToken expression",
					TOKEN_ACTION);
		}
		return new ActivityMethod(InvalidHeartbeatingActivityException.describe(method), finder, locator, options,
				StringUtils.hasText(domain) ? domain : null, annotation.interruptOnCancel(), annotation.respondCanceled(),
				resultKind(method.getReturnType()));
	}

	private @Nullable TaskFinder expressionFinder(Method method, String expressionString) {
		if (!StringUtils.hasText(expressionString)) {
			return null;
		}
		Expression expression;
		try {
			expression = this.parser.parseExpression(expressionString);
		}
		catch (ParseException ex) {
			throw new InvalidHeartbeatingActivityException(method,
					"has a taskToken expression that cannot be parsed: " + ex.getMessage(),
					"Fix the SpEL expression in @HeartbeatingActivity(taskToken = \"" + expressionString
							+ "\"); it should yield the task token, for example \"#task.taskToken()\" or \"#p0\"",
					ex);
		}
		return (target, arguments) -> {
			MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(
					new ExpressionRoot(method, arguments, target), method, arguments, this.parameterNames);
			if (this.beanFactory != null) {
				context.setBeanResolver(new BeanFactoryResolver(this.beanFactory));
			}
			return toReference(expression.getValue(context), expressionString);
		};
	}

	private static @Nullable ActivityTaskReference toReference(@Nullable Object value, String expression) {
		if (value == null) {
			return null;
		}
		if (value instanceof ActivityTaskReference reference) {
			return reference;
		}
		if (value instanceof PollForActivityTaskResponse task) {
			return fromPollResponse(task);
		}
		if (value instanceof CharSequence token) {
			return ActivityTaskReference.of(token.toString());
		}
		throw new IllegalStateException("taskToken expression \"" + expression + "\" yielded a "
				+ value.getClass().getName() + "; expected a String, a PollForActivityTaskResponse or an "
				+ "ActivityTaskReference");
	}

	private static @Nullable TaskFinder taskTokenParameterFinder(Method method) {
		List<MethodParameter> annotated = new ArrayList<>();
		for (MethodParameter parameter : new AnnotatedMethod(method).getMethodParameters()) {
			if (parameter.hasParameterAnnotation(TaskToken.class)) {
				annotated.add(parameter);
			}
		}
		if (annotated.isEmpty()) {
			return null;
		}
		if (annotated.size() > 1) {
			throw new InvalidHeartbeatingActivityException(method, "has " + annotated.size() + " @TaskToken parameters",
					"Annotate only the parameter that carries the task token with @TaskToken");
		}
		MethodParameter parameter = annotated.get(0);
		if (!CharSequence.class.isAssignableFrom(parameter.getParameterType())) {
			throw new InvalidHeartbeatingActivityException(method,
					"has a @TaskToken parameter of type " + parameter.getParameterType().getName()
							+ "; the task token must be a String",
					"Annotate the String parameter that carries the task token with @TaskToken, or name the token "
							+ "with a SpEL expression in @HeartbeatingActivity(taskToken = ...)");
		}
		int index = parameter.getParameterIndex();
		return (target, arguments) -> {
			Object token = arguments[index];
			return (token != null) ? ActivityTaskReference.of(token.toString()) : null;
		};
	}

	private static @Nullable TaskFinder pollResponseParameterFinder(Method method) {
		Class<?>[] types = method.getParameterTypes();
		int index = -1;
		for (int i = 0; i < types.length; i++) {
			if (PollForActivityTaskResponse.class.isAssignableFrom(types[i])) {
				if (index >= 0) {
					throw new InvalidHeartbeatingActivityException(method,
							"has more than one PollForActivityTaskResponse parameter, so its task is ambiguous",
							"Name the task with a SpEL expression such as "
									+ "@HeartbeatingActivity(taskToken = \"#p" + index + "\")");
				}
				index = i;
			}
		}
		if (index < 0) {
			return null;
		}
		int found = index;
		return (target, arguments) -> {
			Object task = arguments[found];
			return (task != null) ? fromPollResponse((PollForActivityTaskResponse) task) : null;
		};
	}

	private @Nullable ActivityTaskLocator locatorFor(Method method, Class<?> targetClass) {
		for (ActivityTaskLocator locator : this.locators) {
			if (locator.supports(method, targetClass)) {
				return locator;
			}
		}
		return null;
	}

	private static @Nullable ActivityTaskReference fromPollResponse(PollForActivityTaskResponse task) {
		// An empty token is SWF's answer to a poll that found no task.
		if (!StringUtils.hasLength(task.taskToken())) {
			return null;
		}
		return new ActivityTaskReference(task.taskToken(), ActivityTaskInfo.of(task, null));
	}

	private @Nullable Duration duration(Method method, String attribute, String value) {
		String resolved = resolve(method, attribute, value);
		if (!StringUtils.hasText(resolved)) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(resolved.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidHeartbeatingActivityException(method,
					"has " + attribute + " \"" + resolved + "\", which is not a duration",
					"Set " + attribute + " to a duration such as \"30s\", \"5m\" or \"PT30S\"", ex);
		}
	}

	private @Nullable String resolve(Method method, String attribute, String value) {
		if (!StringUtils.hasText(value) || !(this.beanFactory instanceof ConfigurableBeanFactory configurable)) {
			return value;
		}
		try {
			return configurable.resolveEmbeddedValue(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidHeartbeatingActivityException(method,
					"has " + attribute + " \"" + value + "\" with a placeholder that cannot be resolved",
					"Define the property named in the placeholder, or give it a default: ${name:30s}", ex);
		}
	}

	private static ResultKind resultKind(Class<?> returnType) {
		if (CompletionStage.class.isAssignableFrom(returnType)) {
			return ResultKind.COMPLETION_STAGE;
		}
		if (REACTOR_PRESENT) {
			// Reactor is optional: only touch its types once it is known to be there.
			return ReactiveResults.resultKind(returnType);
		}
		return ResultKind.BLOCKING;
	}

	/**
	 * Root object of a {@code taskToken} expression.
	 */
	static final class ExpressionRoot {

		private final Method method;

		private final @Nullable Object[] args;

		private final @Nullable Object target;

		ExpressionRoot(Method method, @Nullable Object[] args, @Nullable Object target) {
			this.method = method;
			this.args = args;
			this.target = target;
		}

		/**
		 * Returns the invoked method.
		 * @return the method
		 */
		public Method getMethod() {
			return this.method;
		}

		/**
		 * Returns the invocation's arguments.
		 * @return the arguments
		 */
		public @Nullable Object[] getArgs() {
			return this.args;
		}

		/**
		 * Returns the bean the method was called on.
		 * @return the bean
		 */
		public @Nullable Object getTarget() {
			return this.target;
		}

	}

}
