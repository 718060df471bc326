package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The Netty HTTP client of the heartbeat client. Its event loop group is sized here rather than
 * left to the SDK, which starts two threads per core: heartbeats are bounded by SWF's quota (a few
 * hundred calls a second for an account), which one I/O thread carries with the answers it also
 * completes; at 500 calls a second it is busy about a tenth of the time.
 */
final class HeartbeatHttpClient {

	/** I/O threads of the heartbeat client, named {@value #THREAD_NAME}-1-1. */
	static final int EVENT_LOOP_THREADS = 1;

	static final String THREAD_NAME = "swf-heartbeat-io";

	private HeartbeatHttpClient() {
	}

	static NettyNioAsyncHttpClient.Builder builder(@Nullable Integer maxConcurrency) {
		NettyNioAsyncHttpClient.Builder builder = NettyNioAsyncHttpClient.builder()
			.eventLoopGroupBuilder(SdkEventLoopGroup.builder()
				.numberOfThreads(EVENT_LOOP_THREADS)
				.threadFactory(new DefaultThreadFactory(THREAD_NAME, true)))
			// Every heartbeat has a call timeout that ends at its task's deadline; Netty's own read
			// and write timeouts would only schedule and cancel two more timers per call.
			.readTimeout(Duration.ZERO)
			.writeTimeout(Duration.ZERO);
		if (maxConcurrency != null) {
			if (maxConcurrency < 1) {
				throw new InvalidConfigurationPropertyValueException("swf.client.max-concurrency", maxConcurrency,
						"It must be at least 1");
			}
			builder.maxConcurrency(maxConcurrency);
		}
		return builder;
	}

}
