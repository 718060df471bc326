package io.github.swfheartbeat.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.engine.HeartbeatAttempt;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.engine.HeartbeatOutcome;
import io.github.swfheartbeat.engine.HeartbeatStats;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import io.github.swfheartbeat.engine.TaskSnapshot;
import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * One worker JVM of the fleet scenario: polls its task list over HTTP as a worker does, hands
 * every task to a {@link HeartbeatEngine} with the starter's default settings (only
 * {@code rate-limit} may be set), and reports on standard output what the {@link FleetScenario}
 * needs, one line per fact: {@code ready}, {@code lost <activityId> <reason>} and, every second,
 * {@code sample <epochMillis> <rateLimit> <activeTasks> <heartbeatsSent> <throttled> <polled>}.
 * It runs until its standard input closes.
 */
public final class FleetWorker {

	private static final int POLLERS = 4;

	private FleetWorker() {
	}

	/**
	 * Runs one worker.
	 * @param args endpoint, domain, task list, number of tasks to poll, then the rate limit or
	 * {@code default}
	 * @throws Exception if the worker cannot start
	 */
	public static void main(String[] args) throws Exception {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
		URI endpoint = URI.create(args[0]);
		String domain = args[1];
		String taskList = args[2];
		int tasks = Integer.parseInt(args[3]);
		HeartbeatEngineSettings.Builder settings = HeartbeatEngineSettings.builder();
		if (!"default".equals(args[4])) {
			settings.rateLimit(Double.parseDouble(args[4]));
		}
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		StaticCredentialsProvider credentials = StaticCredentialsProvider
			.create(AwsBasicCredentials.create(EmbeddedSwf.ACCESS_KEY_ID, EmbeddedSwf.SECRET_ACCESS_KEY));
		Region region = Region.of(EmbeddedSwf.REGION);
		// As the starter builds its clients without swf.client.* tuning: Netty for heartbeats, and the
		// SDK's defaults (retries included) for the polls.
		SwfAsyncClient heartbeats = SwfAsyncClient.builder()
			.endpointOverride(endpoint)
			.region(region)
			.credentialsProvider(credentials)
			.httpClientBuilder(NettyNioAsyncHttpClient.builder())
			.build();
		SwfClient polls = SwfClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials).build();
		HeartbeatEngine engine = new HeartbeatEngine(new SwfAsyncClientTransport(heartbeats), settings.build());
		LongAdder throttled = new LongAdder();
		engine.addListener(new Reporter(out, throttled));
		AtomicInteger polled = new AtomicInteger();
		for (int i = 0; i < POLLERS; i++) {
			Thread poller = new Thread(() -> poll(polls, engine, domain, taskList, tasks, polled), "fleet-poller-" + i);
			poller.setDaemon(true);
			poller.start();
		}
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "fleet-sampler");
			thread.setDaemon(true);
			return thread;
		});
		sampler.scheduleAtFixedRate(() -> {
			HeartbeatStats stats = engine.stats();
			out.printf("sample %d %.2f %d %d %d %d%n", System.currentTimeMillis(), stats.currentRateLimit(),
					stats.activeTasks(), stats.heartbeatsSent(), throttled.sum(), polled.get());
		}, 0, 1, TimeUnit.SECONDS);
		out.println("ready");
		// Until the scenario closes standard input; whatever runs then is not measured.
		try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			while (in.readLine() != null) {
				// Nothing to read: the end of the input is the signal.
			}
		}
		sampler.shutdownNow();
		Runtime.getRuntime().halt(0);
	}

	private static void poll(SwfClient client, HeartbeatEngine engine, String domain, String taskList, int tasks,
			AtomicInteger polled) {
		while (polled.get() < tasks) {
			try {
				PollForActivityTaskResponse task = client.pollForActivityTask(
						(request) -> request.domain(domain).taskList((list) -> list.name(taskList)).identity(taskList));
				if (task.taskToken() == null || task.taskToken().isEmpty()) {
					continue;
				}
				polled.incrementAndGet();
				// The poll instant comes from the answer's Date header, as the @SwfActivity container passes it.
				engine.start(task.taskToken(), HeartbeatOptions.defaults().withActivityTask(ActivityTaskInfo.of(task, domain)));
			}
			catch (SdkException ex) {
				// A poll throttled beyond the SDK's retries: poll again, as a worker's loop does.
			}
		}
	}

	/**
	 * Reports losses by activity id, which the scenario matches against the endpoint's history,
	 * and counts throttled heartbeats.
	 */
	private record Reporter(PrintStream out, LongAdder throttled) implements HeartbeatListener {

		@Override
		public void onHeartbeat(HeartbeatAttempt attempt) {
			if (attempt.outcome() == HeartbeatOutcome.THROTTLED) {
				this.throttled.increment();
			}
		}

		@Override
		public void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
			this.out.println("lost " + task.activityTask().activityId() + " " + reason.name());
		}

	}

}
