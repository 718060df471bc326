package io.github.swfheartbeat.sample.transcode;

/**
 * Where a transcode is in its life, as this application saw it.
 */
public enum TranscodeState {

	/** Its workflow started; no worker runs its activity task yet. */
	SCHEDULED,

	/** A worker runs its activity task. */
	RUNNING,

	/** The activity completed and the worker responded completed. */
	COMPLETED,

	/** The activity stopped on a cancellation request and responded canceled. */
	CANCELED,

	/** SWF no longer accepts the activity task: it timed out or the engine gave it up. */
	LOST,

	/** The activity failed, or the worker stopped while it ran. */
	FAILED;

	/**
	 * Whether the transcode's activity has ended.
	 * @return whether the state is final
	 */
	public boolean isFinished() {
		return this != SCHEDULED && this != RUNNING;
	}

}
