package io.github.swfheartbeat.test.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * Timers: the StartTimer and CancelTimer decisions, and TimerFired when a timer's moment comes.
 *
 * <p>A timer fires on the timer thread, or when virtual time passes its moment; and, like the
 * other deadlines, whenever a call reads the execution after that moment, so that a decider never
 * sees a history without a TimerFired that is due.
 */
final class Timers {

	/** SWF's limit of open timers per workflow execution. */
	static final int MAXIMUM_OPEN_TIMERS = 1000;

	private final SwfModel model;

	private final ModelContext context;

	Timers(SwfModel model) {
		this.model = model;
		this.context = model.context;
	}

	static void validateStart(JsonObject attributes) {
		attributes.requiredString("timerId", 1, 256);
		attributes.string("control", 0, 32768);
		String timeout = attributes.requiredString("startToFireTimeout", 1, 8);
		if (DurationText.parse("startToFireTimeout", timeout) == DurationText.NONE) {
			// SWF's API reference: a whole number of seconds, 0 or more; NONE is not one.
			throw SwfFault.validation("1 validation error detected: Value 'NONE' at 'startToFireTimeout' failed to "
					+ "satisfy constraint: Member must be a number of seconds");
		}
	}

	static void validateCancel(JsonObject attributes) {
		attributes.requiredString("timerId", 1, 256);
	}

	/**
	 * Carries out a StartTimer decision.
	 */
	void start(WorkflowExecution execution, JsonObject attributes, long decisionTaskCompletedEventId) {
		String timerId = attributes.string("timerId");
		fireDue(execution);
		String cause = null;
		if (execution.openTimers.containsKey(timerId)) {
			cause = "TIMER_ID_ALREADY_IN_USE";
		}
		else if (execution.openTimers.size() >= MAXIMUM_OPEN_TIMERS) {
			cause = "OPEN_TIMERS_LIMIT_EXCEEDED";
		}
		if (cause != null) {
			execution.append("StartTimerFailed", new JsonObject().put("timerId", timerId)
				.put("cause", cause)
				.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId), this.context.timestamp());
			this.model.decisions.schedule(execution);
			return;
		}
		String startToFire = attributes.string("startToFireTimeout");
		long seconds = DurationText.parse("startToFireTimeout", startToFire);
		long eventId = execution.append("TimerStarted", new JsonObject().put("timerId", timerId)
			.put("control", attributes.string("control"))
			.put("startToFireTimeout", startToFire)
			.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId), this.context.timestamp());
		long delayNanos = seconds * 1_000_000_000L;
		Timer timer = new Timer(execution, timerId, eventId, this.context.nanoTime() + delayNanos);
		execution.openTimers.put(timerId, timer);
		timer.future = this.context.scheduleTimeout(() -> fire(timer), delayNanos);
	}

	/**
	 * Carries out a CancelTimer decision.
	 */
	void cancel(WorkflowExecution execution, String timerId, long decisionTaskCompletedEventId) {
		fireDue(execution);
		Timer timer = execution.openTimers.remove(timerId);
		if (timer == null) {
			execution.append("CancelTimerFailed", new JsonObject().put("timerId", timerId)
				.put("cause", "TIMER_ID_UNKNOWN")
				.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId), this.context.timestamp());
			this.model.decisions.schedule(execution);
			return;
		}
		timer.future.cancel(false);
		// The decider asked for it: no decision task follows, as in SWF.
		execution.append("TimerCanceled", new JsonObject().put("timerId", timerId)
			.put("startedEventId", timer.startedEventId)
			.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId), this.context.timestamp());
	}

	/**
	 * Fires, in order, every open timer of the execution whose moment has passed, whether or not
	 * the timer thread got to it.
	 */
	void fireDue(WorkflowExecution execution) {
		if (execution.openTimers.isEmpty()) {
			return;
		}
		long now = this.context.nanoTime();
		List<Timer> due = new ArrayList<>();
		for (Timer timer : execution.openTimers.values()) {
			if (now - timer.dueNanos >= 0) {
				due.add(timer);
			}
		}
		due.sort(Comparator.comparingLong((Timer timer) -> timer.dueNanos));
		due.forEach(this::fire);
	}

	private void fire(Timer timer) {
		WorkflowExecution execution = timer.execution;
		if (!execution.isOpen() || execution.openTimers.get(timer.timerId) != timer) {
			return;
		}
		execution.openTimers.remove(timer.timerId);
		timer.future.cancel(false);
		// Stamped at its moment, not when it was noticed; never before an earlier event.
		execution.append("TimerFired",
				new JsonObject().put("timerId", timer.timerId).put("startedEventId", timer.startedEventId),
				execution.notBefore(this.context.timestampAt(timer.dueNanos)));
		this.model.decisions.schedule(execution);
	}

	/**
	 * Drops the execution's open timers, as when it closes: they never fire.
	 */
	void discard(WorkflowExecution execution) {
		for (Timer timer : execution.openTimers.values()) {
			timer.future.cancel(false);
		}
		execution.openTimers.clear();
	}

}
