package io.github.swfheartbeat.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.swfheartbeat.core.HeartbeatTemplate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfClient;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps one {@link SwfActivityContainer} per domain and task list of the
 * {@link SwfActivity @SwfActivity} methods: creates them when the application context has been
 * refreshed, starts them, and stops them first on shutdown, before the heartbeat engine, so that
 * tasks that finish while stopping keep their heartbeats until they are responded.
 */
public class SwfActivityContainerRegistry implements SmartLifecycle {

	/**
	 * The lifecycle phase of the containers: they start before the web server and stop after it,
	 * and stop long before the heartbeat engine.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(SwfActivityContainerRegistry.class);

	private final Supplier<List<SwfActivityMethod>> methods;

	private final SwfActivityEndpointFactory endpointFactory;

	private final @Nullable SwfClient swf;

	private final HeartbeatTemplate heartbeats;

	private final @Nullable ActivityPayloadConverter converter;

	private final Function<TaskListKey, ContainerSettings> settings;

	private final Backoff respondBackoff;

	private final Function<TaskListKey, ThreadFactory> threads;

	private final SwfWorkerListener listener;

	private final boolean registerActivityTypes;

	private final Map<TaskListKey, SwfActivityContainer> containers = new LinkedHashMap<>();

	private @Nullable ScheduledExecutorService stallDetector;

	private volatile boolean running;

	/**
	 * Creates a registry.
	 * @param methods the annotated methods, read when the registry starts
	 * @param endpointFactory resolves the methods' attributes
	 * @param swf the client that polls and responds; needed only when there are methods
	 * @param heartbeats the template that heartbeats the tasks
	 * @param converter reads JSON inputs and writes results, {@code null} for {@code String} only
	 * @param settings each task list's settings
	 * @param respondBackoff backoff between respond attempts
	 * @param threads each task list's thread factory, for pollers and tasks
	 * @param listener hears what the containers do
	 * @param registerActivityTypes whether to register missing activity types at start-up
	 */
	public SwfActivityContainerRegistry(Supplier<List<SwfActivityMethod>> methods,
			SwfActivityEndpointFactory endpointFactory, @Nullable SwfClient swf, HeartbeatTemplate heartbeats,
			@Nullable ActivityPayloadConverter converter, Function<TaskListKey, ContainerSettings> settings,
			Backoff respondBackoff, Function<TaskListKey, ThreadFactory> threads, SwfWorkerListener listener,
			boolean registerActivityTypes) {
		this.methods = methods;
		this.endpointFactory = endpointFactory;
		this.swf = swf;
		this.heartbeats = heartbeats;
		this.converter = converter;
		this.settings = settings;
		this.respondBackoff = respondBackoff;
		this.threads = threads;
		this.listener = listener;
		this.registerActivityTypes = registerActivityTypes;
	}

	/**
	 * Returns the containers, one per domain and task list.
	 * @return the containers
	 */
	public synchronized List<SwfActivityContainer> containers() {
		return List.copyOf(this.containers.values());
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		if (this.containers.isEmpty()) {
			createContainers();
		}
		if (this.containers.isEmpty()) {
			this.running = true;
			return;
		}
		if (this.registerActivityTypes) {
			new ActivityTypeRegistrar(requireClient()).registerMissing(
					this.containers.values().stream().flatMap((container) -> container.endpoints().stream()).toList());
		}
		startStallDetection();
		this.containers.values().forEach(SwfActivityContainer::start);
		this.running = true;
	}

	private SwfClient requireClient() {
		if (this.swf == null) {
			throw new IllegalStateException("@SwfActivity methods need an SwfClient bean to poll and respond with: "
					+ "let the starter create one (swf.client.*) or define one");
		}
		return this.swf;
	}

	private void createContainers() {
		Map<TaskListKey, List<SwfActivityEndpoint>> byTaskList = new LinkedHashMap<>();
		for (SwfActivityMethod method : this.methods.get()) {
			SwfActivityEndpoint endpoint = this.endpointFactory.create(method);
			byTaskList.computeIfAbsent(endpoint.taskListKey(), (key) -> new ArrayList<>()).add(endpoint);
		}
		if (byTaskList.isEmpty()) {
			return;
		}
		SwfClient client = requireClient();
		byTaskList.forEach((key, endpoints) -> {
			ContainerSettings containerSettings = this.settings.apply(key);
			ActivityResponder responder = new ActivityResponder(client, containerSettings.identity(),
					this.respondBackoff);
			this.containers.put(key, new SwfActivityContainer(key, endpoints, this.converter, client,
					this.heartbeats, responder, containerSettings, this.threads.apply(key), this.listener));
		});
	}

	private void startStallDetection() {
		Duration shortest = this.containers.values()
			.stream()
			.flatMap((container) -> container.endpoints().stream())
			.map(SwfActivityEndpoint::progressTimeout)
			.filter((timeout) -> timeout != null)
			.min(Duration::compareTo)
			.orElse(null);
		if (shortest == null) {
			return;
		}
		// A quarter of the shortest timeout: a stall is noticed at most 25% late.
		long period = Math.max(10, Math.min(1000, shortest.toMillis() / 4));
		ScheduledExecutorService detector = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "swf-worker-stall-detector");
			thread.setDaemon(true);
			return thread;
		});
		detector.scheduleWithFixedDelay(this::detectStalls, period, period, TimeUnit.MILLISECONDS);
		this.stallDetector = detector;
	}

	private void detectStalls() {
		try {
			long now = System.nanoTime();
			containers().forEach((container) -> container.detectStalls(now));
		}
		catch (RuntimeException ex) {
			logger.warn("Stall detection failed", ex);
		}
	}

	@Override
	public void stop() {
		List<SwfActivityContainer> toStop;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			toStop = containers();
		}
		// In parallel: each container may wait its grace period.
		CompletableFuture<?>[] stops = toStop.stream()
			.map((container) -> CompletableFuture.runAsync(container::stop, (task) -> {
				Thread thread = new Thread(task, "swf-worker-stop-" + container.key().taskList());
				thread.setDaemon(true);
				thread.start();
			}))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(stops).join();
		synchronized (this) {
			ScheduledExecutorService detector = this.stallDetector;
			if (detector != null) {
				detector.shutdownNow();
				this.stallDetector = null;
			}
			this.running = false;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
