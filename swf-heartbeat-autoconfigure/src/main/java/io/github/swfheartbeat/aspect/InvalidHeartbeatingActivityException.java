package io.github.swfheartbeat.aspect;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * An {@link HeartbeatingActivity @HeartbeatingActivity} method cannot work as declared: it has no
 * way to find its task token, or an attribute cannot be understood. Thrown when the application
 * starts.
 */
public class InvalidHeartbeatingActivityException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String methodDescription;

	private final String problem;

	private final String action;

	/**
	 * Creates the exception.
	 * @param method the annotated method
	 * @param problem what is wrong, as a sentence about the method
	 * @param action what to do about it
	 */
	public InvalidHeartbeatingActivityException(Method method, String problem, String action) {
		this(method, problem, action, null);
	}

	/**
	 * Creates the exception.
	 * @param method the annotated method
	 * @param problem what is wrong, as a sentence about the method
	 * @param action what to do about it
	 * @param cause the underlying error, may be {@code null}
	 */
	public InvalidHeartbeatingActivityException(Method method, String problem, String action,
			@Nullable Throwable cause) {
		super("@HeartbeatingActivity method " + describe(method) + " " + problem, cause);
		this.methodDescription = describe(method);
		this.problem = problem;
		this.action = action;
	}

	/**
	 * Returns the method, as {@code com.example.Worker.process(String, int)}.
	 * @return the method's description
	 */
	public String getMethodDescription() {
		return this.methodDescription;
	}

	/**
	 * Returns what is wrong with the method.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * Returns what to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	static String describe(Method method) {
		StringBuilder description = new StringBuilder(method.getDeclaringClass().getName()).append('.')
			.append(method.getName())
			.append('(');
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			description.append((i > 0) ? ", " : "").append(ClassUtils.getShortName(types[i]));
		}
		return description.append(')').toString();
	}

}
