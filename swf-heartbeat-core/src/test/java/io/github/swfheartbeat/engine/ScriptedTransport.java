package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.swf.model.OperationNotPermittedException;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

/**
 * A transport whose answers the test decides: by default every heartbeat succeeds at once.
 * Records every call with the time it was made.
 */
final class ScriptedTransport implements HeartbeatTransport {

	final List<Call> calls = new ArrayList<>();

	final List<String> describes = new ArrayList<>();

	private final ManualClock clock;

	private final Deque<Function<Call, CompletableFuture<Boolean>>> script = new ArrayDeque<>();

	private Function<Call, CompletableFuture<Boolean>> fallback = (call) -> CompletableFuture.completedFuture(false);

	private Function<String, CompletableFuture<Optional<Duration>>> describeAnswer = (type) -> CompletableFuture
		.completedFuture(Optional.empty());

	private @Nullable Function<String, CompletableFuture<ActivityTypeTimeouts>> describeTimeoutsAnswer;

	ScriptedTransport(ManualClock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized CompletableFuture<Boolean> recordHeartbeat(String taskToken, @Nullable String details,
			Duration timeout) {
		Call call = new Call(taskToken, details, this.clock.elapsed(), timeout);
		this.calls.add(call);
		Function<Call, CompletableFuture<Boolean>> answer = this.script.poll();
		return ((answer != null) ? answer : this.fallback).apply(call);
	}

	@Override
	public synchronized CompletableFuture<Optional<Duration>> describeHeartbeatTimeout(String domain, String name,
			String version) {
		this.describes.add(domain + "/" + name + ":" + version);
		return this.describeAnswer.apply(name);
	}

	@Override
	public synchronized CompletableFuture<ActivityTypeTimeouts> describeTimeouts(String domain, String name,
			String version, Duration timeout) {
		if (this.describeTimeoutsAnswer == null) {
			return HeartbeatTransport.super.describeTimeouts(domain, name, version, timeout);
		}
		this.describes.add(domain + "/" + name + ":" + version);
		return this.describeTimeoutsAnswer.apply(name);
	}

	@Override
	public CompletableFuture<Void> respondCanceled(String taskToken, @Nullable String details) {
		return CompletableFuture.completedFuture(null);
	}

	synchronized ScriptedTransport thenAnswer(Function<Call, CompletableFuture<Boolean>> answer) {
		this.script.add(answer);
		return this;
	}

	synchronized ScriptedTransport thenFail(Throwable failure) {
		return thenAnswer((call) -> CompletableFuture.failedFuture(failure));
	}

	synchronized ScriptedTransport thenCancelRequested() {
		return thenAnswer((call) -> CompletableFuture.completedFuture(true));
	}

	synchronized void always(Function<Call, CompletableFuture<Boolean>> answer) {
		this.fallback = answer;
	}

	synchronized void describeTimeoutsWith(Function<String, CompletableFuture<ActivityTypeTimeouts>> answer) {
		this.describeTimeoutsAnswer = answer;
	}

	synchronized void describeWith(Function<String, CompletableFuture<Optional<Duration>>> answer) {
		this.describeAnswer = answer;
	}

	synchronized List<Call> callsFor(String token) {
		return this.calls.stream().filter((call) -> call.token.equals(token)).toList();
	}

	static Throwable unknownResource() {
		return UnknownResourceException.builder().message("Unknown activity").statusCode(400).build();
	}

	static Throwable notPermitted() {
		return OperationNotPermittedException.builder().message("Denied").statusCode(400).build();
	}

	static Throwable serverError() {
		return SwfException.builder().message("Service unavailable").statusCode(503)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").build()).build();
	}

	static Throwable throttled() {
		return SwfException.builder().message("Rate exceeded").statusCode(400)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
	}

	static Throwable clientError(int status, String code) {
		return SwfException.builder().message(code).statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
	}

	static Throwable validation() {
		return SwfException.builder().message("bad").statusCode(400)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build();
	}

	/**
	 * One heartbeat call.
	 *
	 * @param token the token
	 * @param details the details sent
	 * @param at when, relative to the clock's start
	 * @param timeout the call timeout the engine set
	 */
	record Call(String token, @Nullable String details, Duration at, Duration timeout) {
	}

}
