package io.github.swfheartbeat.test.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;

import io.github.swfheartbeat.test.state.SwfModel;

/**
 * The HTTP server that carries SWF's protocol for one model, bound to 127.0.0.1, on Netty (which
 * the SDK's async client brings already).
 *
 * <p>A few event-loop threads serve all connections: a long poll or a delayed answer holds no
 * thread and is answered later, so thousands of waiting polls cost no threads. Connections have
 * TCP_NODELAY set, per server: an answer never waits for the client's delayed ACK.
 */
public final class EmbeddedSwfServer {

	private static final int BACKLOG = 1024;

	private final SwfModel model;

	private final FaultPlan faults;

	private final ThrottlePolicy throttling;

	private final CallCounter calls;

	private EventLoopGroup acceptor;

	private EventLoopGroup workers;

	private ChannelGroup connections;

	private Channel listener;

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
		if (this.listener != null) {
			return this.port;
		}
		int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		this.acceptor = new MultiThreadIoEventLoopGroup(1, daemonThreads("embedded-swf-accept-"),
				NioIoHandler.newFactory());
		this.workers = new MultiThreadIoEventLoopGroup(threads, daemonThreads("embedded-swf-http-"),
				NioIoHandler.newFactory());
		ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
		SwfRequestHandler handler = new SwfRequestHandler(this.model, this.faults, this.throttling, this.calls);
		ServerBootstrap bootstrap = new ServerBootstrap().group(this.acceptor, this.workers)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, BACKLOG)
			.option(ChannelOption.SO_REUSEADDR, true)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel channel) {
					connections.add(channel);
					channel.pipeline().addLast(new HttpServerCodec(), new RequestAggregator(), handler);
				}

			});
		try {
			this.listener = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
				.syncUninterruptibly()
				.channel();
		}
		catch (Exception ex) {
			shutDownThreads();
			IOException cause = (ex instanceof IOException io) ? io : new IOException(ex);
			throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, cause);
		}
		this.connections = connections;
		this.port = ((InetSocketAddress) this.listener.localAddress()).getPort();
		return this.port;
	}

	/**
	 * Stops listening and closes every connection; waiting polls are answered with no task first.
	 */
	public synchronized void stop() {
		if (this.listener == null) {
			return;
		}
		// The answers are queued on each connection's event loop ahead of its close.
		this.model.releasePollers();
		this.listener.close().syncUninterruptibly();
		this.connections.close().awaitUninterruptibly();
		shutDownThreads();
		this.listener = null;
	}

	private void shutDownThreads() {
		this.acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		this.workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	/**
	 * Tells whether the server listens.
	 * @return whether it is started
	 */
	public synchronized boolean isRunning() {
		return this.listener != null;
	}

	/**
	 * Returns the port the server listens, or last listened, on.
	 * @return the port
	 */
	public synchronized int port() {
		return this.port;
	}

	private static ThreadFactory daemonThreads(String prefix) {
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
