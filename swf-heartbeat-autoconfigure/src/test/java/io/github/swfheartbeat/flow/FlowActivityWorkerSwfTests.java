package io.github.swfheartbeat.flow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.simpleworkflow.flow.ActivityWorker;
import com.amazonaws.services.simpleworkflow.flow.JsonDataConverter;
import com.amazonaws.services.simpleworkflow.flow.annotations.Activities;
import com.amazonaws.services.simpleworkflow.flow.annotations.ActivityRegistrationOptions;
import io.github.swfheartbeat.aspect.EmbeddedSwfEngines;
import io.github.swfheartbeat.aspect.HeartbeatingActivity;
import io.github.swfheartbeat.autoconfigure.HeartbeatAspectAutoConfiguration;
import io.github.swfheartbeat.autoconfigure.HeartbeatEventsAutoConfiguration;
import io.github.swfheartbeat.autoconfigure.HeartbeatFlowAutoConfiguration;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.event.ActivityCancellationRequestedEvent;
import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.ActivityTaskState;
import io.github.swfheartbeat.test.ActivityTaskView;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.ScheduledActivity;
import io.github.swfheartbeat.test.junit.EmbeddedSwfExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An AWS Flow Framework activity worker runs an {@code @HeartbeatingActivity} bean against the
 * embedded SWF endpoint: the method needs only the annotation.
 */
class FlowActivityWorkerSwfTests {

	private static final String DOMAIN = "flow-tests";

	private static final String TASK_LIST = "flow-transcoding";

	private static final String ACTIVITY_TYPE = "FlowTranscodeActivities.transcode";

	private static final AtomicInteger workers = new AtomicInteger();

	@RegisterExtension
	static final EmbeddedSwfExtension swf = new EmbeddedSwfExtension(
			EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, HeartbeatAspectAutoConfiguration.class,
				HeartbeatEventsAutoConfiguration.class, HeartbeatFlowAutoConfiguration.class))
		.withUserConfiguration(FlowWorkerConfiguration.class);

	@BeforeAll
	static void registerDomain() {
		swf.get().registerDomain(DOMAIN);
	}

	@Test
	void flowActivityIsHeartbeatedWhileItRunsAndCompletes() {
		this.contextRunner.run((context) -> {
			ScheduledActivity scheduled = schedule(context, "finish");
			FlowTranscodeActivitiesImpl activities = context.getBean(FlowTranscodeActivitiesImpl.class);
			await().until(() -> swf.get().activityTask(scheduled).heartbeatCount() >= 2);
			activities.release();
			await().until(() -> swf.get().activityTask(scheduled).state() == ActivityTaskState.COMPLETED);
			ActivityTaskView task = swf.get().activityTask(scheduled);
			assertThat(task.lastDetails()).isEqualTo("transcoding finish");
			assertThat(activities.fingerprints()).singleElement().asString().startsWith("tt-");
		});
	}

	@Test
	void cancelledFlowActivityIsRespondedCanceledByFlow() {
		this.contextRunner.run((context) -> {
			ScheduledActivity scheduled = schedule(context, "cancel me");
			await().until(() -> swf.get().activityTask(scheduled).heartbeatCount() >= 1);
			swf.get().requestCancel(scheduled);
			await().until(() -> swf.get().activityTask(scheduled).state() == ActivityTaskState.CANCELED);
			assertThat(swf.get().history(scheduled)).extracting(HistoryEvent::eventType)
				.contains(EventType.ACTIVITY_TASK_CANCELED)
				.doesNotContain(EventType.ACTIVITY_TASK_FAILED);
			List<ActivityCancellationRequestedEvent> events = context.getBean(FlowWorkerConfiguration.class).events;
			await().until(() -> !events.isEmpty());
			assertThat(events).singleElement().satisfies((event) -> {
				assertThat(event.getActivityId()).isEqualTo(scheduled.activityId());
				assertThat(event.getActivityType()).isEqualTo(ACTIVITY_TYPE + ":1.0");
				assertThat(event.getActivityTask().domain()).isEqualTo(DOMAIN);
			});
		});
	}

	private static ScheduledActivity schedule(ApplicationContext context, String input) {
		return swf.get()
			.scheduleActivity(ActivitySpec.builder(DOMAIN, ACTIVITY_TYPE, "1.0")
				.taskList(context.getBean(FlowWorkerConfiguration.class).taskList)
				.input(new JsonDataConverter().toData(new Object[] { input }))
				.build());
	}

	@Configuration(proxyBeanMethods = false)
	static class FlowWorkerConfiguration {

		final List<ActivityCancellationRequestedEvent> events = new CopyOnWriteArrayList<>();

		/**
		 * A task list of this context's own: a stopped worker's last long poll may still be open
		 * on the endpoint and would take a task meant for the next one.
		 */
		final String taskList = TASK_LIST + "-" + workers.incrementAndGet();

		@Bean
		HeartbeatEngine heartbeatEngine(ObjectProvider<HeartbeatListener> listeners) {
			return EmbeddedSwfEngines.start(swf.get(), listeners.orderedStream().toList());
		}

		@Bean
		HeartbeatTemplate heartbeatTemplate(HeartbeatEngine engine) {
			return new HeartbeatTemplate(engine);
		}

		@Bean
		FlowTranscodeActivitiesImpl flowTranscodeActivities() {
			return new FlowTranscodeActivitiesImpl();
		}

		@Bean(destroyMethod = "shutdownNow")
		ActivityWorker activityWorker(ApplicationContext context) throws Exception {
			ActivityWorker worker = new ActivityWorker(swf.get().syncClient(), DOMAIN,
					this.taskList);
			// The client belongs to the endpoint and serves the other tests too.
			worker.setDisableServiceShutdownOnStop(true);
			// The proxy, so that the aspect runs when Flow invokes the activity.
			worker.addActivitiesImplementation(context.getBean(FlowTranscodeActivitiesImpl.class));
			worker.start();
			return worker;
		}

		@EventListener
		void onCancellation(ActivityCancellationRequestedEvent event) {
			this.events.add(event);
		}

	}

	@Activities(version = "1.0")
	@ActivityRegistrationOptions(defaultTaskScheduleToStartTimeoutSeconds = 60, defaultTaskStartToCloseTimeoutSeconds = 60,
			defaultTaskHeartbeatTimeoutSeconds = 10, defaultTaskList = TASK_LIST)
	public interface FlowTranscodeActivities {

		String transcode(String input);

	}

	public static class FlowTranscodeActivitiesImpl implements FlowTranscodeActivities {

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> fingerprints = new CopyOnWriteArrayList<>();

		@Override
		@HeartbeatingActivity(maxCancellationLatency = "1s")
		public String transcode(String input) {
			HeartbeatContext context = HeartbeatContext.current();
			this.fingerprints.add(context.taskTokenFingerprint());
			context.setDetails("transcoding " + input);
			try {
				while (!this.release.await(20, TimeUnit.MILLISECONDS)) {
					context.throwIfCancellationRequested();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "transcoded " + input;
		}

		// Through methods: the bean is a proxy whose own fields are not the target's.
		public void release() {
			this.release.countDown();
		}

		public List<String> fingerprints() {
			return this.fingerprints;
		}

	}

}
