package io.github.swfheartbeat.benchmarks;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfAsyncClientBuilder;
import software.amazon.awssdk.services.swf.SwfClient;

import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Builds SDK clients for an embedded endpoint the way an application gets them: the SDK's
 * defaults, with only the endpoint, region and credentials set.
 */
final class SwfClients {

	private SwfClients() {
	}

	/**
	 * Returns a non-blocking client on Netty, as the starter builds it without
	 * {@code swf.client.*} tuning.
	 */
	static SwfAsyncClient async(EmbeddedSwf swf) {
		return SwfAsyncClient.builder()
			.endpointOverride(swf.endpoint())
			.region(Region.of(swf.region()))
			.credentialsProvider(credentials())
			.httpClientBuilder(NettyNioAsyncHttpClient.builder())
			.build();
	}

	/**
	 * Returns a builder for the client heartbeats go over, as the starter configures it for
	 * {@code SwfAsyncClientTransport.withHeartbeatClient} (its {@code HeartbeatHttpClient}): a Netty
	 * HTTP client whose event loop group has one thread named {@code swf-heartbeat-io-*}, and no read
	 * or write timeouts of its own.
	 */
	static SwfAsyncClientBuilder heartbeatClient(EmbeddedSwf swf) {
		return SwfAsyncClient.builder()
			.endpointOverride(swf.endpoint())
			.region(Region.of(swf.region()))
			.credentialsProvider(credentials())
			.httpClientBuilder(NettyNioAsyncHttpClient.builder()
				.eventLoopGroupBuilder(SdkEventLoopGroup.builder()
					.numberOfThreads(1)
					.threadFactory(new DefaultThreadFactory("swf-heartbeat-io", true)))
				.readTimeout(Duration.ZERO)
				.writeTimeout(Duration.ZERO));
	}

	/**
	 * Returns a blocking client with the SDK's default HTTP client and retry strategy, as most
	 * hand-written heartbeat loops use it.
	 */
	static SwfClient sync(EmbeddedSwf swf) {
		return SwfClient.builder()
			.endpointOverride(swf.endpoint())
			.region(Region.of(swf.region()))
			.credentialsProvider(credentials())
			.build();
	}

	private static StaticCredentialsProvider credentials() {
		return StaticCredentialsProvider
			.create(AwsBasicCredentials.create(EmbeddedSwf.ACCESS_KEY_ID, EmbeddedSwf.SECRET_ACCESS_KEY));
	}

}
