package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.swf.SwfAsyncClient;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.engine.HeartbeatAttempt;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import io.github.swfheartbeat.engine.TaskSnapshot;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;

/**
 * The engine as an application uses it: one {@link HeartbeatEngine} on the non-blocking client,
 * one handle per task with the task's heartbeat timeout, and a {@link HeartbeatListener} for what
 * it reports.
 */
final class EngineKeepAlive implements KeepAlive {

	private final KeepAliveLog log = new KeepAliveLog();

	private final SwfAsyncClient client;

	private final SwfAsyncClientTransport transport;

	private final HeartbeatEngine engine;

	private final HeartbeatOptions options;

	private final List<HeartbeatHandle> handles = new ArrayList<>();

	EngineKeepAlive(EmbeddedSwf swf, HeartbeatEngineSettings settings, Duration heartbeatTimeout) {
		this.client = SwfClients.async(swf);
		// As the starter sends heartbeats: over a client of their own, other calls over this one.
		this.transport = SwfAsyncClientTransport.withHeartbeatClient(this.client, SwfClients.heartbeatClient(swf));
		this.engine = new HeartbeatEngine(this.transport, settings);
		this.engine.addListener(new Recorder(this.log));
		this.options = HeartbeatOptions.defaults().withHeartbeatTimeout(heartbeatTimeout);
	}

	@Override
	public String name() {
		return "engine";
	}

	@Override
	public void keep(StartedActivity task) {
		// The endpoint hands the task over in this JVM, without an HTTP answer whose Date header
		// would give the poll's instant; a worker polling over HTTP (or the @SwfActivity container)
		// has it, to the second. Without it the engine would take the task as polled T/3 earlier.
		HeartbeatOptions taskOptions = this.options
			.withActivityTask(ActivityTaskInfo.of(task.task(), task.scheduled().domain()))
			.withPolledAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		synchronized (this.handles) {
			this.handles.add(this.engine.start(task.taskToken(), taskOptions));
		}
	}

	@Override
	public KeepAliveLog log() {
		return this.log;
	}

	HeartbeatEngine engine() {
		return this.engine;
	}

	@Override
	public void close() {
		synchronized (this.handles) {
			this.handles.forEach(HeartbeatHandle::close);
			this.handles.clear();
		}
		this.engine.close();
		this.transport.close();
		this.client.close();
	}

	private record Recorder(KeepAliveLog log) implements HeartbeatListener {

		@Override
		public void onHeartbeat(HeartbeatAttempt attempt) {
			this.log.lateness(attempt.lateness().toNanos());
		}

		@Override
		public void onCancellationRequested(TaskSnapshot task) {
			this.log.cancellationSeen(task.taskToken(), System.nanoTime());
		}

		@Override
		public void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
			this.log.lost(task.taskToken(), reason.name());
		}

	}

}
