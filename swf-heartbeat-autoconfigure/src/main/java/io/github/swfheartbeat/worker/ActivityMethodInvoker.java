package io.github.swfheartbeat.worker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.swfheartbeat.aspect.TaskToken;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatContextHolder;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.util.ReflectionUtils;

/**
 * Calls an {@link SwfActivity} method with the arguments its parameters ask for, and turns what it
 * returns into the task's result. Parameters are checked when the invoker is created, so a method
 * that cannot be called fails at start-up.
 */
final class ActivityMethodInvoker {

	private final SwfActivityEndpoint endpoint;

	private final List<Function<RunningActivityTask, @Nullable Object>> arguments;

	private final @Nullable ActivityPayloadConverter converter;

	ActivityMethodInvoker(SwfActivityEndpoint endpoint, @Nullable ActivityPayloadConverter converter) {
		this.endpoint = endpoint;
		this.converter = converter;
		this.arguments = resolvers(endpoint.method());
		ReflectionUtils.makeAccessible(endpoint.method());
	}

	SwfActivityEndpoint endpoint() {
		return this.endpoint;
	}

	private List<Function<RunningActivityTask, @Nullable Object>> resolvers(Method method) {
		List<Function<RunningActivityTask, @Nullable Object>> resolvers = new ArrayList<>();
		int inputs = 0;
		for (Parameter parameter : method.getParameters()) {
			Class<?> type = parameter.getType();
			if (parameter.isAnnotationPresent(TaskToken.class)) {
				requireType(parameter, String.class, "@TaskToken");
				resolvers.add((running) -> running.task().taskToken());
			}
			else if (type == PollForActivityTaskResponse.class) {
				resolvers.add(RunningActivityTask::task);
			}
			else if (type.isAssignableFrom(SwfActivityContext.class)
					&& HeartbeatContext.class.isAssignableFrom(type)) {
				resolvers.add((running) -> running);
			}
			else {
				inputs++;
				if (inputs > 1) {
					throw new IllegalStateException("@SwfActivity method " + this.endpoint
							+ " has more than one parameter for the task's input; give it one (a String or a type "
							+ "read from JSON) and take other values from the PollForActivityTaskResponse");
				}
				resolvers.add(inputResolver(parameter));
			}
		}
		return List.copyOf(resolvers);
	}

	private Function<RunningActivityTask, @Nullable Object> inputResolver(Parameter parameter) {
		if (parameter.getType() == String.class) {
			return (running) -> running.task().input();
		}
		if (this.converter == null) {
			throw new IllegalStateException("@SwfActivity method " + this.endpoint + " reads its input as "
					+ parameter.getType().getName() + " but no ActivityPayloadConverter is available: add Jackson "
					+ "(spring-boot-starter-json) or take the input as a String");
		}
		ActivityPayloadConverter converter = this.converter;
		return (running) -> {
			try {
				return converter.read(running.task().input(), parameter.getParameterizedType());
			}
			catch (RuntimeException ex) {
				throw new ActivityInputException("Cannot read the input of " + this.endpoint.activityType() + " as "
						+ parameter.getType().getSimpleName() + ": " + ex.getMessage(), ex);
			}
		};
	}

	private void requireType(Parameter parameter, Class<?> expected, String what) {
		if (parameter.getType() != expected) {
			throw new IllegalStateException(what + " parameter " + parameter.getName() + " of @SwfActivity method "
					+ this.endpoint + " must be a " + expected.getSimpleName());
		}
	}

	/**
	 * Calls the method with the task's context bound to the thread.
	 * @param running the task
	 * @return the task's result, or {@code null} for none
	 * @throws Throwable what the method throws, or {@link ActivityInputException}
	 */
	@Nullable String invoke(RunningActivityTask running) throws Throwable {
		Object[] args = new Object[this.arguments.size()];
		for (int i = 0; i < args.length; i++) {
			args[i] = this.arguments.get(i).apply(running);
		}
		Object result;
		try (HeartbeatContextHolder.Scope scope = HeartbeatContextHolder.bind(running)) {
			result = this.endpoint.method().invoke(this.endpoint.bean(), args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
		return toResult(result);
	}

	private @Nullable String toResult(@Nullable Object result) {
		if (result == null || result instanceof String) {
			return (String) result;
		}
		if (this.converter == null) {
			throw new IllegalStateException("@SwfActivity method " + this.endpoint + " returned a "
					+ result.getClass().getName() + " but no ActivityPayloadConverter is available");
		}
		return this.converter.write(result);
	}

}
