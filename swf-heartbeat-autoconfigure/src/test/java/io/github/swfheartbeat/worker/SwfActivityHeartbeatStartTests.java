package io.github.swfheartbeat.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.swfheartbeat.autoconfigure.HeartbeatAutoConfiguration;
import io.github.swfheartbeat.autoconfigure.SwfClientAutoConfiguration;
import io.github.swfheartbeat.autoconfigure.SwfWorkerAutoConfiguration;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.HeartbeatService;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.ScheduledActivity;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A task's heartbeats start when its poll returns, planned from that instant, and end only after
 * the respond call: seen through a {@link HeartbeatService} that records what the container asks
 * of a real engine, on the real SDK against the embedded endpoint.
 */
class SwfActivityHeartbeatStartTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SwfClientAutoConfiguration.class, HeartbeatAutoConfiguration.class,
				SwfWorkerAutoConfiguration.class));

	@Test
	void heartbeatsStartAtThePollAndEndAfterTheRespondCall() {
		try (EmbeddedSwf swf = EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)).start()) {
			swf.registerDomain("media");
			RecordingHeartbeatService heartbeats = new RecordingHeartbeatService(swf);
			// Closed with the context below, as an AutoCloseable bean.
			Activities activities = new Activities(heartbeats);
			this.contextRunner
				.withPropertyValues("swf.client.endpoint=" + swf.endpoint(), "swf.client.region=" + swf.region(),
						"swf.client.credentials.access-key-id=" + EmbeddedSwf.ACCESS_KEY_ID,
						"swf.client.credentials.secret-access-key=" + EmbeddedSwf.SECRET_ACCESS_KEY,
						"swf.worker.domain=media", "swf.worker.task-list=work", "swf.worker.register-activity-types=true")
				.withBean(HeartbeatService.class, () -> heartbeats)
				.withBean(Activities.class, () -> activities)
				.run((context) -> {
					Instant scheduled = Instant.now();
					ScheduledActivity activity = swf.scheduleActivity(
							ActivitySpec.builder("media", "resize", "1.0").taskList("work").input("x").build());
					await().until(() -> swf.activityTask(activity).state() == ActivityTaskState.COMPLETED);

					Started started = heartbeats.started.poll();
					assertThat(started).isNotNull();
					HeartbeatOptions options = started.options();
					assertThat(options.polledAt()).isNotNull().isAfterOrEqualTo(scheduled.minusMillis(1));
					assertThat(options.polledAt()).isBeforeOrEqualTo(activities.enteredAt);
					assertThat(options.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(30));
					assertThat(options.activityTask().activityId()).isEqualTo(activity.activityId());
					assertThat(options.activityTask().domain()).isEqualTo("media");
					// The method ran with its task's heartbeats going, and they ended after SWF took the answer.
					assertThat(activities.heartbeatingWhileRunning).isTrue();
					assertThat(started.closedAfterRespond()).isTrue();
				});
		}
	}

	record Started(HeartbeatOptions options, boolean closedAfterRespond) {
	}

	static class Activities {

		private final RecordingHeartbeatService heartbeats;

		volatile Instant enteredAt;

		volatile boolean heartbeatingWhileRunning;

		Activities(RecordingHeartbeatService heartbeats) {
			this.heartbeats = heartbeats;
		}

		@SwfActivity(heartbeatTimeout = "30s")
		String resize(String input) {
			this.enteredAt = Instant.now();
			this.heartbeatingWhileRunning = this.heartbeats.open > 0;
			return "done";
		}

	}

	record DelegatingHandle(HeartbeatHandle handle, Runnable onClose) implements HeartbeatHandle {

		@Override
		public void close() {
			this.onClose.run();
			this.handle.close();
		}

		@Override
		public String taskTokenFingerprint() {
			return this.handle.taskTokenFingerprint();
		}

		@Override
		public ActivityTaskInfo activityTask() {
			return this.handle.activityTask();
		}

		@Override
		public void setDetails(@Nullable String details) {
			this.handle.setDetails(details);
		}

		@Override
		public @Nullable String details() {
			return this.handle.details();
		}

		@Override
		public boolean isCancellationRequested() {
			return this.handle.isCancellationRequested();
		}

		@Override
		public void throwIfCancellationRequested() {
			this.handle.throwIfCancellationRequested();
		}

		@Override
		public boolean isLost() {
			return this.handle.isLost();
		}

		@Override
		public CompletionStage<Void> whenCancellationRequested() {
			return this.handle.whenCancellationRequested();
		}

		@Override
		public CompletionStage<TaskLossReason> whenLost() {
			return this.handle.whenLost();
		}

	}

	static class RecordingHeartbeatService implements HeartbeatService, AutoCloseable {

		final Queue<Started> started = new ConcurrentLinkedQueue<>();

		private final EmbeddedSwf swf;

		private final HeartbeatEngine engine;

		volatile int open;

		RecordingHeartbeatService(EmbeddedSwf swf) {
			this.swf = swf;
			this.engine = new HeartbeatEngine(new SwfAsyncClientTransport(swf.asyncClient()),
					HeartbeatEngineSettings.builder().build());
		}

		@Override
		public HeartbeatHandle start(String taskToken, HeartbeatOptions options) {
			HeartbeatHandle handle = this.engine.start(taskToken, options);
			this.open++;
			return new DelegatingHandle(handle, () -> {
				this.open--;
				// Closed after the respond call: SWF has the task completed by now.
				this.started.add(new Started(options,
						this.swf.activityTask(taskToken).state() == ActivityTaskState.COMPLETED));
			});
		}

		@Override
		public void close() {
			this.engine.close();
		}

		@Override
		public CompletableFuture<Boolean> heartbeatOnce(String taskToken, @Nullable String details,
				ActivityTaskInfo activityTask) {
			return this.engine.heartbeatOnce(taskToken, details, activityTask);
		}

	}

}
