package io.github.swfheartbeat.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.swfheartbeat.core.TaskLossReason;

/**
 * Remembers every notification.
 */
final class RecordingListener implements HeartbeatListener {

	final List<TaskSnapshot> started = new CopyOnWriteArrayList<>();

	final List<TaskSnapshot> ended = new CopyOnWriteArrayList<>();

	final List<HeartbeatAttempt> attempts = new CopyOnWriteArrayList<>();

	final List<TaskSnapshot> cancellations = new CopyOnWriteArrayList<>();

	final List<TaskLossReason> losses = new CopyOnWriteArrayList<>();

	final List<TaskSnapshot> lost = new CopyOnWriteArrayList<>();

	@Override
	public void onTaskStarted(TaskSnapshot task) {
		this.started.add(task);
	}

	@Override
	public void onTaskEnded(TaskSnapshot task) {
		this.ended.add(task);
	}

	@Override
	public void onHeartbeat(HeartbeatAttempt attempt) {
		this.attempts.add(attempt);
	}

	@Override
	public void onCancellationRequested(TaskSnapshot task) {
		this.cancellations.add(task);
	}

	@Override
	public void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
		this.lost.add(task);
		this.losses.add(reason);
	}

}
