package io.github.swfheartbeat.test.json;

/**
 * Thrown when a member of a JSON object is missing or breaks a constraint; the message follows the
 * wording AWS services use for validation errors.
 */
public class JsonFieldException extends RuntimeException {

	/**
	 * Creates an exception for a member that breaks a constraint.
	 * @param field the member's name
	 * @param value the offending value, or {@code null} if the member is missing
	 * @param constraint the constraint, e.g. "Member must not be null"
	 */
	public JsonFieldException(String field, Object value, String constraint) {
		super("1 validation error detected: Value " + describe(field, value) + " at '" + field
				+ "' failed to satisfy constraint: " + constraint);
	}

	private static String describe(String field, Object value) {
		if (value == null) {
			return "null";
		}
		if (field.endsWith("Token")) {
			// Task tokens are credentials of a sort: never echo one back.
			return "'***'";
		}
		String text = String.valueOf(value);
		// Echo only a short prefix of what the caller sent; it may be long or sensitive.
		return "'" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "'";
	}

}
