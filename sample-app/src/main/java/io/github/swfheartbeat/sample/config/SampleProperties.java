package io.github.swfheartbeat.sample.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the sample application. It validates itself when bound, so that a setting
 * that cannot work stops the application at start-up with the property's name.
 */
@ConfigurationProperties("sample")
public class SampleProperties implements Validator {

	/**
	 * Whether to run the scripted demo scenario on the embedded SWF endpoint and exit.
	 */
	private boolean demo;

	/**
	 * SWF domain of the transcode workflow, registered at start-up when missing.
	 */
	private String domain = "swf-heartbeat-sample";

	/**
	 * Task list of the decision tasks and of the activity tasks.
	 */
	private String taskList = "transcode";

	private final Transcode transcode = new Transcode();

	private final Worker worker = new Worker();

	private final Decider decider = new Decider();

	private final EmbeddedSwf embeddedSwf = new EmbeddedSwf();

	private final Scenario scenario = new Scenario();

	public boolean isDemo() {
		return this.demo;
	}

	public void setDemo(boolean demo) {
		this.demo = demo;
	}

	public String getDomain() {
		return this.domain;
	}

	public void setDomain(String domain) {
		this.domain = domain;
	}

	public String getTaskList() {
		return this.taskList;
	}

	public void setTaskList(String taskList) {
		this.taskList = taskList;
	}

	public Transcode getTranscode() {
		return this.transcode;
	}

	public Worker getWorker() {
		return this.worker;
	}

	public Decider getDecider() {
		return this.decider;
	}

	public EmbeddedSwf getEmbeddedSwf() {
		return this.embeddedSwf;
	}

	public Scenario getScenario() {
		return this.scenario;
	}

	@Override
	public boolean supports(Class<?> type) {
		return SampleProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		SampleProperties properties = (SampleProperties) target;
		atLeastOne(errors, "transcode.steps", properties.transcode.steps);
		positive(errors, "transcode.stepDuration", properties.transcode.stepDuration);
		if (properties.transcode.heartbeatTimeout.toSeconds() < 1) {
			errors.rejectValue("transcode.heartbeatTimeout", "seconds",
					"must be at least one second: SWF counts timeouts in whole seconds");
		}
		positive(errors, "transcode.maxCancellationLatency", properties.transcode.maxCancellationLatency);
		atLeastOne(errors, "worker.concurrency", properties.worker.concurrency);
		atLeastOne(errors, "decider.threads", properties.decider.threads);
		atLeastOne(errors, "scenario.completed", properties.scenario.completed);
		atLeastOne(errors, "scenario.steps", properties.scenario.steps);
		positive(errors, "scenario.stepDuration", properties.scenario.stepDuration);
		positive(errors, "scenario.timeout", properties.scenario.timeout);
	}

	private static void atLeastOne(Errors errors, String property, int value) {
		if (value < 1) {
			errors.rejectValue(property, "atLeastOne", "must be at least 1");
		}
	}

	private static void positive(Errors errors, String property, Duration value) {
		if (value.isZero() || value.isNegative()) {
			errors.rejectValue(property, "positive", "must be longer than zero");
		}
	}

	/**
	 * The transcode activity.
	 */
	public static class Transcode {

		/**
		 * Version of the workflow and activity types; change it after changing their timeouts.
		 */
		private String version = "1";

		/**
		 * Steps of a transcode started without a step count.
		 */
		private int steps = 20;

		/**
		 * Time one step takes in a transcode started without a step duration.
		 */
		private Duration stepDuration = Duration.ofMillis(1500);

		/**
		 * Heartbeat timeout registered as the activity type's default.
		 */
		private Duration heartbeatTimeout = Duration.ofSeconds(30);

		/**
		 * Longest time a cancellation request may go unnoticed by a running transcode.
		 */
		private Duration maxCancellationLatency = Duration.ofSeconds(3);

		public String getVersion() {
			return this.version;
		}

		public void setVersion(String version) {
			this.version = version;
		}

		public int getSteps() {
			return this.steps;
		}

		public void setSteps(int steps) {
			this.steps = steps;
		}

		public Duration getStepDuration() {
			return this.stepDuration;
		}

		public void setStepDuration(Duration stepDuration) {
			this.stepDuration = stepDuration;
		}

		public Duration getHeartbeatTimeout() {
			return this.heartbeatTimeout;
		}

		public void setHeartbeatTimeout(Duration heartbeatTimeout) {
			this.heartbeatTimeout = heartbeatTimeout;
		}

		public Duration getMaxCancellationLatency() {
			return this.maxCancellationLatency;
		}

		public void setMaxCancellationLatency(Duration maxCancellationLatency) {
			this.maxCancellationLatency = maxCancellationLatency;
		}

	}

	/**
	 * The activity worker.
	 */
	public static class Worker {

		/**
		 * Number of activity tasks run at the same time, each on a polling thread of its own.
		 */
		private int concurrency = 8;

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

	}

	/**
	 * The decider.
	 */
	public static class Decider {

		/**
		 * Number of threads polling decision tasks.
		 */
		private int threads = 2;

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

	}

	/**
	 * The embedded SWF endpoint.
	 */
	public static class EmbeddedSwf {

		/**
		 * Whether to run an embedded SWF endpoint in-process and point the SWF clients at it;
		 * false (or the aws profile) uses Amazon SWF with the AWS SDK's default chains.
		 */
		private boolean enabled = true;

		/**
		 * Port of the embedded endpoint on 127.0.0.1, 0 for a free one.
		 */
		private int port;

		/**
		 * How long the embedded endpoint holds an idle long poll, as SWF does for 60 seconds.
		 */
		private Duration longPollTimeout = Duration.ofSeconds(60);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public Duration getLongPollTimeout() {
			return this.longPollTimeout;
		}

		public void setLongPollTimeout(Duration longPollTimeout) {
			this.longPollTimeout = longPollTimeout;
		}

	}

	/**
	 * The scripted demo scenario.
	 */
	public static class Scenario {

		/**
		 * Number of transcodes the scenario lets complete; one more is cancelled and one lost.
		 */
		private int completed = 4;

		/**
		 * Steps of each transcode that completes; the cancelled and the lost one take four times as many.
		 */
		private int steps = 12;

		/**
		 * Time one step takes in the scenario.
		 */
		private Duration stepDuration = Duration.ofMillis(500);

		/**
		 * Longest time the whole scenario may take before it counts as failed.
		 */
		private Duration timeout = Duration.ofSeconds(60);

		public int getCompleted() {
			return this.completed;
		}

		public void setCompleted(int completed) {
			this.completed = completed;
		}

		public int getSteps() {
			return this.steps;
		}

		public void setSteps(int steps) {
			this.steps = steps;
		}

		public Duration getStepDuration() {
			return this.stepDuration;
		}

		public void setStepDuration(Duration stepDuration) {
			this.stepDuration = stepDuration;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
