package io.github.swfheartbeat.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryResponse;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskDecisionAttributes;

import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * One case of the fleet scenario: a standalone endpoint enforcing SWF's account quotas, worker
 * JVMs that poll it over HTTP, and a decider in this JVM that schedules each worker's share of the
 * tasks on its own task list. What SWF did is read back from the workflow histories, what the
 * workers saw from their output.
 */
final class FleetTrial {

	private static final String DOMAIN = "fleet";

	private static final String DECISIONS = "decisions";

	private final String name;

	private final String rateLimit;

	private final int workers;

	private final int tasksPerWorker;

	private final Duration heartbeatTimeout;

	private final Duration trial;

	/**
	 * @param name the case's name in reports
	 * @param rateLimit each worker's {@code rate-limit}, or {@code default}
	 * @param workers how many worker JVMs
	 * @param tasksPerWorker how many tasks each worker gets
	 * @param heartbeatTimeout T, the activity type's heartbeat timeout
	 * @param trial how long the tasks are kept, from when they were scheduled
	 */
	FleetTrial(String name, String rateLimit, int workers, int tasksPerWorker, Duration heartbeatTimeout, Duration trial) {
		this.name = name;
		this.rateLimit = rateLimit;
		this.workers = workers;
		this.tasksPerWorker = tasksPerWorker;
		this.heartbeatTimeout = heartbeatTimeout;
		this.trial = trial;
	}

	/**
	 * What one worker JVM did, and what SWF did with its tasks.
	 *
	 * @param started tasks SWF handed to its polls by the end of the trial
	 * @param keptOverTime tasks open at each T from the scheduling
	 * @param timedOut tasks SWF timed out by the end of the trial
	 * @param reportedLost tasks the engine reported lost, by one T after the trial
	 * @param silent tasks timed out by the end of the trial and never reported
	 * @param calls heartbeat calls the engine sent by the end of the trial
	 * @param throttled of those, answered with throttling
	 * @param limits the engine's rate limit, sampled every second in the trial's second half
	 */
	record Worker(int started, long[] keptOverTime, int timedOut, int reportedLost, int silent, long calls,
			long throttled, List<Double> limits) {

		double meanLimit() {
			return this.limits.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		}

		double minLimit() {
			return this.limits.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
		}

		double maxLimit() {
			return this.limits.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
		}

	}

	/**
	 * The case's outcome.
	 *
	 * @param name the case's name
	 * @param rateLimit each worker's {@code rate-limit}, or {@code default}
	 * @param tasks how many tasks the fleet was given
	 * @param workers what each worker JVM did
	 */
	record Result(String name, String rateLimit, int tasks, List<Worker> workers) {

		long[] keptOverTime() {
			long[] total = new long[this.workers.get(0).keptOverTime().length];
			this.workers.forEach((worker) -> {
				for (int i = 0; i < total.length; i++) {
					total[i] += worker.keptOverTime()[i];
				}
			});
			return total;
		}

		long kept() {
			long[] kept = keptOverTime();
			return kept[kept.length - 1];
		}

		int sum(ToIntFunction<Worker> value) {
			return this.workers.stream().mapToInt(value).sum();
		}

		long sumLong(ToLongFunction<Worker> value) {
			return this.workers.stream().mapToLong(value).sum();
		}

	}

