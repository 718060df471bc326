package io.github.swfheartbeat.test.json;

/**
 * Thrown when a member of a JSON object has the wrong JSON type, e.g. a number where the API has a
 * string: AWS JSON services refuse such a body as one they cannot deserialize, not as a value that
 * breaks a constraint.
 */
public class JsonTypeException extends RuntimeException {

	/**
	 * Creates an exception for a member of the wrong type.
	 * @param field the member's name
	 * @param expected what the API has there, e.g. "a string"
	 */
	public JsonTypeException(String field, String expected) {
		super("Member '" + field + "' must be " + expected);
	}

}
