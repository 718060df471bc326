package io.github.swfheartbeat.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's command-line options: {@code --name value} pairs, each checked against the names the
 * scenario knows, with typed getters that fall back to the scenario's defaults.
 */
final class ScenarioArguments {

	private final String commandLine;

	private final Map<String, String> values;

	private ScenarioArguments(String commandLine, Map<String, String> values) {
		this.commandLine = commandLine;
		this.values = values;
	}

	/**
	 * Parses options.
	 * @param scenario the scenario's name
	 * @param args the options after the scenario's name
	 * @param known the option names the scenario accepts, without dashes; {@code update} is always known
	 * @return the options
	 * @throws IllegalArgumentException for an unknown option or one without a value
	 */
	static ScenarioArguments parse(String scenario, List<String> args, Set<String> known) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.size(); i += 2) {
			String name = args.get(i);
			if (!name.startsWith("--") || !(known.contains(name.substring(2)) || "--update".equals(name))) {
				throw new IllegalArgumentException("Unknown option for " + scenario + ": " + name + " (known: --"
						+ String.join(", --", known) + ", --update)");
			}
			if (i + 1 >= args.size()) {
				throw new IllegalArgumentException("Option " + name + " needs a value");
			}
			values.put(name.substring(2), args.get(i + 1));
		}
		String line = scenario + (args.isEmpty() ? "" : " " + String.join(" ", args));
		return new ScenarioArguments(line, values);
	}

	/**
	 * Returns these options without one, for a scenario that hands the rest on to another.
	 */
	ScenarioArguments without(String name) {
		Map<String, String> rest = new HashMap<>(this.values);
		rest.remove(name);
		return new ScenarioArguments(this.commandLine, rest);
	}

	/**
	 * Returns the scenario's name and options as given, for the report's command.
	 * @return the command line after {@code benchmarks.jar}
	 */
	String commandLine() {
		return this.commandLine;
	}

	Path update() {
		String file = this.values.get("update");
		return (file != null) ? Path.of(file) : null;
	}

	int intValue(String name, int defaultValue) {
		String value = this.values.get(name);
		return (value != null) ? Integer.parseInt(value.trim()) : defaultValue;
	}

	double doubleValue(String name, double defaultValue) {
		String value = this.values.get(name);
		return (value != null) ? Double.parseDouble(value.trim()) : defaultValue;
	}

	/**
	 * Returns a duration given in whole seconds.
	 */
	Duration seconds(String name, Duration defaultValue) {
		String value = this.values.get(name);
		return (value != null) ? Duration.ofSeconds(Long.parseLong(value.trim())) : defaultValue;
	}

	/**
	 * Returns a comma-separated list of whole numbers.
	 */
	List<Integer> intList(String name, List<Integer> defaultValue) {
		String value = this.values.get(name);
		if (value == null) {
			return defaultValue;
		}
		List<Integer> numbers = new ArrayList<>();
		for (String part : value.split(",")) {
			numbers.add(Integer.parseInt(part.trim()));
		}
		return numbers;
	}

}
