package io.github.swfheartbeat.test.standalone;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * The standalone endpoint's command line.
 *
 * @param port the port on 127.0.0.1, 0 for a free one
 * @param longPollTimeout how long an idle poll is held
 * @param swfQuotas whether SWF's throttling quotas apply
 * @param limits rate limits per operation, as {@code {bucketSize, refillPerSecond}}
 * @param virtualTime whether the endpoint runs on virtual time, moved by the admin call
 * {@code POST /embedded-swf/advance}
 * @param help whether only the usage was asked for
 */
public record CommandLineOptions(int port, Duration longPollTimeout, boolean swfQuotas, Map<String, double[]> limits,
		boolean virtualTime, boolean help) {

	/** The port used when none is given. */
	public static final int DEFAULT_PORT = 8090;

	/**
	 * Parses the arguments.
	 * @param args the arguments
	 * @return the options
	 * @throws IllegalArgumentException for an unknown option or a bad value, with a message for the user
	 */
	public static CommandLineOptions parse(String... args) {
		int port = DEFAULT_PORT;
		Duration longPollTimeout = EmbeddedSwf.DEFAULT_LONG_POLL_TIMEOUT;
		boolean swfQuotas = false;
		Map<String, double[]> limits = new LinkedHashMap<>();
		boolean virtualTime = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg;
			String value = null;
			int equals = arg.indexOf('=');
			if (arg.startsWith("--") && equals > 0) {
				name = arg.substring(0, equals);
				value = arg.substring(equals + 1);
			}
			switch (name) {
				case "--help", "-h" -> {
					return new CommandLineOptions(port, longPollTimeout, swfQuotas, limits, virtualTime, true);
				}
				case "--port" -> {
					value = (value != null) ? value : valueOf(args, ++i, name);
					port = parsePort(value);
				}
				case "--long-poll-timeout" -> {
					value = (value != null) ? value : valueOf(args, ++i, name);
					longPollTimeout = parseDuration(value);
				}
				case "--throttling" -> swfQuotas = true;
				case "--virtual-time" -> virtualTime = true;
				case "--throttle" -> {
					value = (value != null) ? value : valueOf(args, ++i, name);
					parseLimit(value, limits);
				}
				default -> throw new IllegalArgumentException("Unknown option: " + arg);
			}
		}
		return new CommandLineOptions(port, longPollTimeout, swfQuotas, Map.copyOf(limits), virtualTime, false);
	}

	/**
	 * Returns the usage text that {@code --help} prints.
	 * @return the text
	 */
	public static String usage() {
		return String.join(System.lineSeparator(),
				"Usage: java -jar embedded-swf.jar [options]",
				"",
				"Serves Amazon SWF's API (AWS JSON 1.0) on 127.0.0.1 until stopped (Ctrl-C or SIGTERM).",
				"Point any AWS SDK at http://127.0.0.1:<port>, region us-east-1, any credentials.",
				"",
				"Options:",
				"  --port N                   port to listen on (default " + DEFAULT_PORT + ", 0 for a free one)",
				"  --long-poll-timeout T      how long an idle poll is held: seconds (2) or ISO-8601 (PT2S);",
				"                             default 60 seconds, as SWF",
				"  --throttling               apply SWF's documented throttling quotas",
				"  --throttle OP=SIZE:REFILL  token bucket for one operation, e.g.",
				"                             RecordActivityTaskHeartbeat=200:16 (repeatable)",
				"  --virtual-time             run on virtual time, which stands still until advanced with",
				"                             POST /embedded-swf/advance {\"duration\":\"PT10M\"}",
				"                             (applies the timeouts that fall due, in order)",
				"  -h, --help                 print this help");
	}

	private static String valueOf(String[] args, int index, String name) {
		if (index >= args.length) {
			throw new IllegalArgumentException("Option " + name + " needs a value");
		}
		return args[index];
	}

	private static int parsePort(String value) {
		try {
			int port = Integer.parseInt(value);
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + value);
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a port: " + value);
		}
	}

	private static Duration parseDuration(String value) {
		try {
			Duration duration = value.chars().allMatch(Character::isDigit) && !value.isEmpty()
					? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
			if (duration.isNegative()) {
				throw new IllegalArgumentException("Not a long-poll timeout: " + value);
			}
			return duration;
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new IllegalArgumentException("Not a duration: " + value + " (use seconds or ISO-8601, e.g. PT2S)");
		}
	}

	private static void parseLimit(String value, Map<String, double[]> limits) {
		int equals = value.indexOf('=');
		int colon = value.indexOf(':', equals + 1);
		if (equals < 1 || colon < 0) {
			throw new IllegalArgumentException("Expected OPERATION=SIZE:REFILL, not " + value);
		}
		try {
			int size = Integer.parseInt(value.substring(equals + 1, colon));
			double refill = Double.parseDouble(value.substring(colon + 1));
			if (size < 1 || refill < 0) {
				throw new IllegalArgumentException("A bucket needs a size of at least 1 and a refill of at least 0");
			}
			limits.put(value.substring(0, equals), new double[] { size, refill });
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Expected OPERATION=SIZE:REFILL, not " + value);
		}
	}

}
