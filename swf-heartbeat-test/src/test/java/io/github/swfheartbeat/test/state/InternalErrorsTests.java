package io.github.swfheartbeat.test.state;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.SwfException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A fault of the endpoint's own code is a 500 that names it, and it is recorded, so that a test the
 * SDK's retries would have let pass can still fail on it.
 */
class InternalErrorsTests {

	@Test
	void aFaultOfTheModelIsA500NamingItAndIsRecorded() {
		try (ModelOverHttp swf = new ModelOverHttp(Duration.ofSeconds(1))) {
			// A broken model: an open task that belongs to no execution.
			ActivityTask broken = new ActivityTask(null, "a1", null, "list", null, 1, DurationText.NONE,
					DurationText.NONE, DurationText.NONE, DurationText.NONE, 0);
			broken.taskToken = "broken";
			swf.model.context.locked(() -> {
				swf.model.context.activityTasksByToken.put("broken", broken);
			});
			assertThatExceptionOfType(SwfException.class)
				.isThrownBy(() -> swf.client.respondActivityTaskCompleted((request) -> request.taskToken("broken")))
				.satisfies((ex) -> {
					assertThat(ex.statusCode()).isEqualTo(500);
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
					assertThat(ex.awsErrorDetails().errorMessage())
						.contains("Embedded SWF internal error in RespondActivityTaskCompleted")
						.contains("NullPointerException");
				});
			assertThat(swf.model.internalErrors().list()).singleElement()
				.satisfies((error) -> assertThat(error).hasMessageContaining("RespondActivityTaskCompleted")
					.hasRootCauseInstanceOf(NullPointerException.class));
			assertThat(swf.model.internalErrors().drain()).hasSize(1);
			assertThat(swf.model.internalErrors().list()).isEmpty();
		}
	}

	@Test
	void aFaultOnTheTimerThreadIsRecorded() {
		try (ModelOverHttp swf = new ModelOverHttp(Duration.ofSeconds(1))) {
			swf.model.context.schedule(() -> {
				throw new IllegalStateException("broken timer");
			}, 0);
			await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> !swf.model.internalErrors().list().isEmpty());
			assertThat(swf.model.internalErrors().list().get(0)).hasRootCauseMessage("broken timer");
		}
	}

}
