package io.github.swfheartbeat.test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.server.CallCounter;
import io.github.swfheartbeat.test.server.EmbeddedSwfServer;
import io.github.swfheartbeat.test.server.FaultPlan;
import io.github.swfheartbeat.test.server.ThrottlePolicy;
import io.github.swfheartbeat.test.state.ActivitySnapshot;
import io.github.swfheartbeat.test.state.DurationText;
import io.github.swfheartbeat.test.state.SwfFault;
import io.github.swfheartbeat.test.state.SwfModel;

/**
 * An Amazon SWF endpoint in this JVM: SWF's AWS JSON 1.0 protocol over HTTP on 127.0.0.1, for the
 * unmodified {@link SwfClient} and {@link SwfAsyncClient} with any static credentials.
 *
 * <pre class="code">
 * try (EmbeddedSwf swf = EmbeddedSwf.start()) {
 *     swf.registerDomain("orders");
 *     swf.registerActivityType("orders", "Ship", "1", Duration.ofSeconds(10));
 *     StartedActivity task = swf.startActivity(ActivitySpec.of("orders", "Ship", "1"));
 *     swf.syncClient().recordActivityTaskHeartbeat((request) -&gt; request.taskToken(task.taskToken()));
 *     assertThat(swf.activityTask(task.taskToken()).heartbeatCount()).isEqualTo(1);
 * }
 * </pre>
 *
 * <p>The helpers ({@code register…}, {@link #scheduleActivity}, {@link #startActivity},
 * {@link #requestCancel}, {@link #timeOut}, inspection) act on the endpoint's state directly: they
 * are not counted by {@link #callCount(String)}, faulted or throttled, and they write the same
 * history events SWF would.
 */
public final class EmbeddedSwf implements AutoCloseable {

	/** The region the endpoint claims to be. */
	public static final String REGION = "us-east-1";

	/** The access key id of the ready-made clients; the endpoint accepts any. */
	public static final String ACCESS_KEY_ID = "embedded-swf";

	/** The secret access key of the ready-made clients; the endpoint accepts any. */
	public static final String SECRET_ACCESS_KEY = "embedded-swf-secret";

	/** The long-poll timeout of SWF, and of the endpoint unless told otherwise. */
	public static final Duration DEFAULT_LONG_POLL_TIMEOUT = Duration.ofSeconds(60);

	private final SwfModel model;

	private final FaultPlan faults = new FaultPlan();

	private final ThrottlePolicy throttling;

	private final CallCounter calls = new CallCounter();

	private final EmbeddedSwfServer server;

	private final int port;

	private final AtomicReference<SwfClient> syncClient = new AtomicReference<>();

	private final AtomicReference<SwfAsyncClient> asyncClient = new AtomicReference<>();

	private final AtomicReference<SwfClient> internalClient = new AtomicReference<>();

	private boolean closed;

	private final SharedVirtualTime sharedTime;

	private EmbeddedSwf(Builder builder) {
		this.model = new SwfModel(builder.longPollTimeout, builder.virtualTime);
		this.sharedTime = builder.virtualTime ? new SharedVirtualTime(this.model) : null;
		this.throttling = new ThrottlePolicy(builder.swfQuotas, builder.limits);
		this.server = new EmbeddedSwfServer(this.model, this.faults, this.throttling, this.calls);
		try {
			this.port = this.server.start(builder.port);
		}
		catch (RuntimeException ex) {
			this.model.shutdown();
			throw ex;
		}
	}

	/**
	 * Starts an endpoint on a free port of 127.0.0.1 with SWF's 60 second long polls and no
	 * throttling.
	 * @return the running endpoint
	 */
	public static EmbeddedSwf start() {
		return builder().start();
	}

	/**
	 * Starts configuring an endpoint.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the endpoint's URL, for {@code endpointOverride}.
	 * @return the URL, {@code http://127.0.0.1:<port>}
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * Returns the port the endpoint listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the region clients should be configured with.
	 * @return {@value #REGION}
	 */
	public String region() {
		return REGION;
	}

