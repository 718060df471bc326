package io.github.swfheartbeat.engine;

import java.util.ArrayList;
import java.util.List;

import io.github.swfheartbeat.test.EmbeddedSwf;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;

/**
 * New SDK clients of the embedded endpoint, as an application builds them: nothing warmed up,
 * the SDK's defaults. Each test closes what it takes.
 */
final class ColdSwfClients implements AutoCloseable {

	private final EmbeddedSwf swf;

	private final List<AutoCloseable> clients = new ArrayList<>();

	ColdSwfClients(EmbeddedSwf swf) {
		this.swf = swf;
	}

	static AwsCredentialsProvider credentials() {
		return StaticCredentialsProvider
			.create(AwsBasicCredentials.create(EmbeddedSwf.ACCESS_KEY_ID, EmbeddedSwf.SECRET_ACCESS_KEY));
	}

	SwfAsyncClient async() {
		return async(credentials());
	}

	SwfAsyncClient async(AwsCredentialsProvider credentials, ExecutionInterceptor... interceptors) {
		SwfAsyncClient client = SwfAsyncClient.builder()
			.endpointOverride(this.swf.endpoint())
			.region(Region.of(EmbeddedSwf.REGION))
			.credentialsProvider(credentials)
			.httpClientBuilder(NettyNioAsyncHttpClient.builder())
			.overrideConfiguration((config) -> List.of(interceptors).forEach(config::addExecutionInterceptor))
			.build();
		this.clients.add(client);
		return client;
	}

	SwfClient sync() {
		SwfClient client = SwfClient.builder()
			.endpointOverride(this.swf.endpoint())
			.region(Region.of(EmbeddedSwf.REGION))
			.credentialsProvider(credentials())
			.build();
		this.clients.add(client);
		return client;
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable client : this.clients) {
			client.close();
		}
	}

}
