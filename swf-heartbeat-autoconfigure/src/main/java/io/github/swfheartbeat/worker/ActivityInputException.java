package io.github.swfheartbeat.worker;

/**
 * A task's input could not be turned into the parameters of its {@link SwfActivity} method; the
 * task is responded failed with reason {@value #REASON}.
 */
public class ActivityInputException extends RuntimeException {

	/** The reason the task is responded failed with. */
	public static final String REASON = "Invalid input";

	/**
	 * Creates an exception.
	 * @param message what does not fit
	 * @param cause the converter's error
	 */
	public ActivityInputException(String message, Throwable cause) {
		super(message, cause);
	}

}
