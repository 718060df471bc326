package io.github.swfheartbeat.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.swfheartbeat.test.state.SwfModel;

/**
 * The virtual time of an {@link EmbeddedSwf}, shared with the heartbeat engines that run on it.
 * {@link #advance(Duration)} moves it from one due moment to the next — a heartbeat an engine
 * planned, a timeout of the endpoint — and at each waits until the work that moment caused is
 * done: time moves only while no exchange is being handled by the endpoint, no engine call is in
 * flight and every engine's scheduler waits. Two hours of heartbeats take a few seconds.
 *
 * <p>An engine speaks to it through {@link #asEngineClock(Class)}; the other public methods are
 * the protocol that clock uses ({@code swf-heartbeat-core}'s {@code EngineClock}). Time moves only
 * inside {@code advance}: threads of a test's own that call the endpoint meanwhile are not
 * counted, so let the test thread make such calls between advances.
 */
public final class SharedVirtualTime {

	private final SwfModel model;

	SharedVirtualTime(SwfModel model) {
		this.model = model;
	}

	/**
	 * Moves time forward as {@link EmbeddedSwf#advance(Duration)} does.
	 * @param duration how far, not negative
	 */
	public void advance(Duration duration) {
		this.model.advance(duration);
	}

	/**
	 * Returns virtual time as monotonic nanoseconds since the endpoint started.
	 * @return the time
	 */
	public long nanoTime() {
		return this.model.nanoTime();
	}

	/**
	 * Returns virtual time as a wall-clock instant, to the millisecond, as history events carry it.
	 * @return the time
	 */
	public Instant now() {
		return Instant.ofEpochMilli(this.model.epochMillisAt(this.model.nanoTime()));
	}

	/**
	 * Blocks an engine's scheduler thread until virtual time reaches a deadline or
	 * {@link #wakeUp(Thread)} wakes it; a wake-up that came first makes it return at once.
	 * @param deadlineNanos the deadline on the {@link #nanoTime()} scale, {@link Long#MAX_VALUE} for none
	 */
	public void awaitUntil(long deadlineNanos) {
		this.model.awaitUntil(deadlineNanos);
	}

	/**
	 * Wakes an engine's scheduler thread: it has work, and time waits for it.
	 * @param scheduler the scheduler's thread
	 */
	public void wakeUp(Thread scheduler) {
		this.model.wakeUp(scheduler);
	}

	/**
	 * Counts an engine's call as in flight: time stands still until {@link #callFinished()}.
	 */
	public void callStarted() {
		this.model.workStarted();
	}

	/**
	 * Ends what {@link #callStarted()} counted.
	 */
	public void callFinished() {
		this.model.workFinished();
	}

	/**
	 * Returns this time as an implementation of an engine's clock interface, without this module
	 * depending on the engine: each method of the interface calls the method of this class with
	 * the same name and parameters.
	 * <pre class="code">
	 * EngineClock clock = swf.sharedTime().asEngineClock(EngineClock.class);
	 * HeartbeatEngine engine = new HeartbeatEngine(new SwfAsyncClientTransport(swf.asyncClient()), settings, clock);
	 * </pre>
	 * @param <C> the clock type
	 * @param clockType the interface, {@code io.github.swfheartbeat.engine.EngineClock}
	 * @return the clock
	 * @throws IllegalArgumentException if the type is no interface or has a method this class lacks
	 */
	public <C> C asEngineClock(Class<C> clockType) {
		if (!clockType.isInterface()) {
			throw new IllegalArgumentException(clockType.getName() + " is not an interface");
		}
		Map<Method, Method> targets = new HashMap<>();
		for (Method method : clockType.getMethods()) {
			if (Modifier.isStatic(method.getModifiers())) {
				continue;
			}
			Method target;
			try {
				target = SharedVirtualTime.class.getMethod(method.getName(), method.getParameterTypes());
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalArgumentException(clockType.getName() + "." + method.getName()
						+ " has no counterpart in SharedVirtualTime; use versions of swf-heartbeat-core and "
						+ "swf-heartbeat-test that belong together", ex);
			}
			if (!method.getReturnType().isAssignableFrom(target.getReturnType())) {
				throw new IllegalArgumentException(clockType.getName() + "." + method.getName() + " returns "
						+ method.getReturnType().getName() + ", SharedVirtualTime's returns " + target.getReturnType().getName());
			}
			targets.put(method, target);
		}
		InvocationHandler handler = (proxy, method, arguments) -> {
			Method target = targets.get(method);
			if (target != null) {
				try {
					return target.invoke(this, arguments);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			}
			return switch (method.getName()) {
				case "equals" -> proxy == arguments[0];
				case "hashCode" -> System.identityHashCode(proxy);
				case "toString" -> "EngineClock[virtual time of an embedded SWF endpoint]";
				default -> throw new UnsupportedOperationException(method.toString());
			};
		};
		return clockType.cast(Proxy.newProxyInstance(clockType.getClassLoader(), new Class<?>[] { clockType }, handler));
	}

}
