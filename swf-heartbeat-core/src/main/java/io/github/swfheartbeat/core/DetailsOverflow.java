package io.github.swfheartbeat.core;

/**
 * What to do with heartbeat details longer than SWF accepts (2,048 characters).
 */
public enum DetailsOverflow {

	/** Cut the details to the limit and log a warning once per task. */
	TRUNCATE,

	/** Reject the details with an {@link IllegalArgumentException}. */
	FAIL

}
