package io.github.swfheartbeat.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Adding and removing listeners, and actions run off the scheduler thread.
 */
class ListenerDispatcherRegistrationTests {

	private final List<Runnable> executed = new CopyOnWriteArrayList<>();

	private final Executor recording = (action) -> {
		this.executed.add(action);
		action.run();
	};

	@Test
	void aRemovedListenerHearsNothingMore() {
		ListenerDispatcher dispatcher = new ListenerDispatcher(this.recording);
		RecordingListener kept = new RecordingListener();
		RecordingListener removed = new RecordingListener();
		dispatcher.add(kept);
		dispatcher.add(removed);
		assertThat(dispatcher.remove(removed)).isTrue();
		assertThat(dispatcher.remove(removed)).isFalse();
		assertThat(dispatcher.remove(new RecordingListener())).isFalse();
		TaskSnapshot task = new TaskSnapshot("token-1", ActivityTaskInfo.unknown(), null, java.time.Instant.EPOCH);
		dispatcher.dispatch((listener) -> listener.onTaskStarted(task));
		assertThat(kept.started).containsExactly(task);
		assertThat(removed.started).isEmpty();
	}

	@Test
	void actionsRunOnTheListenerExecutor() {
		ListenerDispatcher dispatcher = new ListenerDispatcher(this.recording);
		Runnable action = () -> {
		};
		dispatcher.runOffScheduler(action);
		assertThat(this.executed).containsExactly(action);
	}

	@Test
	void aRejectingExecutorLosesTheActionButNeverFailsTheCaller() {
		ListenerDispatcher dispatcher = new ListenerDispatcher((action) -> {
			throw new RejectedExecutionException("shut down");
		});
		dispatcher.add(new RecordingListener());
		assertThatNoException().isThrownBy(() -> dispatcher.runOffScheduler(() -> {
		}));
		assertThatNoException().isThrownBy(() -> dispatcher.dispatch((listener) -> listener.onTaskEnded(null)));
	}

}
