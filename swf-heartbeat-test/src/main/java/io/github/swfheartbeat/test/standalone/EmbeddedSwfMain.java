package io.github.swfheartbeat.test.standalone;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Runs the embedded SWF endpoint until the JVM is told to stop.
 */
public final class EmbeddedSwfMain {

	private EmbeddedSwfMain() {
	}

	/**
	 * Parses the command line, starts the endpoint and serves until SIGTERM or Ctrl-C.
	 * @param args the command line, see {@link CommandLineOptions#usage()}
	 * @throws InterruptedException if the waiting main thread is interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		CommandLineOptions options;
		try {
			options = CommandLineOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(CommandLineOptions.usage());
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.println(CommandLineOptions.usage());
			return;
		}
		EmbeddedSwf swf = start(options, System.out);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			swf.close();
			stopped.countDown();
		}, "embedded-swf-shutdown"));
		// The server's threads are daemons: this thread keeps the JVM alive until it is told to stop.
		stopped.await();
	}

	/**
	 * Starts an endpoint as the options say and reports where it listens.
	 * @param options the options
	 * @param out where to report
	 * @return the running endpoint
	 */
	public static EmbeddedSwf start(CommandLineOptions options, PrintStream out) {
		EmbeddedSwf.Builder builder = EmbeddedSwf.builder()
			.port(options.port())
			.longPollTimeout(options.longPollTimeout())
			.throttling(options.swfQuotas());
		if (options.virtualTime()) {
			builder.virtualTime();
		}
		options.limits().forEach((operation, limit) -> builder.throttling(operation, (int) limit[0], limit[1]));
		EmbeddedSwf swf = builder.start();
		out.println("Embedded SWF endpoint listening on " + swf.endpoint() + " (region " + swf.region()
				+ ", long polls " + options.longPollTimeout().toSeconds() + " s, SWF throttling "
				+ (options.swfQuotas() ? "on" : "off") + (options.virtualTime() ? ", virtual time" : "") + ")");
		out.flush();
		return swf;
	}

}
