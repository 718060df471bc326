package io.github.swfheartbeat.autoconfigure;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The starter's clients suit SWF's two kinds of calls, on the real SDK over HTTP: idle long polls
 * on the {@link SwfClient} outlast a generic 30-second read timeout (the SDK's default for SWF,
 * 90 seconds, is kept unless {@code swf.client.read-timeout} sets another), and polls holding
 * every connection of the {@link SwfClient} do not delay heartbeats.
 */
class SwfClientLongPollTests {

	private static final String DOMAIN = "media";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SwfClientAutoConfiguration.class, HeartbeatAutoConfiguration.class));

	@Test
	void defaultReadTimeoutOutlastsAnIdleLongPoll() {
		// SWF holds an idle poll for 60 s; 35 s is enough to pass the generic read timeout of 30 s
		// that an HTTP client built without the SDK's SWF defaults has, at half the wait.
		try (EmbeddedSwf swf = EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(35)).start()) {
			swf.registerDomain(DOMAIN);
			this.contextRunner.withPropertyValues(clientProperties(swf)).run((context) -> {
				long start = System.nanoTime();
				PollForActivityTaskResponse poll = poll(context.getBean(SwfClient.class));
				assertThat(poll.taskToken()).isNullOrEmpty();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(34));
			});
		}
	}

	@Test
	void configuredReadTimeoutIsTheBlockingClientsOwn() {
		try (EmbeddedSwf swf = EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(3)).start()) {
			swf.registerDomain(DOMAIN);
			this.contextRunner.withPropertyValues(clientProperties(swf))
				.withPropertyValues("swf.client.read-timeout=500ms")
				.run((context) -> assertThatExceptionOfType(SdkClientException.class)
					.isThrownBy(() -> poll(context.getBean(SwfClient.class)))
					.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(SocketTimeoutException.class)
						.as("root cause of %s", ex)));
		}
	}

	@Test
	void longPollsHoldingEveryConnectionOfTheBlockingClientDoNotDelayHeartbeats() {
		try (EmbeddedSwf swf = EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(6)).start()) {
			swf.registerDomain(DOMAIN);
			swf.registerActivityType(DOMAIN, "resize", "1.0", Duration.ofSeconds(30));
			this.contextRunner.withPropertyValues(clientProperties(swf))
				.withPropertyValues("swf.client.max-connections=2")
				.run((context) -> {
					SwfClient client = context.getBean(SwfClient.class);
					HeartbeatTemplate heartbeats = context.getBean(HeartbeatTemplate.class);
					StartedActivity activity = swf.startActivity(ActivitySpec.of(DOMAIN, "resize", "1.0"));
					// The heartbeat client's first call, outside the measurement: this test is about
					// connections, not about a cold client.
					heartbeats.heartbeat(activity.taskToken(), "warm");
					List<CompletableFuture<PollForActivityTaskResponse>> polls = new ArrayList<>();
					for (int i = 0; i < 2; i++) {
						polls.add(CompletableFuture.supplyAsync(() -> poll(client)));
					}
					// Both connections of the blocking client are held by the long polls now.
					await().until(() -> swf.callCount("PollForActivityTask") == 2);

					long start = System.nanoTime();
					heartbeats.heartbeat(activity.taskToken(), "50%");
					Duration took = Duration.ofNanos(System.nanoTime() - start);

					assertThat(swf.activityTask(activity.taskToken()).lastDetails()).isEqualTo("50%");
					// A heartbeat waiting for a connection of the blocking client would take the
					// polls' 6 s; over its own pool it takes one round trip.
					assertThat(took).isLessThan(Duration.ofSeconds(3));
					assertThat(polls).noneMatch(CompletableFuture::isDone);
					polls.forEach(CompletableFuture::join);
				});
		}
	}

	private static PollForActivityTaskResponse poll(SwfClient client) {
		return client.pollForActivityTask((request) -> request.domain(DOMAIN).taskList((list) -> list.name("idle")));
	}

	private static String[] clientProperties(EmbeddedSwf swf) {
		return new String[] { "swf.client.endpoint=" + swf.endpoint(), "swf.client.region=" + swf.region(),
				"swf.client.credentials.access-key-id=" + EmbeddedSwf.ACCESS_KEY_ID,
				"swf.client.credentials.secret-access-key=" + EmbeddedSwf.SECRET_ACCESS_KEY };
	}

}
