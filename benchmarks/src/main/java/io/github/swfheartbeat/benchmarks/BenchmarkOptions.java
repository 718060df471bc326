package io.github.swfheartbeat.benchmarks;

/**
 * The options of the heartbeat throughput scenario.
 *
 * @param tasks how many activity tasks are open while heartbeats run
 * @param concurrency how many heartbeats are in flight at once
 * @param warmupSeconds how long heartbeats run before the first measured window
 * @param seconds how long each measured window lasts
 * @param runs how many measured windows
 * @param update the Markdown file whose section to write, or {@code null}
 * @param commandLine the arguments as given, for the report
 */
record BenchmarkOptions(int tasks, int concurrency, int warmupSeconds, int seconds, int runs, String update,
		String commandLine) {

	static BenchmarkOptions parse(String... args) {
		int tasks = 10_000;
		int concurrency = 64;
		int warmup = 30;
		int seconds = 10;
		int runs = 5;
		String update = null;
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			if (value == null) {
				throw new IllegalArgumentException("Option " + args[i] + " needs a value");
			}
			switch (args[i]) {
				case "--tasks" -> tasks = Integer.parseInt(value);
				case "--concurrency" -> concurrency = Integer.parseInt(value);
				case "--warmup" -> warmup = Integer.parseInt(value);
				case "--seconds" -> seconds = Integer.parseInt(value);
				case "--runs" -> runs = Integer.parseInt(value);
				case "--update" -> update = value;
				default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
			}
			i++;
		}
		return new BenchmarkOptions(tasks, concurrency, warmup, seconds, runs, update, String.join(" ", args));
	}

}
