package io.github.swfheartbeat.sample.web;

import java.util.List;

import io.github.swfheartbeat.metrics.HeartbeatMetrics;
import io.github.swfheartbeat.sample.embedded.TaskTimeOuts;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.sample.transcode.TranscodeView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the dashboard polls every second: the transcodes and the heartbeat engine's key metrics.
 * Health comes from {@code /actuator/health}.
 */
@RestController
class DashboardController {

	private final TranscodeRegistry registry;

	private final MeterRegistry meters;

	private final boolean embeddedSwf;

	DashboardController(TranscodeRegistry registry, MeterRegistry meters, ObjectProvider<TaskTimeOuts> timeOuts) {
		this.registry = registry;
		this.meters = meters;
		this.embeddedSwf = timeOuts.getIfAvailable() != null;
	}

	@GetMapping("/api/dashboard")
	Dashboard dashboard() {
		return new Dashboard(this.registry.views(), metrics(), this.embeddedSwf);
	}

	private HeartbeatSummary metrics() {
		Gauge active = this.meters.find(HeartbeatMetrics.TASKS_ACTIVE).gauge();
		long calls = this.meters.find(HeartbeatMetrics.CALLS).timers().stream().mapToLong(Timer::count).sum();
		double cancellations = this.meters.find(HeartbeatMetrics.CANCELLATIONS)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
		double lost = this.meters.find(HeartbeatMetrics.TASKS_LOST).counters().stream().mapToDouble(Counter::count).sum();
		return new HeartbeatSummary((active != null) ? (long) active.value() : 0, calls, (long) cancellations,
				(long) lost);
	}

	/**
	 * The dashboard's data.
	 *
	 * @param transcodes every transcode known, newest first
	 * @param metrics the heartbeat engine's key metrics
	 * @param embeddedSwf whether the application runs on the embedded SWF endpoint, which can time
	 * out a task on request
	 */
	record Dashboard(List<TranscodeView> transcodes, HeartbeatSummary metrics, boolean embeddedSwf) {
	}

	/**
	 * Key metrics of the heartbeat engine, from {@code swf.heartbeat.*}.
	 *
	 * @param activeTasks tasks heartbeated now
	 * @param heartbeatCalls heartbeat calls made, retries included
	 * @param cancellations tasks whose cancellation SWF reported
	 * @param tasksLost tasks lost
	 */
	record HeartbeatSummary(long activeTasks, long heartbeatCalls, long cancellations, long tasksLost) {
	}

}
