package io.github.swfheartbeat.core;

import org.jspecify.annotations.Nullable;

/**
 * Validation of task tokens against the limits SWF enforces, so bad input fails before any
 * network call.
 */
public final class TaskTokens {

	/** Longest task token SWF accepts. */
	public static final int MAX_LENGTH = 1024;

	private TaskTokens() {
	}

	/**
	 * Checks that a task token could be valid.
	 * @param taskToken the token to check
	 * @return the same token
	 * @throws IllegalArgumentException if the token is null, blank or longer than 1,024 characters
	 */
	public static String requireValid(@Nullable String taskToken) {
		if (taskToken == null) {
			throw new IllegalArgumentException("taskToken must not be null");
		}
		if (taskToken.isBlank()) {
			throw new IllegalArgumentException("taskToken must not be blank");
		}
		if (taskToken.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("taskToken is " + taskToken.length()
					+ " characters long; SWF accepts at most " + MAX_LENGTH + " (" + TaskTokenFingerprint.of(taskToken) + ")");
		}
		return taskToken;
	}

}
