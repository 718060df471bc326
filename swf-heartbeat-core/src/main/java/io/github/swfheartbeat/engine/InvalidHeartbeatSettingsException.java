package io.github.swfheartbeat.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Heartbeat engine settings that cannot work. Each problem names the setting (as the kebab-case
 * name of its {@code swf.heartbeat.*} property), what is wrong and what to change.
 */
public class InvalidHeartbeatSettingsException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	/**
	 * Creates the exception.
	 * @param problems the problems found, at least one
	 */
	public InvalidHeartbeatSettingsException(List<Problem> problems) {
		super("Invalid heartbeat settings: "
				+ problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Returns the problems found.
	 * @return the problems
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One invalid setting.
	 *
	 * @param setting kebab-case name of the setting, e.g. {@code min-send-interval}
	 * @param value the invalid value as configured
	 * @param reason what is wrong
	 * @param action what to change
	 */
	public record Problem(String setting, String value, String reason, String action) {

		@Override
		public String toString() {
			return this.setting + "=" + this.value + ": " + this.reason;
		}

	}

}
