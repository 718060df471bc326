package io.github.swfheartbeat.engine;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Adding and removing listeners, actions run off the scheduler thread, and the warning a stuck
 * listener's lane gives without flooding the log.
 */
class ListenerDispatcherLaneTests {

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

	@Test
	void aStuckListenerIsReportedOnTheFirstDropAndThenOncePerLaneLimit() throws Exception {
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(ListenerDispatcher.class);
		log.start();
		logger.addAppender(log);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		CountDownLatch blocked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			ListenerDispatcher dispatcher = new ListenerDispatcher(executor, 3);
			dispatcher.add(new HeartbeatListener() {
				@Override
				public void onTaskStarted(TaskSnapshot task) {
					blocked.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			});
			dispatcher.dispatch((listener) -> listener.onTaskStarted(null));
			assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
			// Three wait in the lane, seven are dropped.
			for (int i = 0; i < 10; i++) {
				dispatcher.dispatchDroppable((listener) -> listener.onHeartbeat(null));
			}
			assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
				.allSatisfy((message) -> assertThat(message).contains("is not keeping up"))
				.map((message) -> message.replaceAll(".*: (\\d+) notifications dropped so far.*", "$1"))
				.containsExactly("1", "4", "7");
		}
		finally {
			release.countDown();
			executor.shutdownNow();
			logger.detachAppender(log);
		}
	}

}
