package io.github.swfheartbeat.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One scenario's results as a Markdown section between {@code <!-- id:start -->} and
 * {@code <!-- id:end -->} markers, so that a run replaces its own earlier section in a file and
 * leaves the rest as it was.
 *
 * @param id the scenario's name, used in the markers
 * @param body the section's Markdown, heading included
 */
record ReportSection(String id, String body) {

	private static final String NEW_FILE = "# Benchmarks\n\nResults of the scenario benchmarks in `benchmarks/`, "
			+ "written by the benchmarks themselves.\n\n";

	/**
	 * Returns the lines every section shows: the machine, the date and the command that produced it.
	 * @param arguments the scenario's name and options as given on the command line
	 * @return the Markdown lines
	 */
	static String provenance(String arguments) {
		return "- Machine: " + Machine.describe() + "\n- Date: " + LocalDate.now()
				+ "\n- Command, from the repository root:\n\n"
				+ "  ```\n  mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests\n"
				+ "  java -jar benchmarks/target/benchmarks.jar " + arguments + "\n  ```\n\n";
	}

	String markdown() {
		return start() + "\n" + this.body + (this.body.endsWith("\n") ? "" : "\n") + end() + "\n";
	}

	/**
	 * Writes the section into a Markdown file: in place of its earlier version, or at the end.
	 * @param file the file, created if missing
	 */
	void writeTo(Path file) {
		try {
			String content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : NEW_FILE;
			int start = content.indexOf(start());
			int end = content.indexOf(end());
			if (start >= 0 && end > start) {
				int after = Math.min(content.length(), end + end().length() + 1);
				content = content.substring(0, start) + markdown() + content.substring(after);
			}
			else {
				content = content + (content.endsWith("\n\n") ? "" : "\n") + markdown();
			}
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String start() {
		return "<!-- " + this.id + ":start -->";
	}

	private String end() {
		return "<!-- " + this.id + ":end -->";
	}

}
