package io.github.swfheartbeat.test.json;

/**
 * Thrown when a request body is not well-formed JSON, or breaks the reader's limits.
 */
public class JsonSyntaxException extends RuntimeException {

	/**
	 * Creates an exception for a syntax error at a position of the input.
	 * @param message what is wrong
	 * @param position the byte offset where it was found
	 */
	public JsonSyntaxException(String message, long position) {
		super(message + " at offset " + position);
	}

}
