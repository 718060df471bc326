package io.github.swfheartbeat.test.server;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Sends the one answer of one request: at once or later, from any thread (Netty queues the write
 * to the connection's event loop, so a thread holding the model's lock never blocks on it), after
 * the latency planned for the operation.
 */
final class ExchangeReply {

	static final String CONTENT_TYPE = "application/x-amz-json-1.0";

	private final Channel channel;

	private final boolean keepAlive;

	private final long latencyNanos;

	private final AtomicBoolean sent = new AtomicBoolean();

	/** The endpoint's clock, in epoch milliseconds, for the Date header: virtual time when tests control it. */
	private final LongSupplier clock;

	ExchangeReply(Channel channel, boolean keepAlive, long latencyNanos, LongSupplier clock) {
		this.clock = clock;
		this.channel = channel;
		this.keepAlive = keepAlive;
		this.latencyNanos = latencyNanos;
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
		send(status, errorType(type), body);
	}

	static String errorType(String type) {
		int hash = type.indexOf('#');
		return (hash < 0) ? type
				: type.substring(hash + 1) + ":http://internal.amazon.com/coral/" + type.substring(0, hash) + "/";
	}

	private void send(int status, String errorType, String body) {
		if (!this.sent.compareAndSet(false, true)) {
			return;
		}
		FullHttpResponse response = response(status, errorType, body, this.keepAlive, this.clock.getAsLong());
		Runnable write = () -> {
			ChannelFuture written = this.channel.writeAndFlush(response);
			if (!this.keepAlive) {
				written.addListener(ChannelFutureListener.CLOSE);
			}
		};
		try {
			if (this.latencyNanos > 0) {
				this.channel.eventLoop().schedule(write, this.latencyNanos, TimeUnit.NANOSECONDS);
			}
			else {
				write.run();
			}
		}
		catch (RejectedExecutionException ex) {
			// The server stopped meanwhile and closed the connection; nobody waits for this answer.
			response.release();
		}
	}

	static FullHttpResponse response(int status, String errorType, String body, boolean keepAlive, long epochMillis) {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
				Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
			.set("x-amzn-RequestId", requestId())
			// AWS services date every answer; workers read a poll's instant from it.
			.set(HttpHeaderNames.DATE, DateTimeFormatter.RFC_1123_DATE_TIME
				.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC)));
		if (errorType != null) {
			response.headers().set("X-Amzn-Errortype", errorType);
		}
		if (!keepAlive) {
			response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		}
		return response;
	}

	/**
	 * Closes the connection without an answer.
	 */
	void reset() {
		if (this.sent.compareAndSet(false, true)) {
			this.channel.close();
		}
	}

	private static String requestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
	}

}
