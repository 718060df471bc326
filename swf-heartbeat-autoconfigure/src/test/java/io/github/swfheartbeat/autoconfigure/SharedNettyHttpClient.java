package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.client.SwfAsyncClientCustomizer;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * One Netty HTTP client for every test context. Each auto-configured client would otherwise start
 * an event loop group of its own and wait for its quiet period of two seconds when it closes; the
 * SDK never closes a client it was given.
 */
public final class SharedNettyHttpClient {

	private static final SdkAsyncHttpClient HTTP_CLIENT = NettyNioAsyncHttpClient.create();

	private SharedNettyHttpClient() {
	}

	/**
	 * Returns a customizer that gives the async client the shared HTTP client.
	 * @return the customizer
	 */
	public static SwfAsyncClientCustomizer customizer() {
		return (builder) -> builder.httpClient(HTTP_CLIENT);
	}

}
