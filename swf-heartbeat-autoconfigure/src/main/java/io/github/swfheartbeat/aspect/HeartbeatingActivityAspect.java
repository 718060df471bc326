package io.github.swfheartbeat.aspect;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatContextHolder;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Heartbeats the activity task of every {@link HeartbeatingActivity @HeartbeatingActivity}
 * method while it runs, and binds the task's {@code HeartbeatContext} to the invocation.
 * <p>
 * A failure of the aspect's own work (finding the token, starting or stopping heartbeats,
 * responding canceled) is logged and never fails the method: the method then runs without
 * heartbeats, and when its task is known, with a {@code HeartbeatContext} whose
 * {@code isHeartbeated()} is {@code false}.
 * <p>
 * Its order is {@link #ORDER}: it runs outside advice of lower precedence, such as
 * {@code @Transactional} (by default the lowest), so that heartbeats cover the commit and
 * canceled is responded after a rollback.
 *
 * @see HeartbeatingActivity
 */
@Aspect
@Order(HeartbeatingActivityAspect.ORDER)
public class HeartbeatingActivityAspect {

	/**
	 * Order of the aspect: high, leaving room before it for advice that must run outside it.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatingActivityAspect.class);

	/** Longest time a blocking call waits for {@code RespondActivityTaskCanceled}. */
	private static final Duration RESPOND_CANCELED_TIMEOUT = Duration.ofSeconds(10);

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Flux", HeartbeatingActivityAspect.class.getClassLoader());

	private final Supplier<HeartbeatTemplate> template;

	private final Supplier<HeartbeatTransport> transport;

	private final ActivityMethodInspector inspector;

	private final Set<String> reportedInvalidMethods = ConcurrentHashMap.newKeySet();

	/**
	 * Creates an aspect whose annotations name no placeholders, bean references or
	 * {@link ActivityTaskLocator}s.
	 * @param template starts the heartbeats
	 * @param transport responds canceled
	 */
	public HeartbeatingActivityAspect(HeartbeatTemplate template, HeartbeatTransport transport) {
		this(template, transport, new ActivityMethodInspector());
	}

	/**
	 * Creates an aspect.
	 * @param template starts the heartbeats
	 * @param transport responds canceled
	 * @param inspector works out how each annotated method finds its task
	 */
	public HeartbeatingActivityAspect(HeartbeatTemplate template, HeartbeatTransport transport,
			ActivityMethodInspector inspector) {
		this(supplierOf(template, "template"), supplierOf(transport, "transport"), inspector);
	}

	/**
	 * Creates an aspect that looks its collaborators up on first use, so that creating the
	 * aspect (which happens while bean post-processors are set up) does not create the engine.
	 * @param template supplies the template that starts the heartbeats
	 * @param transport supplies the transport that responds canceled
	 * @param inspector works out how each annotated method finds its task
	 */
	public HeartbeatingActivityAspect(Supplier<HeartbeatTemplate> template, Supplier<HeartbeatTransport> transport,
			ActivityMethodInspector inspector) {
		this.template = SingletonSupplier.of(Objects.requireNonNull(template, "template must not be null"));
		this.transport = SingletonSupplier.of(Objects.requireNonNull(transport, "transport must not be null"));
		this.inspector = Objects.requireNonNull(inspector, "inspector must not be null");
	}

	private static <T> Supplier<T> supplierOf(T instance, String name) {
		Objects.requireNonNull(instance, name + " must not be null");
		return () -> instance;
	}

	/**
	 * Heartbeats the task of an annotated method's invocation.
	 * @param joinPoint the invocation
	 * @return the method's result
	 * @throws Throwable whatever the method throws
	 */
	@Around("execution(@io.github.swfheartbeat.aspect.HeartbeatingActivity * *(..))")
	public @Nullable Object heartbeat(ProceedingJoinPoint joinPoint) throws Throwable {
		ActivityInvocation invocation = prepare(joinPoint);
		if (invocation == null) {
			return joinPoint.proceed();
		}
		return switch (invocation.method().resultKind()) {
			case BLOCKING -> proceedBlocking(joinPoint, invocation);
			case COMPLETION_STAGE -> proceedWithCompletionStage(joinPoint, invocation);
			case MONO, FLUX -> proceedReactive(joinPoint, invocation);
		};
	}

	/**
	 * Returns the inspector that works out how annotated methods find their task.
	 * @return the inspector
	 */
	ActivityMethodInspector inspector() {
		return this.inspector;
	}

	private @Nullable ActivityInvocation prepare(ProceedingJoinPoint joinPoint) {
		Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
		Object target = joinPoint.getTarget();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass();
		ActivityMethod activity;
		try {
			activity = this.inspector.inspect(method, targetClass);
		}
		catch (InvalidHeartbeatingActivityException ex) {
			// Normally caught at start-up; a bean created later runs without heartbeats rather than failing.
			if (this.reportedInvalidMethods.add(ex.getMethodDescription())) {
				logger.error("{}; it runs without heartbeats", ex.getMessage());
			}
			return null;
		}
		if (activity == null) {
			return null;
		}
		ActivityTaskReference task;
		try {
			task = activity.taskFinder().find(target, joinPoint.getArgs());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not find the activity task of {}; it runs without heartbeats: {}",
					activity.description(), ex.toString());
			return null;
		}
		if (task == null) {
			logger.warn("Found no activity task token for a call of {}; it runs without heartbeats",
					activity.description());
			return null;
		}
		// Looked up when heartbeats start: an engine that is not available leaves the method
		// running, with a context that says it is not heartbeated.
		return new ActivityInvocation(this.template, this.transport, activity, task);
	}

	private @Nullable Object proceedBlocking(ProceedingJoinPoint joinPoint, ActivityInvocation invocation)
			throws Throwable {
		HeartbeatHandle handle = invocation.startHeartbeats();
		HeartbeatContext context = invocation.context(handle);
		InvocationInterrupter interrupter = (handle != null)
				? InvocationInterrupter.enter(handle, invocation.method().interruptOnCancel()) : null;
		Object result;
		try (HeartbeatContextHolder.Scope scope = HeartbeatContextHolder.bind(context)) {
			result = joinPoint.proceed();
		}
		catch (Throwable ex) {
			boolean interrupted = interrupter != null && interrupter.finish();
			invocation.stopHeartbeats(handle);
			if (!invocation.endedByCancellation(ex, interrupted, handle)) {
				throw ex;
			}
			awaitResponse(invocation, invocation.respondCanceled(ex, handle));
			throw invocation.cancellationFailure(ex);
		}
		if (interrupter != null) {
			interrupter.finish();
		}
		invocation.stopHeartbeats(handle);
		return result;
	}

	private @Nullable Object proceedWithCompletionStage(ProceedingJoinPoint joinPoint, ActivityInvocation invocation)
			throws Throwable {
		HeartbeatHandle handle = invocation.startHeartbeats();
		Object result;
		try (HeartbeatContextHolder.Scope scope = HeartbeatContextHolder.bind(invocation.context(handle))) {
			result = joinPoint.proceed();
		}
		catch (Throwable ex) {
			invocation.stopHeartbeats(handle);
			if (!invocation.endedByCancellation(ex, false, handle)) {
				throw ex;
			}
			awaitResponse(invocation, invocation.respondCanceled(ex, handle));
			throw invocation.cancellationFailure(ex);
		}
		Class<?> declaredType = ((MethodSignature) joinPoint.getSignature()).getReturnType();
		return CompletionStageResults.follow(invocation, handle, result, declaredType);
	}

	private @Nullable Object proceedReactive(ProceedingJoinPoint joinPoint, ActivityInvocation invocation)
			throws Throwable {
		if (!REACTOR_PRESENT) {
			return proceedBlocking(joinPoint, invocation);
		}
		// The method only assembles the publisher; heartbeat that too, with the context bound.
		HeartbeatHandle handle = invocation.startHeartbeats();
		Object result;
		try (HeartbeatContextHolder.Scope scope = HeartbeatContextHolder.bind(invocation.context(handle))) {
			result = joinPoint.proceed();
		}
		finally {
			invocation.stopHeartbeats(handle);
		}
		return ReactiveResults.follow(invocation, result);
	}

	private static void awaitResponse(ActivityInvocation invocation, CompletableFuture<Void> response) {
		try {
			response.get(RESPOND_CANCELED_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("No answer to RespondActivityTaskCanceled for activity task {} within {}", invocation.fingerprint(),
					RESPOND_CANCELED_TIMEOUT);
		}
	}

}
