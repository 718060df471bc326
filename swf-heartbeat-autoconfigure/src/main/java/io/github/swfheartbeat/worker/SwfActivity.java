package io.github.swfheartbeat.worker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that implements an SWF activity type. The starter polls the method's task
 * list, heartbeats each task from the moment its poll returns, runs the method and responds:
 * completed with the returned value (a {@code String} as is, anything else as JSON, nothing for
 * {@code void}), failed when it throws, canceled when it ends after the workflow asked to cancel
 * the task, and not at all when the task is lost.
 * <p>
 * Parameters may be the task's input as a {@code String}, any type read from the JSON input, the
 * {@code PollForActivityTaskResponse}, a {@link io.github.swfheartbeat.core.HeartbeatContext} or
 * {@link SwfActivityContext}, and a {@code String} annotated with
 * {@link io.github.swfheartbeat.aspect.TaskToken @TaskToken}.
 * <p>
 * Every attribute accepts {@code ${...}} placeholders; durations are written like {@code 30s} or
 * {@code PT30S}. An empty attribute takes its default.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SwfActivity {

	/**
	 * Name of the activity type; defaults to the method's name.
	 * @return the type name
	 */
	String name() default "";

	/**
	 * Version of the activity type; defaults to {@code swf.worker.activity-version}.
	 * @return the type version
	 */
	String version() default "";

	/**
	 * Task list to poll; defaults to {@code swf.worker.task-list}.
	 * @return the task list
	 */
	String taskList() default "";

	/**
	 * Domain of the activity type; defaults to {@code swf.worker.domain}, else
	 * {@code swf.heartbeat.domain}.
	 * @return the domain
	 */
	String domain() default "";

	/**
	 * Heartbeat timeout of the task, when known; also registered as the type's default. Without
	 * it the engine uses the type's registered default.
	 * @return the heartbeat timeout
	 */
	String heartbeatTimeout() default "";

	/**
	 * Longest time a cancellation request may go unnoticed; defaults to
	 * {@code swf.heartbeat.max-cancellation-latency}.
	 * @return the latency
	 */
	String maxCancellationLatency() default "";

	/**
	 * Start-to-close timeout of the task, when known; also registered as the type's default.
	 * @return the start-to-close timeout
	 */
	String startToCloseTimeout() default "";

	/**
	 * Schedule-to-start timeout registered as the type's default when the starter registers it.
	 * @return the schedule-to-start timeout
	 */
	String scheduleToStartTimeout() default "";

	/**
	 * Schedule-to-close timeout registered as the type's default when the starter registers it.
	 * @return the schedule-to-close timeout
	 */
	String scheduleToCloseTimeout() default "";

	/**
	 * Longest time the work may go without reporting progress ({@code setDetails} or
	 * {@link SwfActivityContext#reportProgress()}) before it counts as stalled: its heartbeats
	 * stop so that SWF times the task out and the workflow can retry it elsewhere. Empty for no
	 * stall detection.
	 * @return the progress timeout
	 */
	String progressTimeout() default "";

	/**
	 * Whether to interrupt the method's thread when the work stalls.
	 * @return whether to interrupt
	 */
	boolean interruptOnStall() default false;

}
