package io.github.swfheartbeat.sample.workflow;

import java.time.Duration;

import io.github.swfheartbeat.sample.embedded.TaskTimeOuts;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.sample.transcode.TranscodeState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.spring.AutoConfigureEmbeddedSwf;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code aws} profile runs the application unchanged against whatever SWF {@code swf.client.*}
 * names, here an endpoint outside the application (as Amazon SWF would be), which
 * {@code @AutoConfigureEmbeddedSwf} starts and configures like any SWF endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("aws")
@AutoConfigureEmbeddedSwf
class AwsProfileTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private EmbeddedSwf externalSwf;

	@Autowired
	private TranscodeWorkflows workflows;

	@Autowired
	private TranscodeRegistry registry;

	@Test
	void transcodeCompletesOnTheConfiguredEndpointWithoutAnEmbeddedOne() {
		assertThat(this.context.getBeansOfType(EmbeddedSwf.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(TaskTimeOuts.class)).isEmpty();
		assertThat(this.externalSwf.callCount("RegisterActivityType")).isOne();
		String id = this.workflows.start(TranscodeJob.of("aws.mp4", 3, Duration.ofMillis(100)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.registry.view(id).orElseThrow().state() == TranscodeState.COMPLETED);
		assertThat(this.externalSwf.callCount("RespondActivityTaskCompleted")).isPositive();
	}

}
