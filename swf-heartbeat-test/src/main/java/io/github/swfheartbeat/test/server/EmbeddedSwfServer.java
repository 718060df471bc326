package io.github.swfheartbeat.test.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.github.swfheartbeat.test.state.SwfModel;

/**
 * The JDK HTTP server that carries SWF's protocol for one model, bound to 127.0.0.1.
 *
 * <p>A few handler threads serve all requests: a long poll or a delayed answer returns its thread
 * at once and is answered later, so thousands of waiting polls cost no threads.
 *
 * <p>The JDK server writes a response's headers and body apart; unless the JVM runs with
 * {@value #NO_DELAY_PROPERTY}{@code =true}, Nagle's algorithm then holds each body until the
 * client's delayed ACK (about 40 ms on Linux), which caps a keep-alive connection at some 25 calls
 * a second. The server reads that switch once per JVM and offers no per-server setting, so the
 * endpoint leaves it to the program that owns the JVM: {@code EmbeddedSwfMain} sets it, test JVMs
 * set it on their command line.
 */
public final class EmbeddedSwfServer {

	private static final int BACKLOG = 1024;

	/** The JDK server's switch for TCP_NODELAY on accepted connections, read once per JVM. */
	public static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

	private final SwfModel model;

	private final FaultPlan faults;

	private final ThrottlePolicy throttling;

	private final CallCounter calls;

	private HttpServer server;

	private ExecutorService executor;

	private ScheduledExecutorService delays;

	private int port;

	/**
	 * Creates a server; it listens once started.
	 * @param model the SWF state it serves
	 * @param faults the planned faults
	 * @param throttling the rate limits
	 * @param calls the call counter
	 */
	public EmbeddedSwfServer(SwfModel model, FaultPlan faults, ThrottlePolicy throttling, CallCounter calls) {
		this.model = model;
		this.faults = faults;
		this.throttling = throttling;
		this.calls = calls;
	}

	/**
	 * Starts listening on 127.0.0.1.
	 * @param port the port, 0 for a free one
	 * @return the port it listens on
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	public synchronized int start(int port) {
		if (this.server != null) {
			return this.port;
		}
		int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		this.executor = Executors.newFixedThreadPool(threads, daemonThreads("embedded-swf-http-"));
		this.delays = Executors.newSingleThreadScheduledExecutor(daemonThreads("embedded-swf-delays-"));
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
					BACKLOG);
			server.setExecutor(this.executor);
			server.createContext("/",
					new SwfRequestHandler(this.model, this.faults, this.throttling, this.calls, this.executor,
							this.delays));
			server.start();
			this.server = server;
			this.port = server.getAddress().getPort();
			return this.port;
		}
		catch (IOException ex) {
			this.executor.shutdownNow();
			this.delays.shutdownNow();
			throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, ex);
		}
	}

	/**
	 * Stops listening and closes every connection; waiting polls are answered with no task first.
	 */
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		this.model.releasePollers();
		this.server.stop(0);
		this.executor.shutdownNow();
		this.delays.shutdownNow();
		this.server = null;
	}

	/**
	 * Tells whether the server listens.
	 * @return whether it is started
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Returns the port the server listens, or last listened, on.
	 * @return the port
	 */
	public synchronized int port() {
		return this.port;
	}

	private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Returns the header that marks a call as the endpoint's own, so that it is neither counted,
	 * faulted nor throttled.
	 * @return the header's name
	 */
	public static String internalCallHeader() {
		return SwfRequestHandler.INTERNAL_CALL_HEADER;
	}

}