	/**
	 * Returns a synchronous client for this endpoint, created on first use and closed with it.
	 * It has the SDK's default retry behaviour.
	 * @return the client
	 */
	public SwfClient syncClient() {
		return lazily(this.syncClient, () -> SwfClient.builder()
			.endpointOverride(endpoint())
			.region(Region.of(REGION))
			.credentialsProvider(credentials())
			.build());
	}

	/**
	 * Returns an asynchronous client (Netty) for this endpoint, created on first use and closed
	 * with it. It has the SDK's default retry behaviour.
	 * @return the client
	 */
	public SwfAsyncClient asyncClient() {
		return lazily(this.asyncClient, () -> SwfAsyncClient.builder()
			.endpointOverride(endpoint())
			.region(Region.of(REGION))
			.credentialsProvider(credentials())
			.httpClientBuilder(NettyNioAsyncHttpClient.builder())
			.build());
	}

	private SwfClient internalClient() {
		return lazily(this.internalClient, () -> SwfClient.builder()
			.endpointOverride(endpoint())
			.region(Region.of(REGION))
			.credentialsProvider(credentials())
			.overrideConfiguration((configuration) -> configuration
				.putHeader(EmbeddedSwfServer.internalCallHeader(), "true"))
			.build());
	}

	private static StaticCredentialsProvider credentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
	}

	private synchronized <T> T lazily(AtomicReference<T> reference, java.util.function.Supplier<T> factory) {
		if (this.closed) {
			throw new IllegalStateException("The endpoint is closed");
		}
		T client = reference.get();
		if (client == null) {
			client = factory.get();
			reference.set(client);
		}
		return client;
	}

	/**
	 * Returns the fault injector.
	 * @return the injector
	 */
	public FaultInjector faults() {
		return this.faults;
	}

	/**
	 * Returns the rate limits, to switch SWF's quotas on or off or set limits per operation.
	 * @return the rate limits
	 */
	public Throttling throttling() {
		return this.throttling;
	}

	/**
	 * Changes how long an idle poll is held before it is answered with no task; polls already
	 * waiting keep their timeout.
	 * @param timeout the timeout
	 */
	public void longPollTimeout(Duration timeout) {
		this.model.longPollTimeout(timeout);
	}

	/**
	 * Moves the endpoint's virtual time forward: every activity, decision and execution timeout that
	 * falls due on the way is applied, in order, and its history event carries the virtual moment it
	 * fell due. Calls arriving later are judged at the new time. Long polls and throttling keep to
	 * real time. Heartbeat engines on the same clock ({@link #engineClock(Class)}) send, at each
	 * moment on the way, the heartbeats they planned for it: time moves on only once no call is in
	 * flight on either side.
	 * <pre class="code">
	 * EmbeddedSwf swf = EmbeddedSwf.builder().virtualTime().start();
	 * StartedActivity task = swf.startActivity(ActivitySpec.builder("orders", "Ship", "1")
	 *     .heartbeatTimeout(Duration.ofMinutes(10)).build());
	 * swf.advance(Duration.ofMinutes(10));
	 * assertThat(swf.activityTask(task.taskToken()).state()).isEqualTo(ActivityTaskState.TIMED_OUT);
	 * </pre>
	 * @param duration how far, not negative
	 * @throws IllegalStateException unless the endpoint was built with {@link Builder#virtualTime()}
	 */
	public void advance(Duration duration) {
		this.model.advance(duration);
	}

	/**
	 * Returns the endpoint's virtual time, to share with heartbeat engines: an engine on it heartbeats
	 * at virtual moments, and {@link #advance(Duration)} lets each do its work at every moment it
	 * planned.
	 * @return the shared time
	 * @throws IllegalStateException unless the endpoint was built with {@link Builder#virtualTime()}
	 * @see #engineClock(Class)
	 */
	public SharedVirtualTime sharedTime() {
		if (this.sharedTime == null) {
			throw new IllegalStateException("The endpoint runs on the system's clock; build it with virtual time");
		}
		return this.sharedTime;
	}

	/**
	 * Returns the endpoint's virtual time as a heartbeat engine's clock, so that the engine and the
	 * endpoint run on one clock:
	 * <pre class="code">
	 * EmbeddedSwf swf = EmbeddedSwf.builder().virtualTime().start();
	 * HeartbeatEngine engine = new HeartbeatEngine(new SwfAsyncClientTransport(swf.asyncClient()),
	 *         HeartbeatEngineSettings.defaults(), swf.engineClock(EngineClock.class));
	 * HeartbeatHandle handle = engine.start(task.taskToken(), options);
	 * swf.advance(Duration.ofHours(2));
	 * </pre>
	 * The type is an argument because this module does not depend on the engine.
	 * @param <C> the clock type
	 * @param clockType {@code io.github.swfheartbeat.engine.EngineClock}
	 * @return the clock
	 * @throws IllegalStateException unless the endpoint was built with {@link Builder#virtualTime()}
	 * @see SharedVirtualTime#asEngineClock(Class)
	 */
	public <C> C engineClock(Class<C> clockType) {
		return sharedTime().asEngineClock(clockType);
	}

	/**
	 * Returns the endpoint's time now: the system's, or the virtual time {@link #advance(Duration)}
	 * moves, which starts at the moment the endpoint started.
	 * @return the time, to the millisecond, as history events carry it
	 */
	public Instant currentTime() {
		return Instant.ofEpochMilli(this.model.currentTimeMillis());
	}

	/**
	 * Stops serving: waiting polls are answered with no task and connections closed. State is
	 * kept, and timeouts keep running.
	 */
	public void stop() {
		this.server.stop();
	}

	/**
	 * Serves again on the same port, with the same state, after {@link #stop()} (or stops and
	 * starts again if running).
	 */
	public synchronized void restart() {
		if (this.closed) {
			throw new IllegalStateException("The endpoint is closed");
		}
		this.server.stop();
		this.server.start(this.port);
	}

	/**
	 * Tells whether the endpoint serves.
	 * @return whether it listens
	 */
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * Stops the endpoint for good and closes the ready-made clients; calling it again does nothing.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		closeClient(this.syncClient.getAndSet(null));
		closeClient(this.asyncClient.getAndSet(null));
		closeClient(this.internalClient.getAndSet(null));
		this.server.stop();
		this.model.shutdown();
	}

	private static void closeClient(AutoCloseable client) {
		if (client != null) {
			try {
				client.close();
			}
			catch (Exception ex) {
				// Closing a client of a stopped endpoint has nothing left to fail for.
			}
		}
	}

	/**
	 * Registers a domain, unless one of that name exists.
	 * @param name the domain
	 */
	public void registerDomain(String name) {
		invokeIgnoringExisting("RegisterDomain",
				new JsonObject().put("name", name).put("workflowExecutionRetentionPeriodInDays", "1"));
	}

	/**
	 * Registers an activity type with a default heartbeat timeout, no other timeouts ({@code NONE})
	 * and the default task list {@value ActivityTypeSpec#DEFAULT_TASK_LIST}, unless it exists.
	 * @param domain the domain, registered already
	 * @param name the type's name
	 * @param version the type's version
	 * @param heartbeatTimeout the default heartbeat timeout, whole seconds, or {@code null} for none
	 */
	public void registerActivityType(String domain, String name, String version, Duration heartbeatTimeout) {
		registerActivityType(ActivityTypeSpec.of(domain, name, version).withHeartbeatTimeout(heartbeatTimeout));
	}

	/**
	 * Registers an activity type with the defaults of the spec, unless it exists.
	 * @param spec the type and its defaults
	 */
	public void registerActivityType(ActivityTypeSpec spec) {
		JsonObject input = new JsonObject().put("domain", spec.domain())
			.put("name", spec.name())
			.put("version", spec.version())
			.put("defaultTaskHeartbeatTimeout", DurationText.format(spec.heartbeatTimeout()))
			.put("defaultTaskStartToCloseTimeout", DurationText.format(spec.startToCloseTimeout()))
			.put("defaultTaskScheduleToStartTimeout", DurationText.format(spec.scheduleToStartTimeout()))
			.put("defaultTaskScheduleToCloseTimeout", DurationText.format(spec.scheduleToCloseTimeout()));
		if (spec.defaultTaskList() != null) {
			input.put("defaultTaskList", new JsonObject().put("name", spec.defaultTaskList()));
		}
		invokeIgnoringExisting("RegisterActivityType", input);
	}

	private void invokeIgnoringExisting(String operation, JsonObject input) {
		try {
			this.model.operation(operation).invoke(input, (output) -> {
			});
		}
		catch (SwfFault ex) {
			if (!ex.type().endsWith("AlreadyExistsFault")) {
				throw new IllegalStateException(operation + " failed: " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * Starts a workflow execution and schedules one activity task in it, with no decider: the
	 * history holds the events of the decision cycle that scheduled it, as SWF would write them.
	 * @param spec the task
	 * @return the scheduled task
	 * @throws IllegalStateException if SWF would refuse to schedule it, e.g. for an unknown type
	 */
	public ScheduledActivity scheduleActivity(ActivitySpec spec) {
		String activityId = (spec.activityId() != null) ? spec.activityId() : "activity-" + UUID.randomUUID();
		String workflowId = (spec.workflowId() != null) ? spec.workflowId() : "workflow-" + UUID.randomUUID();
		JsonObject attributes = new JsonObject()
			.put("activityType",
					new JsonObject().put("name", spec.activityTypeName()).put("version", spec.activityTypeVersion()))
			.put("activityId", activityId)
			.put("input", spec.input())
			.put("heartbeatTimeout", formatIfSet(spec.heartbeatTimeout()))
			.put("startToCloseTimeout", formatIfSet(spec.startToCloseTimeout()))
			.put("scheduleToStartTimeout", formatIfSet(spec.scheduleToStartTimeout()))
			.put("scheduleToCloseTimeout", formatIfSet(spec.scheduleToCloseTimeout()));
		if (spec.taskList() != null) {
			attributes.put("taskList", new JsonObject().put("name", spec.taskList()));
		}
		String runId;
		try {
			runId = this.model.scheduleActivity(spec.domain(), workflowId, attributes);
		}
		catch (SwfFault ex) {
			throw new IllegalStateException("Cannot schedule the activity: " + ex.getMessage(), ex);
		}
		ActivityType type = ActivityType.builder()
			.name(spec.activityTypeName())
			.version(spec.activityTypeVersion())
			.build();
		String taskList = this.model.activity(spec.domain(), workflowId, runId, activityId).taskList();
		return new ScheduledActivity(spec.domain(), workflowId, runId, activityId, type, taskList);
	}

	private static String formatIfSet(Duration duration) {
		return (duration != null) ? DurationText.format(duration) : null;
	}

	/**
	 * Schedules an activity task and starts it as a worker's poll would, in one step.
	 * @param spec the task
	 * @return the started task, with its live token
	 */
	public StartedActivity startActivity(ActivitySpec spec) {
		return startActivity(scheduleActivity(spec));
	}

	/**
	 * Starts a scheduled activity task as a worker's poll would; the ActivityTaskStarted event
	 * names the identity {@code embedded-swf}.
	 * @param activity the scheduled task
	 * @return the started task, with its live token
	 * @throws IllegalStateException if the task is not waiting for a worker
	 */
	public StartedActivity startActivity(ScheduledActivity activity) {
		JsonObject task = this.model.startActivity(activity.domain(), activity.workflowId(), activity.runId(),
				activity.activityId());
		PollForActivityTaskResponse response = PollForActivityTaskResponse.builder()
			.taskToken(task.string("taskToken"))
			.activityId(task.string("activityId"))
			.startedEventId(task.integer("startedEventId"))
			.workflowExecution(activity.workflowExecution())
			.activityType(activity.activityType())
			.input(task.string("input"))
			.build();
		return new StartedActivity(activity, response);
	}

	/**
	 * Requests cancellation of an activity task as a RequestCancelActivityTask decision would:
	 * a started task learns of it from its next heartbeat, a task not yet started is cancelled at
	 * once.
	 * @param activity the task
	 * @throws IllegalStateException if a decider holds the execution's decision task
	 */
	public void requestCancel(ScheduledActivity activity) {
		this.model.requestCancel(activity.domain(), activity.workflowId(), activity.runId(), activity.activityId());
	}

	/**
	 * Times out a started activity task at once for a missed heartbeat (ActivityTaskTimedOut,
	 * HEARTBEAT, with the last heartbeat's details), as if its worker were lost.
	 * @param taskToken the task's token
	 * @throws IllegalStateException if the token is unknown or the task is closed
	 */
	public void timeOut(String taskToken) {
		try {
			this.model.timeOut(taskToken);
		}
		catch (SwfFault ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/**
	 * Returns the state of the activity task with that token.
	 * @param taskToken the token
	 * @return its state
	 * @throws IllegalArgumentException if no task ever had that token
	 */
	public ActivityTaskView activityTask(String taskToken) {
		ActivitySnapshot snapshot = this.model.activity(taskToken);
		if (snapshot == null) {
			throw new IllegalArgumentException("No activity task ever had that token");
		}
		return view(snapshot);
	}

	/**
	 * Returns the state of a scheduled activity task, started or not.
	 * @param activity the task
	 * @return its state
	 */
	public ActivityTaskView activityTask(ScheduledActivity activity) {
		return view(this.model.activity(activity.domain(), activity.workflowId(), activity.runId(),
				activity.activityId()));
	}

	private static ActivityTaskView view(ActivitySnapshot snapshot) {
		Duration heartbeatTimeout = "NONE".equals(snapshot.heartbeatTimeout()) ? null
				: Duration.ofSeconds(Long.parseLong(snapshot.heartbeatTimeout()));
		ActivityTaskTimeoutType timeoutType = (snapshot.timeoutType() != null)
				? ActivityTaskTimeoutType.fromValue(snapshot.timeoutType()) : null;
		return new ActivityTaskView(snapshot.activityId(), ActivityTaskState.valueOf(snapshot.status()),
				snapshot.started(), snapshot.heartbeatCount(), snapshot.lastDetails(), snapshot.cancelRequested(),
				timeoutType, heartbeatTimeout);
	}

	/**
	 * Returns the faults of the endpoint's own code (bugs, unexpected exceptions) since the start or
	 * the last {@link #clearInternalErrors()}. SWF has no such faults: a client saw each as a 500
	 * naming it, which the SDK may have retried away, so a test that sees one here should fail;
	 * {@code EmbeddedSwfExtension} fails it.
	 * @return the faults, oldest first
	 */
	public List<Throwable> internalErrors() {
		return this.model.internalErrors().list();
	}

	/**
	 * Forgets the faults {@link #internalErrors()} reports, and returns them.
	 * @return the faults, oldest first
	 */
	public List<Throwable> clearInternalErrors() {
		return this.model.internalErrors().drain();
	}

	/**
	 * Fails if the endpoint's own code failed since the start or the last check, and forgets those
	 * faults; the JUnit extension and the Spring test support call it after each test.
	 * @throws AssertionError naming the first fault, with every fault as a suppressed exception
	 */
	public void assertNoInternalErrors() {
		List<Throwable> errors = clearInternalErrors();
		if (errors.isEmpty()) {
			return;
		}
		AssertionError failure = new AssertionError("The embedded SWF endpoint failed internally " + errors.size()
				+ " time(s); first: " + errors.get(0).getMessage());
		errors.forEach(failure::addSuppressed);
		throw failure;
	}

	/**
	 * Returns how many calls of an operation arrived over HTTP (faulted and throttled ones
	 * included) since the start or the last {@link #resetCallCounts()}.
	 * @param operation the SWF operation, e.g. {@code "RecordActivityTaskHeartbeat"}
	 * @return the count
	 */
	public long callCount(String operation) {
		return this.calls.count(operation);
	}

	/**
	 * Starts every call count again from zero.
	 */
	public void resetCallCounts() {
		this.calls.reset();
	}

	/**
	 * Returns the full history of the execution a scheduled activity belongs to.
	 * @param activity the activity
	 * @return the events, oldest first
	 */
	public List<HistoryEvent> history(ScheduledActivity activity) {
		return history(activity.domain(), activity.workflowId(), activity.runId());
	}

	/**
	 * Returns the full history of an execution.
	 * @param domain the domain
	 * @param execution the execution
	 * @return the events, oldest first
	 */
	public List<HistoryEvent> history(String domain, WorkflowExecution execution) {
		return history(domain, execution.workflowId(), execution.runId());
	}

	private List<HistoryEvent> history(String domain, String workflowId, String runId) {
		List<HistoryEvent> events = new ArrayList<>();
		internalClient()
			.getWorkflowExecutionHistoryPaginator((request) -> request.domain(domain)
				.execution((execution) -> execution.workflowId(workflowId).runId(runId)))
			.forEach((page) -> events.addAll(page.events()));
		return events;
	}

	/**
	 * Returns how many activity tasks are open (scheduled or started) in all domains.
	 * @return the count
	 */
	public int openActivityTaskCount() {
		return this.model.openActivityTaskCount();
	}

	@Override
	public String toString() {
		return "EmbeddedSwf[" + endpoint() + "]";
	}

	/**
	 * Configures and starts an {@link EmbeddedSwf}.
	 */
	public static final class Builder {

		private int port;

		private Duration longPollTimeout = DEFAULT_LONG_POLL_TIMEOUT;

		private boolean swfQuotas;

		private boolean virtualTime;

		private final Map<String, double[]> limits = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the port on 127.0.0.1.
		 * @param port the port, 0 (the default) for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Sets how long an idle poll is held before it is answered with no task; SWF holds it 60
		 * seconds, tests want a second or two.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder longPollTimeout(Duration timeout) {
			if (timeout.isNegative()) {
				throw new IllegalArgumentException("A long-poll timeout cannot be negative");
			}
			this.longPollTimeout = timeout;
			return this;
		}

		/**
		 * Sets whether SWF's throttling quotas apply (off by default).
		 * @param swfQuotas whether they apply
		 * @return this builder
		 */
		public Builder throttling(boolean swfQuotas) {
			this.swfQuotas = swfQuotas;
			return this;
		}

		/**
		 * Limits one operation with a token bucket of its own, whether or not SWF's quotas apply.
		 * @param operation the SWF operation, e.g. {@code "RecordActivityTaskHeartbeat"}
		 * @param bucketSize how many calls a full bucket allows at once
		 * @param refillPerSecond how many tokens return per second
		 * @return this builder
		 */
		public Builder throttling(String operation, int bucketSize, double refillPerSecond) {
			if (bucketSize < 1 || refillPerSecond < 0) {
				throw new IllegalArgumentException("A bucket needs a size of at least 1 and a refill rate of at least 0");
			}
			this.limits.put(operation, new double[] { bucketSize, refillPerSecond });
			return this;
		}

		/**
		 * Runs the endpoint on virtual time: its clock stands still until {@link EmbeddedSwf#advance}
		 * moves it, so a test can let hours of timeouts pass in no time and exactly.
		 * @return this builder
		 */
		public Builder virtualTime() {
			this.virtualTime = true;
			return this;
		}

		/**
		 * Starts the endpoint.
		 * @return the running endpoint
		 */
		public EmbeddedSwf start() {
			return new EmbeddedSwf(this);
		}

	}

}
