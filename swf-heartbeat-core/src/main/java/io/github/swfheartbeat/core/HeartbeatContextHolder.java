package io.github.swfheartbeat.core;

import org.jspecify.annotations.Nullable;

/**
 * Binds a {@link HeartbeatContext} to the current thread for the duration of a scope. Used by
 * {@link HeartbeatTemplate}, the {@code @HeartbeatingActivity} aspect and
 * {@link HeartbeatContext#wrap(Runnable)}; application code calls {@link HeartbeatContext#current()}.
 */
public final class HeartbeatContextHolder {

	private static final ThreadLocal<@Nullable HeartbeatContext> CURRENT = new ThreadLocal<>();

	private HeartbeatContextHolder() {
	}

	/**
	 * Returns the context bound to this thread.
	 * @return the context or {@code null}
	 */
	public static @Nullable HeartbeatContext get() {
		return CURRENT.get();
	}

	/**
	 * Binds a context to this thread until the returned scope is closed, which restores whatever
	 * was bound before (scopes nest).
	 * @param context the context to bind
	 * @return the scope to close
	 */
	public static Scope bind(HeartbeatContext context) {
		HeartbeatContext previous = CURRENT.get();
		CURRENT.set(context);
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		};
	}

	/**
	 * A binding of a context to a thread; closing it restores the previous binding.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		/**
		 * Ends the binding.
		 */
		@Override
		void close();

	}

}
