package io.github.swfheartbeat.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.swfheartbeat.test.standalone.EmbeddedSwfMain;

/**
 * Starts the separate JVMs of the fleet scenario from the benchmarks jar the scenario runs from:
 * the standalone embedded endpoint and the worker processes, and stops them all at the end.
 */
final class FleetProcesses implements AutoCloseable {

	private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

	private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private final String classPath = System.getProperty("java.class.path");

	private final List<Process> started = new ArrayList<>();

	/**
	 * Starts the standalone endpoint with SWF's throttling quotas on a free port.
	 * @return where it listens
	 */
	URI startEndpoint() {
		Process endpoint = start(List.of("-Xmx1g", EmbeddedSwfMain.class.getName(), "--port", "0", "--throttling"));
		try {
			BufferedReader out = new BufferedReader(new InputStreamReader(endpoint.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = out.readLine()) != null) {
				Matcher matcher = LISTENING.matcher(line);
				if (matcher.find()) {
					return URI.create(matcher.group(1));
				}
			}
			throw new IllegalStateException("The standalone endpoint stopped before it listened");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a worker JVM and hands each line it prints to a consumer, on a thread of its own.
	 * @param arguments the worker's arguments
	 * @param lines receives the worker's output
	 * @return the worker
	 */
	Process startWorker(List<String> arguments, Consumer<String> lines) {
		// Small JVMs: the fleet shares the machine with its endpoint, and a worker's outcome should
		// depend on the account's quota, not on five JVMs compiling at once.
		List<String> command = new ArrayList<>(
				List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", FleetWorker.class.getName()));
		command.addAll(arguments);
		Process worker = start(command);
		BenchmarkThreads.named("fleet-output").execute(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = out.readLine()) != null) {
					lines.accept(line);
				}
			}
			catch (IOException ex) {
				// The worker was stopped.
			}
		});
		return worker;
	}

	private Process start(List<String> arguments) {
		List<String> command = new ArrayList<>(List.of(this.java, "-cp", this.classPath));
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			synchronized (this.started) {
				this.started.add(process);
			}
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops every process started here: the workers see their standard input close, the endpoint
	 * is terminated.
	 */
	@Override
	public void close() {
		List<Process> processes;
		synchronized (this.started) {
			processes = List.copyOf(this.started);
			this.started.clear();
		}
		for (Process process : processes) {
			try {
				process.getOutputStream().close();
			}
			catch (IOException ex) {
				// Already gone.
			}
			process.destroy();
		}
		for (Process process : processes) {
			try {
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

}
