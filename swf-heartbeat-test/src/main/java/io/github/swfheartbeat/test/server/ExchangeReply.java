package io.github.swfheartbeat.test.server;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;

/**
 * Sends the one answer of one exchange: at once on the handler's thread, or later from any thread
 * through the server's executor, after the latency planned for the operation.
 */
final class ExchangeReply {

	private static final System.Logger logger = System.getLogger(ExchangeReply.class.getName());

	static final String CONTENT_TYPE = "application/x-amz-json-1.0";

	private final HttpExchange exchange;

	private final Executor executor;

	private final ScheduledExecutorService delays;

	private final long latencyNanos;

	private final Thread handlerThread = Thread.currentThread();

	private final AtomicBoolean sent = new AtomicBoolean();

	private volatile boolean handlerReturned;

	ExchangeReply(HttpExchange exchange, Executor executor, ScheduledExecutorService delays, long latencyNanos) {
		this.exchange = exchange;
		this.executor = executor;
		this.delays = delays;
		this.latencyNanos = latencyNanos;
	}

	/**
	 * Marks the handler as returned: from now on answers go through the executor, since the thread
	 * that sends them may hold the model's lock.
	 */
	void handlerReturned() {
		this.handlerReturned = true;
	}

	void send(int status, String body) {
		send(status, null, body);
	}

	/**
	 * Sends an error answer: besides the body's {@code __type}, the {@code X-Amzn-Errortype} header
	 * names the error, as AWS services do and as clients read it first.
	 * @param status the HTTP status
	 * @param type the error's qualified name, e.g. {@code com.amazonaws.swf.base.model#UnknownResourceFault}
	 * @param body the error's JSON body
	 */
	void sendError(int status, String type, String body) {
		int hash = type.indexOf('#');
		String errorType = (hash < 0) ? type
				: type.substring(hash + 1) + ":http://internal.amazon.com/coral/" + type.substring(0, hash) + "/";
		send(status, errorType, body);
	}

	private void send(int status, String errorType, String body) {
		if (!this.sent.compareAndSet(false, true)) {
			return;
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try {
			if (this.latencyNanos > 0) {
				this.delays.schedule(() -> this.executor.execute(() -> write(status, errorType, bytes)),
						this.latencyNanos, TimeUnit.NANOSECONDS);
			}
			else if (!this.handlerReturned && Thread.currentThread() == this.handlerThread) {
				write(status, errorType, bytes);
			}
			else {
				this.executor.execute(() -> write(status, errorType, bytes));
			}
		}
		catch (RejectedExecutionException ex) {
			// The server stopped meanwhile and closed the connection; nobody waits for this answer.
			this.exchange.close();
		}
	}

	/**
	 * Closes the connection without an answer.
	 */
	void reset() {
		if (this.sent.compareAndSet(false, true)) {
			// Closing an exchange before its response headers closes the connection itself.
			this.exchange.close();
		}
	}

	private void write(int status, String errorType, byte[] bytes) {
		try {
			this.exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
			this.exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
			if (errorType != null) {
				this.exchange.getResponseHeaders().set("X-Amzn-Errortype", errorType);
			}
			this.exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream body = this.exchange.getResponseBody()) {
				body.write(bytes);
			}
		}
		catch (IOException | RuntimeException ex) {
			// The client went away, e.g. it gave up on a long poll; nothing is left to answer.
			logger.log(Level.DEBUG, "Could not send a response: {0}", ex.toString());
		}
		finally {
			this.exchange.close();
		}
	}

	private static String requestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
	}

}