	Result run() throws InterruptedException {
		List<WorkerOutput> outputs = new ArrayList<>();
		try (FleetProcesses processes = new FleetProcesses()) {
			URI endpoint = processes.startEndpoint();
			try (SwfClient swf = client(endpoint)) {
				register(swf);
				CountDownLatch ready = new CountDownLatch(this.workers);
				for (int i = 0; i < this.workers; i++) {
					WorkerOutput output = new WorkerOutput(ready);
					outputs.add(output);
					processes.startWorker(List.of(endpoint.toString(), DOMAIN, taskList(i),
							Integer.toString(this.tasksPerWorker), this.rateLimit), output::accept);
				}
				if (!ready.await(2, TimeUnit.MINUTES)) {
					throw new IllegalStateException("The fleet's workers did not start");
				}
				Map<String, String> runIds = schedule(swf);
				Instant start = Instant.now();
				System.out.println("fleet " + this.name + ": " + this.workers * this.tasksPerWorker + " tasks scheduled");
				Thread.sleep(this.trial.toMillis());
				Instant end = start.plus(this.trial);
				List<History> histories = new ArrayList<>();
				for (int i = 0; i < this.workers; i++) {
					histories.add(history(swf, workflowId(i), runIds.get(workflowId(i))));
				}
				// A worker learns of a time-out only from its next call for the task: give it one more T.
				Thread.sleep(this.heartbeatTimeout.toMillis());
				List<Worker> results = new ArrayList<>();
				for (int i = 0; i < this.workers; i++) {
					results.add(outputs.get(i).result(histories.get(i), start, end));
				}
				Result result = new Result(this.name, this.rateLimit, this.workers * this.tasksPerWorker, results);
				System.out.println("fleet " + this.name + ": kept " + result.kept() + " of " + result.tasks());
				return result;
			}
		}
	}

