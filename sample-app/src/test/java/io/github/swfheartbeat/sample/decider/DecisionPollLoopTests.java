package io.github.swfheartbeat.sample.decider;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DecisionPollLoop}.
 */
class DecisionPollLoopTests {

	@Test
	void handlesAnswersWithATaskTokenOnly() {
		ScriptedLoop loop = new ScriptedLoop(Duration.ofSeconds(1));
		loop.answers.add(CompletableFuture.completedFuture(""));
		loop.answers.add(CompletableFuture.completedFuture("token-1"));
		loop.answers.add(CompletableFuture.failedFuture(new IllegalStateException("poll failed")));
		loop.answers.add(CompletableFuture.completedFuture("token-2"));
		loop.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> loop.handled.size() == 2);
			assertThat(loop.handled).containsExactly("token-1", "token-2");
		}
		finally {
			loop.stop();
		}
	}

	@Test
	void stopCancelsTheLongPollInFlight() {
		ScriptedLoop loop = new ScriptedLoop(Duration.ofSeconds(1));
		CompletableFuture<String> longPoll = new CompletableFuture<>();
		loop.answers.add(longPoll);
		loop.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> loop.answers.isEmpty());
		loop.stop();
		assertThat(longPoll).isCancelled();
		assertThat(loop.isRunning()).isFalse();
	}

	@Test
	void stopInterruptsATaskStillRunningAfterTheGracePeriod() throws InterruptedException {
		CountDownLatch handling = new CountDownLatch(1);
		List<Boolean> interrupted = new CopyOnWriteArrayList<>();
		ScriptedLoop loop = new ScriptedLoop(Duration.ZERO) {

			@Override
			protected void handle(String task) {
				handling.countDown();
				try {
					Thread.sleep(Duration.ofMinutes(5).toMillis());
				}
				catch (InterruptedException ex) {
					interrupted.add(true);
				}
			}

		};
		loop.answers.add(CompletableFuture.completedFuture("token-1"));
		loop.start();
		assertThat(handling.await(30, TimeUnit.SECONDS)).as("the task was handed to the worker").isTrue();
		loop.stop();
		assertThat(interrupted).containsExactly(true);
		assertThat(loop.isRunning()).isFalse();
	}

	private static class ScriptedLoop extends DecisionPollLoop<String> {

		final Queue<CompletableFuture<String>> answers = new ConcurrentLinkedQueue<>();

		final List<String> handled = new CopyOnWriteArrayList<>();

		ScriptedLoop(Duration stopGracePeriod) {
			super("test-poller", 1, stopGracePeriod);
		}

		@Override
		protected CompletableFuture<String> poll() {
			CompletableFuture<String> answer = this.answers.poll();
			// Once the script is played, poll as an idle task list answers: never, until cancelled.
			return (answer != null) ? answer : new CompletableFuture<>();
		}

		@Override
		protected String taskToken(String answer) {
			return answer;
		}

		@Override
		protected void handle(String task) {
			this.handled.add(task);
		}

	}

}
