package io.github.swfheartbeat.test.standalone;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link EmbeddedSwfMain} serves in a JVM of its own until it is told to stop.
 */
class EmbeddedSwfMainTests {

	@Test
	void servesUntilTerminated() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedSwfMain.class.getName(), "--port", Integer.toString(port), "--long-poll-timeout", "1")
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			assertThat(output.readLine()).contains("listening on http://127.0.0.1:" + port);
			try (SwfClient client = SwfClient.builder()
				.endpointOverride(URI.create("http://127.0.0.1:" + port))
				.region(Region.US_EAST_1)
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
				.build()) {
				client.registerDomain((request) -> request.name("standalone").workflowExecutionRetentionPeriodInDays("1"));
				assertThat(client.describeDomain((request) -> request.name("standalone")).domainInfo().name())
					.isEqualTo("standalone");
			}
		}
		finally {
			// SIGTERM, as a user's Ctrl-C or a process manager would send.
			process.destroy();
		}
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
	}

}
