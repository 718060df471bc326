package io.github.swfheartbeat.core;

/**
 * A heartbeat could not be recorded.
 */
public class HeartbeatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong, naming the task by its fingerprint only
	 * @param cause the underlying error, may be {@code null}
	 */
	public HeartbeatException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates the exception.
	 * @param message what went wrong, naming the task by its fingerprint only
	 */
	public HeartbeatException(String message) {
		super(message);
	}

}