	private static SwfClient client(URI endpoint) {
		return SwfClient.builder()
			.endpointOverride(endpoint)
			.region(Region.of(EmbeddedSwf.REGION))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(EmbeddedSwf.ACCESS_KEY_ID, EmbeddedSwf.SECRET_ACCESS_KEY)))
			.build();
	}

	private void register(SwfClient swf) {
		swf.registerDomain((request) -> request.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
		swf.registerWorkflowType((request) -> request.domain(DOMAIN)
			.name("Fleet")
			.version("1")
			.defaultTaskList((list) -> list.name(DECISIONS))
			.defaultExecutionStartToCloseTimeout("86400")
			.defaultTaskStartToCloseTimeout("NONE")
			.defaultChildPolicy(ChildPolicy.TERMINATE));
		swf.registerActivityType((request) -> request.domain(DOMAIN)
			.name("Work")
			.version("1")
			.defaultTaskHeartbeatTimeout(Long.toString(this.heartbeatTimeout.toSeconds()))
			.defaultTaskStartToCloseTimeout("NONE")
			.defaultTaskScheduleToStartTimeout("NONE")
			.defaultTaskScheduleToCloseTimeout("NONE")
			.defaultTaskList((list) -> list.name(taskList(0))));
	}

	/**
	 * Starts one workflow execution per worker and, as its decider, schedules the worker's tasks
	 * on the worker's task list: an execution may hold at most 1,000 open activity tasks.
	 * @return the run ids by workflow id
	 */
	private Map<String, String> schedule(SwfClient swf) {
		Map<String, String> runIds = new HashMap<>();
		for (int i = 0; i < this.workers; i++) {
			String workflowId = workflowId(i);
			runIds.put(workflowId, swf
				.startWorkflowExecution((request) -> request.domain(DOMAIN)
					.workflowId(workflowId)
					.workflowType((type) -> type.name("Fleet").version("1")))
				.runId());
		}
		int decided = 0;
		while (decided < this.workers) {
			PollForDecisionTaskResponse task = swf
				.pollForDecisionTask((request) -> request.domain(DOMAIN).taskList((list) -> list.name(DECISIONS)));
			if (task.taskToken() == null || task.taskToken().isEmpty()) {
				continue;
			}
			String workflowId = task.workflowExecution().workflowId();
			int worker = Integer.parseInt(workflowId.substring(workflowId.lastIndexOf('-') + 1));
			List<Decision> decisions = new ArrayList<>();
			for (int k = 0; k < this.tasksPerWorker; k++) {
				decisions.add(Decision.builder()
					.decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
					.scheduleActivityTaskDecisionAttributes(ScheduleActivityTaskDecisionAttributes.builder()
						.activityId("w" + worker + "-" + k)
						.activityType((type) -> type.name("Work").version("1"))
						.taskList((list) -> list.name(taskList(worker)))
						.build())
					.build());
			}
			swf.respondDecisionTaskCompleted((request) -> request.taskToken(task.taskToken()).decisions(decisions));
			decided++;
		}
		return runIds;
	}

	private static History history(SwfClient swf, String workflowId, String runId) {
		History history = new History();
		Map<Long, String> activityIds = new HashMap<>();
		String page = null;
		do {
			String token = page;
			GetWorkflowExecutionHistoryResponse response = swf.getWorkflowExecutionHistory((request) -> request
				.domain(DOMAIN)
				.execution((execution) -> execution.workflowId(workflowId).runId(runId))
				.maximumPageSize(1000)
				.nextPageToken(token));
			for (HistoryEvent event : response.events()) {
				if (event.eventType() == EventType.ACTIVITY_TASK_SCHEDULED) {
					activityIds.put(event.eventId(), event.activityTaskScheduledEventAttributes().activityId());
				}
				else if (event.eventType() == EventType.ACTIVITY_TASK_STARTED) {
					history.started.add(event.eventTimestamp());
				}
				else if (event.eventType() == EventType.ACTIVITY_TASK_TIMED_OUT) {
					history.timedOut.put(activityIds.get(event.activityTaskTimedOutEventAttributes().scheduledEventId()),
							event.eventTimestamp());
				}
			}
			page = response.nextPageToken();
		}
		while (page != null && !page.isEmpty());
		return history;
	}

	private static String workflowId(int worker) {
		return "fleet-" + worker;
	}

	private static String taskList(int worker) {
		return "worker-" + worker;
	}

	/**
	 * One execution's tasks as its history shows them.
	 */
	private static final class History {

		final List<Instant> started = new ArrayList<>();

		final Map<String, Instant> timedOut = new HashMap<>();

		long aliveAt(Instant time) {
			return this.started.stream().filter((at) -> !at.isAfter(time)).count()
					- this.timedOut.values().stream().filter((at) -> !at.isAfter(time)).count();
		}

	}

	/**
	 * What one worker printed, collected from its output thread.
	 */
	private final class WorkerOutput {

		private final CountDownLatch ready;

		private final Map<String, String> lost = new ConcurrentHashMap<>();

		private final List<long[]> counters = new CopyOnWriteArrayList<>();

		private final List<double[]> limits = new CopyOnWriteArrayList<>();

		WorkerOutput(CountDownLatch ready) {
			this.ready = ready;
		}

		void accept(String line) {
			String[] parts = line.split(" ");
			switch (parts[0]) {
				case "ready" -> this.ready.countDown();
				case "lost" -> this.lost.putIfAbsent(parts[1], parts[2]);
				case "sample" -> {
					long at = Long.parseLong(parts[1]);
					this.limits.add(new double[] { at, Double.parseDouble(parts[2]) });
					this.counters.add(new long[] { at, Long.parseLong(parts[4]), Long.parseLong(parts[5]) });
				}
				default -> System.out.println("fleet worker: " + line);
			}
		}

		Worker result(History history, Instant start, Instant end) {
			int samples = (int) (FleetTrial.this.trial.toNanos() / FleetTrial.this.heartbeatTimeout.toNanos());
			long[] kept = new long[samples + 1];
			for (int i = 0; i <= samples; i++) {
				kept[i] = history.aliveAt(start.plus(FleetTrial.this.heartbeatTimeout.multipliedBy(i)));
			}
			int started = (int) history.started.stream().filter((at) -> !at.isAfter(end)).count();
			List<String> timedOut = history.timedOut.entrySet()
				.stream()
				.filter((entry) -> !entry.getValue().isAfter(end))
				.map(Map.Entry::getKey)
				.toList();
			int silent = (int) timedOut.stream().filter((activityId) -> !this.lost.containsKey(activityId)).count();
			long endMillis = end.toEpochMilli();
			long halfMillis = start.plus(FleetTrial.this.trial.dividedBy(2)).toEpochMilli();
			long[] last = this.counters.stream().filter((sample) -> sample[0] <= endMillis).reduce((a, b) -> b)
				.orElse(new long[3]);
			List<Double> secondHalf = this.limits.stream()
				.filter((sample) -> sample[0] >= halfMillis && sample[0] <= endMillis)
				.map((sample) -> sample[1])
				.toList();
			return new Worker(started, kept, timedOut.size(), this.lost.size(), silent, last[1], last[2], secondHalf);
		}

	}

}
