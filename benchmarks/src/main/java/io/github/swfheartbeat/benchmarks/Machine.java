package io.github.swfheartbeat.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Describes the machine a benchmark ran on, for its report.
 */
final class Machine {

	private Machine() {
	}

	static String describe() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux: the processor count and OS still say what ran it.
		}
		Runtime runtime = Runtime.getRuntime();
		return String.format(Locale.ROOT, "%d cores (%s), %s %s, Java %s (%s), max heap %d MiB",
				runtime.availableProcessors(), cpu, System.getProperty("os.name"), System.getProperty("os.arch"),
				System.getProperty("java.version"), System.getProperty("java.vm.name"),
				runtime.maxMemory() / (1024 * 1024));
	}

}
