package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.swfheartbeat.engine.HeartbeatTransport;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.swf.model.OperationNotPermittedException;
import software.amazon.awssdk.services.swf.model.SwfException;

/**
 * A transport that answers at once: with success unless told otherwise. Records the task tokens
 * of the heartbeats it was asked to send.
 */
public final class StubHeartbeatTransport implements HeartbeatTransport {

	private final Queue<CompletableFuture<Boolean>> answers = new ConcurrentLinkedQueue<>();

	private final List<String> taskTokens = new CopyOnWriteArrayList<>();

	@Override
	public CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details, Duration timeout) {
		this.taskTokens.add(taskToken);
		CompletableFuture<Boolean> answer = this.answers.poll();
		return (answer != null) ? answer : CompletableFuture.completedFuture(false);
	}

	@Override
	public CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name, String version) {
		return CompletableFuture.completedFuture(Optional.empty());
	}

	@Override
	public CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details) {
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * Answers the next heartbeat with an error.
	 * @param failure the error
	 * @return this transport
	 */
	public StubHeartbeatTransport thenFail(Throwable failure) {
		this.answers.add(CompletableFuture.failedFuture(failure));
		return this;
	}

	/**
	 * Answers the next heartbeat with cancellation requested.
	 * @return this transport
	 */
	public StubHeartbeatTransport thenCancelRequested() {
		this.answers.add(CompletableFuture.completedFuture(true));
		return this;
	}

	/**
	 * Returns the task tokens of the heartbeats sent so far.
	 * @return the tokens
	 */
	public List<String> taskTokens() {
		return this.taskTokens;
	}

	/**
	 * Returns the error SWF answers for a malformed request, which the engine does not retry.
	 * @return the error
	 */
	public static Throwable rejected() {
		return SwfException.builder()
			.message("bad request")
			.statusCode(400)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build())
			.build();
	}

	/**
	 * Returns the error SWF answers when IAM denies the call.
	 * @return the error
	 */
	public static Throwable notPermitted() {
		return OperationNotPermittedException.builder().message("denied").statusCode(400).build();
	}

}
