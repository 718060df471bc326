package io.github.swfheartbeat.test.state;

import java.time.Duration;

/**
 * SWF's duration strings: whole seconds ({@code "60"}) or {@code "NONE"} for no limit.
 */
public final class DurationText {

	/** The seconds value standing for {@code "NONE"}. */
	public static final long NONE = -1;

	private DurationText() {
	}

	/**
	 * Parses a duration member.
	 * @param field the member's name, for the error message
	 * @param text the value, or {@code null} if absent
	 * @return the seconds, {@link #NONE}, or {@code null} if absent
	 * @throws SwfFault a validation fault for anything but whole seconds or NONE
	 */
	public static Long parse(String field, String text) {
		if (text == null) {
			return null;
		}
		if ("NONE".equals(text)) {
			return NONE;
		}
		if (text.isEmpty() || text.length() > 8) {
			throw invalid(field, text);
		}
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isDigit(text.charAt(i))) {
				throw invalid(field, text);
			}
		}
		return Long.parseLong(text);
	}

	/**
	 * Formats seconds as SWF writes them.
	 * @param seconds the seconds or {@link #NONE}
	 * @return the text
	 */
	public static String format(long seconds) {
		return (seconds == NONE) ? "NONE" : Long.toString(seconds);
	}

	/**
	 * Formats a {@link Duration} as SWF's whole seconds.
	 * @param duration the duration, or {@code null} for NONE
	 * @return the text
	 * @throws IllegalArgumentException for a negative duration or one with a fraction of a second,
	 * which SWF cannot express
	 */
	public static String format(Duration duration) {
		if (duration == null) {
			return "NONE";
		}
		if (duration.isNegative() || duration.getNano() != 0) {
			throw new IllegalArgumentException("SWF timeouts are whole seconds, not " + duration);
		}
		return Long.toString(duration.getSeconds());
	}

	private static SwfFault invalid(String field, String text) {
		return SwfFault.validation("1 validation error detected: Value '" + text + "' at '" + field
				+ "' failed to satisfy constraint: Member must be a number of seconds or NONE");
	}

}
