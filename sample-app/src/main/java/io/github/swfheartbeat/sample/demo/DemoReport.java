package io.github.swfheartbeat.sample.demo;

import java.util.List;
import java.util.Locale;

import io.github.swfheartbeat.sample.transcode.TranscodeState;

/**
 * What the demo scenario did, and whether it went as expected.
 *
 * @param outcomes how each transcode ended
 * @param problems what did not go as expected, empty when all did
 */
public record DemoReport(List<DemoOutcome> outcomes, List<String> problems) {

	private static final String ROW = "%-20s %-14s %-10s %-10s %-10s %10s %9s %21s%n";

	/**
	 * Whether the scenario went as expected.
	 * @return whether there are no problems
	 */
	public boolean successful() {
		return this.problems.isEmpty();
	}

	/**
	 * Returns the exit code of the demo.
	 * @return 0 when the scenario went as expected, 1 otherwise
	 */
	public int exitCode() {
		return successful() ? 0 : 1;
	}

	/**
	 * Counts the transcodes that ended in a state.
	 * @param state the state
	 * @return how many
	 */
	public long count(TranscodeState state) {
		return this.outcomes.stream().filter((outcome) -> outcome.state() == state).count();
	}

	/**
	 * Returns the heartbeats SWF recorded for all the scenario's tasks.
	 * @return the sum
	 */
	public long heartbeats() {
		return this.outcomes.stream().mapToLong(DemoOutcome::heartbeats).sum();
	}

	/**
	 * Formats the summary table.
	 * @return the table, with a closing line
	 */
	public String format() {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, ROW, "Transcode", "Video", "Expected", "Outcome", "Workflow",
				"Heartbeats", "Duration", "Cancellation latency"));
		for (DemoOutcome outcome : this.outcomes) {
			table.append(String.format(Locale.ROOT, ROW, outcome.transcodeId(), outcome.video(),
					outcome.expected().name().toLowerCase(Locale.ROOT), outcome.state(),
					(outcome.workflowCloseStatus() != null) ? outcome.workflowCloseStatus() : "OPEN", outcome.heartbeats(),
					seconds(outcome.durationMillis()),
					(outcome.cancellationLatencyMillis() != null) ? seconds(outcome.cancellationLatencyMillis()) : "-"));
		}
		table.append(String.format(Locale.ROOT, "%d tasks: %d completed, %d cancelled, %d lost; %d heartbeats sent%n",
				this.outcomes.size(), count(TranscodeState.COMPLETED), count(TranscodeState.CANCELED),
				count(TranscodeState.LOST), heartbeats()));
		if (successful()) {
			table.append("The scenario went as expected.").append(System.lineSeparator());
		}
		else {
			this.problems.forEach((problem) -> table.append("Problem: ").append(problem).append(System.lineSeparator()));
		}
		return table.toString();
	}

	private static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

}
