package io.github.swfheartbeat.aspect;

import io.github.swfheartbeat.aspect.ActivityMethod.ResultKind;
import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatHandle;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Heartbeats the task of a method that returns a Reactor {@link Mono} or {@link Flux} for each
 * subscription, from subscribe until the subscription completes, fails or is cancelled; a
 * publisher that nobody subscribes to keeps nothing alive. The subscriber's Reactor context holds
 * the task's {@link HeartbeatContext} under the key {@code HeartbeatContext.class}. Loaded only
 * when Reactor is on the classpath.
 */
final class ReactiveResults {

	private ReactiveResults() {
	}

	static ResultKind resultKind(Class<?> returnType) {
		if (Mono.class.isAssignableFrom(returnType)) {
			return ResultKind.MONO;
		}
		if (Flux.class.isAssignableFrom(returnType)) {
			return ResultKind.FLUX;
		}
		return ResultKind.BLOCKING;
	}

	/**
	 * Wraps a returned publisher so that each subscription heartbeats the task.
	 * @param invocation the call
	 * @param result what the method returned, may be {@code null}
	 * @return what the caller gets
	 */
	static @Nullable Object follow(ActivityInvocation invocation, @Nullable Object result) {
		if (result instanceof Mono<?> mono) {
			return followMono(invocation, mono);
		}
		if (result instanceof Flux<?> flux) {
			return followFlux(invocation, flux);
		}
		return result;
	}

	private static <T> Mono<T> followMono(ActivityInvocation invocation, Mono<T> mono) {
		return Mono.usingWhen(Mono.fromSupplier(() -> new SubscriptionHeartbeats(invocation)),
				(heartbeats) -> heartbeats.watch(mono), SubscriptionHeartbeats::stop,
				SubscriptionHeartbeats::stopAfterFailure, SubscriptionHeartbeats::stop);
	}

	private static <T> Flux<T> followFlux(ActivityInvocation invocation, Flux<T> flux) {
		return Flux.usingWhen(Mono.fromSupplier(() -> new SubscriptionHeartbeats(invocation)),
				(heartbeats) -> heartbeats.watch(flux), SubscriptionHeartbeats::stop,
				SubscriptionHeartbeats::stopAfterFailure, SubscriptionHeartbeats::stop);
	}

	/**
	 * The heartbeats of one subscription.
	 */
	private static final class SubscriptionHeartbeats {

		private final ActivityInvocation invocation;

		private final @Nullable HeartbeatHandle handle;

		private volatile boolean cancelledByAspect;

		SubscriptionHeartbeats(ActivityInvocation invocation) {
			this.invocation = invocation;
			this.handle = invocation.startHeartbeats();
		}

		<T> Mono<T> watch(Mono<T> mono) {
			HeartbeatHandle heartbeats = this.handle;
			if (heartbeats == null) {
				HeartbeatContext context = this.invocation.context(null);
				return mono.contextWrite((reactorContext) -> reactorContext.put(HeartbeatContext.class, context));
			}
			Mono<T> watched = mono.contextWrite((context) -> context.put(HeartbeatContext.class, heartbeats));
			if (!this.invocation.method().interruptOnCancel()) {
				return watched;
			}
			return watched.takeUntilOther(cancellationRequested(heartbeats))
				.switchIfEmpty(Mono.defer(() -> errorIfCancelled(heartbeats)));
		}

		<T> Flux<T> watch(Flux<T> flux) {
			HeartbeatHandle heartbeats = this.handle;
			if (heartbeats == null) {
				HeartbeatContext context = this.invocation.context(null);
				return flux.contextWrite((reactorContext) -> reactorContext.put(HeartbeatContext.class, context));
			}
			Flux<T> watched = flux.contextWrite((context) -> context.put(HeartbeatContext.class, heartbeats));
			if (!this.invocation.method().interruptOnCancel()) {
				return watched;
			}
			return watched.takeUntilOther(cancellationRequested(heartbeats))
				.concatWith(Mono.defer(() -> errorIfCancelled(heartbeats)));
		}

		private Mono<Boolean> cancellationRequested(HeartbeatHandle heartbeats) {
			// Signalled off the engine's thread: what follows is the subscriber's code.
			return Mono
				.fromFuture(heartbeats.whenCancellationRequested().toCompletableFuture().thenApplyAsync((ignored) -> true),
						true)
				.doOnNext((ignored) -> this.cancelledByAspect = true);
		}

		private <T> Mono<T> errorIfCancelled(HeartbeatHandle heartbeats) {
			if (!this.cancelledByAspect) {
				return Mono.empty();
			}
			return Mono.error(new ActivityCancellationRequestedException(heartbeats.taskTokenFingerprint(),
					heartbeats.details()));
		}

		Mono<Void> stop() {
			return Mono.fromRunnable(() -> this.invocation.stopHeartbeats(this.handle));
		}

		Mono<Void> stopAfterFailure(Throwable failure) {
			return Mono.defer(() -> {
				this.invocation.stopHeartbeats(this.handle);
				if (!this.invocation.endedByCancellation(failure, this.cancelledByAspect, this.handle)) {
					return Mono.empty();
				}
				return Mono.fromFuture(this.invocation.respondCanceled(failure, this.handle));
			});
		}

	}

}
