package io.github.swfheartbeat.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.swf.model.SwfException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FailureKind}: which SWF errors are retried, and what each is reported as.
 */
class FailureKindTests {

	@Test
	void swfFaultsMapToTheirKinds() {
		assertThat(FailureKind.of(ScriptedTransport.unknownResource())).isEqualTo(FailureKind.TASK_LOST);
		assertThat(FailureKind.of(ScriptedTransport.notPermitted())).isEqualTo(FailureKind.NOT_PERMITTED);
		assertThat(FailureKind.of(ScriptedTransport.throttled())).isEqualTo(FailureKind.THROTTLED);
		assertThat(FailureKind.of(ScriptedTransport.serverError())).isEqualTo(FailureKind.RETRYABLE);
		assertThat(FailureKind.of(ScriptedTransport.validation())).isEqualTo(FailureKind.REJECTED);
	}

	@Test
	void everyErrorButTheThreeThatEndATaskIsRetried() {
		assertThat(FailureKind.of(withStatus(500))).isEqualTo(FailureKind.RETRYABLE);
		// Expired credentials, signature and clock-skew errors, unknown codes: a blip, not the task.
		assertThat(FailureKind.of(withStatus(499))).isEqualTo(FailureKind.RETRYABLE);
		assertThat(FailureKind.of(withStatus(403))).isEqualTo(FailureKind.RETRYABLE);
		// No status: the service answered nothing the SDK could read.
		assertThat(FailureKind.of(withStatus(0))).isEqualTo(FailureKind.RETRYABLE);
	}

	@Test
	void errorsOnTheWayToSwfAreRetried() {
		assertThat(FailureKind.of(SdkClientException.create("Unable to execute HTTP request")))
			.isEqualTo(FailureKind.RETRYABLE);
		assertThat(FailureKind.of(new ConnectException("refused"))).isEqualTo(FailureKind.RETRYABLE);
		assertThat(FailureKind.of(new RejectedExecutionException("pool full"))).isEqualTo(FailureKind.RETRYABLE);
		assertThat(FailureKind.of(new IllegalStateException("unexpected"))).isEqualTo(FailureKind.RETRYABLE);
	}

	@Test
	void wrappedErrorsAreClassifiedByWhatTheyWrap() {
		Throwable wrapped = new CompletionException(new ExecutionException(ScriptedTransport.unknownResource()));
		assertThat(FailureKind.of(wrapped)).isEqualTo(FailureKind.TASK_LOST);
		assertThat(FailureKind.unwrap(wrapped)).isInstanceOf(software.amazon.awssdk.services.swf.model.UnknownResourceException.class);
		assertThat(FailureKind.of(new ExecutionException(ScriptedTransport.throttled()))).isEqualTo(FailureKind.THROTTLED);
	}

	@Test
	void aWrapperWithoutCauseIsItsOwnError() {
		CompletionException empty = new CompletionException("no cause", null);
		assertThat(FailureKind.unwrap(empty)).isSameAs(empty);
		IOException plain = new IOException("reset");
		assertThat(FailureKind.unwrap(plain)).isSameAs(plain);
	}

	@Test
	void eachKindReportsItsOutcome() {
		assertThat(FailureKind.TASK_LOST.outcome()).isEqualTo(HeartbeatOutcome.TASK_LOST);
		assertThat(FailureKind.NOT_PERMITTED.outcome()).isEqualTo(HeartbeatOutcome.NOT_PERMITTED);
		assertThat(FailureKind.THROTTLED.outcome()).isEqualTo(HeartbeatOutcome.THROTTLED);
		assertThat(FailureKind.RETRYABLE.outcome()).isEqualTo(HeartbeatOutcome.ERROR);
		assertThat(FailureKind.REJECTED.outcome()).isEqualTo(HeartbeatOutcome.ERROR);
	}

	private static Throwable withStatus(int status) {
		return SwfException.builder().message("status " + status).statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalFailure").build()).build();
	}

}
