package io.github.swfheartbeat.test.state;

import java.util.function.Consumer;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * One SWF API operation: reads the request's members and answers with the response's, now or,
 * for a long poll, later from another thread.
 */
@FunctionalInterface
public interface Operation {

	/**
	 * Runs the operation.
	 * @param input the request's members
	 * @param reply receives the response's members, exactly once
	 * @throws SwfFault for a fault SWF would return
	 * @throws io.github.swfheartbeat.test.json.JsonFieldException for a malformed member
	 */
	void invoke(JsonObject input, Consumer<JsonObject> reply);

}
