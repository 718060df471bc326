package io.github.swfheartbeat.aspect;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HeartbeatingActivityAspect} with methods that return a
 * {@code CompletionStage}, a {@code Mono} or a {@code Flux}.
 */
class HeartbeatingActivityAsyncTests {

	private final InMemoryHeartbeatTransport swf = new InMemoryHeartbeatTransport();

	private HeartbeatEngine engine;

	private AsyncActivities activities;

	@BeforeEach
	void startEngine() {
		this.engine = this.swf.startEngine();
		this.activities = HeartbeatingActivityAspectTests.proxy(new AsyncActivities(),
				new HeartbeatingActivityAspect(new HeartbeatTemplate(this.engine), this.engine.transport()));
	}

	@AfterEach
	void stopEngine() {
		this.engine.close();
	}

	@Test
	void futureIsHeartbeatedUntilItCompletes() throws Exception {
		CompletableFuture<String> work = new CompletableFuture<>();
		CompletableFuture<String> result = this.activities.future("token-1", work);
		await().until(() -> this.swf.heartbeats("token-1") >= 2);
		assertThat(result).isNotDone();
		work.complete("done");
		assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done");
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void failedFutureReportsTheRealError() {
		CompletableFuture<String> work = new CompletableFuture<>();
		CompletableFuture<String> result = this.activities.future("token-1", work);
		work.completeExceptionally(new IllegalStateException("broken"));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(IllegalStateException.class);
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void nullFutureStopsTheHeartbeats() {
		assertThat(this.activities.future("token-1", null)).isNull();
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void completionStageIsFollowedToo() throws Exception {
		CompletableFuture<String> work = new CompletableFuture<>();
		CompletionStage<String> result = this.activities.stage("token-1", work);
		work.complete("done");
		assertThat(result.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("done");
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void futureEndingWithTheCancellationExceptionRespondsCanceled() {
		this.swf.requestCancel("token-1");
		CompletableFuture<String> result = this.activities.cooperative("token-1");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(ActivityCancellationRequestedException.class);
		assertThat(this.swf.canceledResponses()).containsExactly("token-1");
	}

	@Test
	void interruptOnCancelCancelsTheReturnedFuture() {
		CompletableFuture<String> work = new CompletableFuture<>();
		CompletableFuture<String> result = this.activities.interruptible("token-1", work);
		this.swf.requestCancel("token-1");
		await().until(work::isCancelled);
		assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> result.get(5, TimeUnit.SECONDS));
		assertThat(this.swf.canceledResponses()).containsExactly("token-1");
	}

	@Test
	void cancellingTheReturnedFutureCancelsTheMethodsFuture() {
		CompletableFuture<String> work = new CompletableFuture<>();
		this.activities.future("token-1", work).cancel(true);
		assertThat(work).isCancelled();
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void monoIsHeartbeatedWhileSubscribedAndCarriesTheContext() {
		Sinks.One<String> sink = Sinks.one();
		Mono<String> result = this.activities.mono("token-1", sink.asMono());
		CompletableFuture<String> subscribed = result.toFuture();
		await().until(() -> this.swf.heartbeats("token-1") >= 2);
		sink.tryEmitValue("value");
		assertThat(subscribed.join()).isEqualTo("value " + TaskTokenFingerprint.of("token-1"));
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void unsubscribedMonoKeepsNothingAlive() {
		this.activities.mono("token-1", Mono.just("value"));
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void interruptOnCancelDisposesTheMonoAndSignalsTheCancellation() {
		Mono<String> result = this.activities.interruptibleMono("token-1", Mono.never());
		CompletableFuture<String> subscribed = result.toFuture();
		await().until(() -> this.swf.heartbeats("token-1") >= 1);
		this.swf.requestCancel("token-1");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> subscribed.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(ActivityCancellationRequestedException.class);
		assertThat(this.swf.canceledResponses()).containsExactly("token-1");
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void fluxIsHeartbeatedUntilItCompletes() {
		Sinks.Many<Integer> sink = Sinks.many().unicast().onBackpressureBuffer();
		CompletableFuture<List<Integer>> items = this.activities.flux("token-1", sink.asFlux()).collectList().toFuture();
		sink.tryEmitNext(1);
		await().until(() -> this.swf.heartbeats("token-1") >= 2);
		sink.tryEmitNext(2);
		sink.tryEmitComplete();
		assertThat(items.join()).containsExactly(1, 2);
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	@Test
	void interruptOnCancelDisposesTheFlux() {
		CompletableFuture<List<Long>> items = this.activities
			.interruptibleFlux("token-1", Flux.interval(Duration.ofMillis(10)))
			.collectList()
			.toFuture();
		await().until(() -> this.swf.heartbeats("token-1") >= 1);
		this.swf.requestCancel("token-1");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> items.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(ActivityCancellationRequestedException.class);
		await().until(() -> this.engine.stats().activeTasks() == 0);
	}

	static class AsyncActivities {

		@HeartbeatingActivity
		public CompletableFuture<String> future(@TaskToken String token, CompletableFuture<String> work) {
			return work;
		}

		@HeartbeatingActivity
		public CompletionStage<String> stage(@TaskToken String token, CompletableFuture<String> work) {
			return work.minimalCompletionStage();
		}

		@HeartbeatingActivity(respondCanceled = true)
		public CompletableFuture<String> cooperative(@TaskToken String token) {
			HeartbeatContext context = HeartbeatContext.current();
			return CompletableFuture.supplyAsync(() -> {
				while (true) {
					context.throwIfCancellationRequested();
					Thread.onSpinWait();
				}
			});
		}

		@HeartbeatingActivity(interruptOnCancel = true, respondCanceled = true)
		public CompletableFuture<String> interruptible(@TaskToken String token, CompletableFuture<String> work) {
			return work;
		}

		@HeartbeatingActivity
		public Mono<String> mono(@TaskToken String token, Mono<String> value) {
			return value.flatMap((item) -> Mono.deferContextual(
					(context) -> Mono.just(item + " " + context.get(HeartbeatContext.class).taskTokenFingerprint())));
		}

		@HeartbeatingActivity(interruptOnCancel = true, respondCanceled = true)
		public Mono<String> interruptibleMono(@TaskToken String token, Mono<String> value) {
			return value;
		}

		@HeartbeatingActivity
		public Flux<Integer> flux(@TaskToken String token, Flux<Integer> items) {
			return items;
		}

		@HeartbeatingActivity(interruptOnCancel = true)
		public Flux<Long> interruptibleFlux(@TaskToken String token, Flux<Long> items) {
			return items;
		}

	}

}
