package io.github.swfheartbeat.aspect;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Heartbeats the activity task of a Spring bean method from the moment the method is entered
 * until it returns or throws; for a {@code CompletionStage}, {@code Mono} or {@code Flux} result,
 * until that result completes.
 * <p>
 * The method's task token is found, in this order:
 * <ol>
 * <li>by the SpEL expression in {@link #taskToken()}, evaluated against the method's arguments
 * ({@code #name}, {@code #p0}, {@code #a0}); it may yield the token or a
 * {@code PollForActivityTaskResponse};</li>
 * <li>from the {@code String} parameter annotated with {@link TaskToken @TaskToken};</li>
 * <li>from a parameter of type {@code PollForActivityTaskResponse}, which also gives the activity
 * id, type and workflow execution for events and metric tags;</li>
 * <li>from an {@link ActivityTaskLocator}, such as the one for AWS Flow Framework activities.</li>
 * </ol>
 * A method with no way to find its token fails the application's start-up with
 * {@link InvalidHeartbeatingActivityException}.
 * <p>
 * Inside the method, {@code HeartbeatContext.current()} reports progress and tells whether the
 * workflow asked to cancel the task. Cancellation is cooperative unless {@link #interruptOnCancel()}
 * is set.
 * <p>
 * The annotation works through a Spring proxy: a call from one method of a bean to another
 * method of the same bean ({@code this.work()}) bypasses the proxy and starts no heartbeats. An
 * annotated method called from another annotated method for the same task shares its heartbeats:
 * the outer call's options apply.
 *
 * @see TaskToken
 * @see io.github.swfheartbeat.core.HeartbeatContext
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HeartbeatingActivity {

	/**
	 * SpEL expression that yields the task token (a {@code String}), a
	 * {@code PollForActivityTaskResponse} or an {@link ActivityTaskReference}; for example
	 * {@code "#task.taskToken()"} or {@code "#p0.token"}. Empty to find the token from the
	 * method's parameters.
	 * @return the expression
	 */
	String taskToken() default "";

	/**
	 * Heartbeat timeout SWF applies to this activity, such as {@code "30s"} or {@code "PT5M"};
	 * {@code ${...}} placeholders are resolved. Empty to use the activity type's registered
	 * default when it can be discovered, else {@code swf.heartbeat.default-heartbeat-timeout}.
	 * @return the heartbeat timeout
	 */
	String heartbeatTimeout() default "";

	/**
	 * Longest time a cancellation request may go unnoticed, such as {@code "5s"}; {@code ${...}}
	 * placeholders are resolved. Empty to use {@code swf.heartbeat.max-cancellation-latency}.
	 * @return the maximum cancellation-detection latency
	 */
	String maxCancellationLatency() default "";

	/**
	 * SWF domain of the activity, used to look up the activity type's default heartbeat timeout;
	 * {@code ${...}} placeholders are resolved. Empty to use the domain the task's source names,
	 * else {@code swf.heartbeat.domain}.
	 * @return the domain
	 */
	String domain() default "";

	/**
	 * Whether a cancellation request interrupts the work instead of waiting for it to notice:
	 * the invoking thread is interrupted (only while the method still runs), a returned future
	 * is cancelled, a returned {@code Mono} or {@code Flux} is disposed and signals
	 * {@link io.github.swfheartbeat.core.ActivityCancellationRequestedException}.
	 * @return whether to interrupt on cancellation
	 */
	boolean interruptOnCancel() default false;

	/**
	 * Whether to call {@code RespondActivityTaskCanceled}, as SWF tells a worker to, when the
	 * method ends because its task's cancellation was requested: it throws
	 * {@link io.github.swfheartbeat.core.ActivityCancellationRequestedException}, or it ends
	 * exceptionally after {@link #interruptOnCancel()} interrupted it. The exception still
	 * reaches the caller. Tasks run by a framework that responds itself (AWS Flow Framework) are
	 * left to it.
	 * @return whether to respond canceled
	 */
	boolean respondCanceled() default false;

}
