package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the listener containers that run {@code @SwfActivity} methods.
 */
@ConfigurationProperties("swf.worker")
public class SwfWorkerProperties {

	/**
	 * Whether to poll the task lists of @SwfActivity methods and run their tasks.
	 */
	private boolean enabled = true;

	/**
	 * Domain of @SwfActivity methods that name none. When not set, swf.heartbeat.domain applies.
	 */
	private @Nullable String domain;

	/**
	 * Task list of @SwfActivity methods that name none.
	 */
	private @Nullable String taskList;

	/**
	 * Activity type version of @SwfActivity methods that name none.
	 */
	private String activityVersion = "1.0";

	/**
	 * Identity sent with polls and recorded in ActivityTaskStarted events. When not set, the process id and host name.
	 */
	private @Nullable String identity;

	/**
	 * Number of tasks each task list runs at the same time; a poll starts only when one of these slots is free.
	 */
	private int concurrency = 4;

	/**
	 * Number of polls each task list keeps in flight at most, never more than its concurrency.
	 */
	private int pollers = 2;

	/**
	 * Settings of single task lists, by task list name, overriding concurrency and pollers.
	 */
	private final Map<String, TaskList> taskLists = new LinkedHashMap<>();

	/**
	 * Whether to register the activity types of @SwfActivity methods that SWF does not know, with the timeouts their annotations declare.
	 */
	private boolean registerActivityTypes = false;

	/**
	 * How long running tasks may go on, with their heartbeats, once shutdown began; the rest are then reported and left to SWF's timeouts.
	 */
	private Duration shutdownGracePeriod = Duration.ofSeconds(20);

	/**
	 * Backoff before polling again after failed or throttled polls.
	 */
	private final Backoff pollBackoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

	/**
	 * Backoff between attempts of a respond call, retried while the task's heartbeats keep it alive.
	 */
	private final Backoff respondBackoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getDomain() {
		return this.domain;
	}

	public void setDomain(@Nullable String domain) {
		this.domain = domain;
	}

	public @Nullable String getTaskList() {
		return this.taskList;
	}

	public void setTaskList(@Nullable String taskList) {
		this.taskList = taskList;
	}

	public String getActivityVersion() {
		return this.activityVersion;
	}

	public void setActivityVersion(String activityVersion) {
		this.activityVersion = activityVersion;
	}

	public @Nullable String getIdentity() {
		return this.identity;
	}

	public void setIdentity(@Nullable String identity) {
		this.identity = identity;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public int getPollers() {
		return this.pollers;
	}

	public void setPollers(int pollers) {
		this.pollers = pollers;
	}

	public Map<String, TaskList> getTaskLists() {
		return this.taskLists;
	}

	public boolean isRegisterActivityTypes() {
		return this.registerActivityTypes;
	}

	public void setRegisterActivityTypes(boolean registerActivityTypes) {
		this.registerActivityTypes = registerActivityTypes;
	}

	public Duration getShutdownGracePeriod() {
		return this.shutdownGracePeriod;
	}

	public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
		this.shutdownGracePeriod = shutdownGracePeriod;
	}

	public Backoff getPollBackoff() {
		return this.pollBackoff;
	}

	public Backoff getRespondBackoff() {
		return this.respondBackoff;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Settings of one task list.
	 */
	public static class TaskList {

		/**
		 * Number of tasks this task list runs at the same time. When not set, swf.worker.concurrency applies.
		 */
		private @Nullable Integer concurrency;

		/**
		 * Number of polls this task list keeps in flight at most. When not set, swf.worker.pollers applies.
		 */
		private @Nullable Integer pollers;

		public @Nullable Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
		}

		public @Nullable Integer getPollers() {
			return this.pollers;
		}

		public void setPollers(@Nullable Integer pollers) {
			this.pollers = pollers;
		}

	}

	/**
	 * Exponential backoff with jitter between attempts of a call. The defaults of the two uses
	 * are declared in additional-spring-configuration-metadata.json.
	 */
	public static class Backoff {

		/**
		 * Delay after the first failed attempt.
		 */
		private Duration initial;

		/**
		 * Longest delay between two attempts.
		 */
		private Duration max;

		Backoff(Duration initial, Duration max) {
			this.initial = initial;
			this.max = max;
		}

		public Duration getInitial() {
			return this.initial;
		}

		public void setInitial(Duration initial) {
			this.initial = initial;
		}

		public Duration getMax() {
			return this.max;
		}

		public void setMax(Duration max) {
			this.max = max;
		}

	}

	/**
	 * Health of the listener containers.
	 */
	public static class Health {

		/**
		 * Consecutive failed polls of a task list from which the worker health indicator reports DOWN.
		 */
		private int pollFailureThreshold = 3;

		public int getPollFailureThreshold() {
			return this.pollFailureThreshold;
		}

		public void setPollFailureThreshold(int pollFailureThreshold) {
			this.pollFailureThreshold = pollFailureThreshold;
		}

	}

}
