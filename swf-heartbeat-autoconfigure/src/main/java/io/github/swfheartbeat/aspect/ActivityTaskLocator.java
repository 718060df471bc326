package io.github.swfheartbeat.aspect;

import java.lang.reflect.Method;

import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import org.jspecify.annotations.Nullable;

/**
 * Finds the activity task of the running invocation when the method's signature does not carry
 * it: a framework that polled the task keeps it in a context of its own (AWS Flow Framework's
 * current activity execution context). Beans of this type are used by the
 * {@link HeartbeatingActivity @HeartbeatingActivity} aspect for methods they
 * {@linkplain #supports support}.
 */
public interface ActivityTaskLocator {

	/**
	 * Whether invocations of a method run where this locator can find their task; asked once per
	 * method when the application starts.
	 * @param method the annotated method
	 * @param targetClass the class of the bean the method belongs to
	 * @return whether this locator finds the task of the method's invocations
	 */
	boolean supports(Method method, Class<?> targetClass);

	/**
	 * Returns the task the current thread works for.
	 * @return the task, or {@code null} if the current thread works for none
	 */
	@Nullable ActivityTaskReference locate();

	/**
	 * Returns what an invocation throws when it ends because its task's cancellation was
	 * requested. A framework that reports the task's end to SWF itself may expect an exception
	 * of its own.
	 * @param failure what the method ended with: an {@link ActivityCancellationRequestedException},
	 * or whatever it threw after the aspect interrupted it
	 * @return the exception to throw to the framework
	 */
	default Throwable translateCancellation(Throwable failure) {
		return failure;
	}

	/**
	 * Whether the framework whose tasks this locator finds reports a canceled task to SWF itself,
	 * given the exception from {@link #translateCancellation}; the aspect then never calls
	 * {@code RespondActivityTaskCanceled} for it.
	 * @return whether the framework responds canceled
	 */
	default boolean respondsCanceled() {
		return false;
	}

}
