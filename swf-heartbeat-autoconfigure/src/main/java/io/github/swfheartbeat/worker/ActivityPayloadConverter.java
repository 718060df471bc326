package io.github.swfheartbeat.worker;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

/**
 * Turns a task's input into a parameter and a method's result into the task's result, for
 * parameters and results other than {@code String}. The starter's converter uses Boot's JSON
 * mapper.
 */
public interface ActivityPayloadConverter {

	/**
	 * Reads a task's input.
	 * @param input the input, {@code null} when the task has none
	 * @param type the parameter's type
	 * @return the value
	 * @throws RuntimeException if the input does not fit the type
	 */
	@Nullable Object read(@Nullable String input, Type type);

	/**
	 * Writes a method's result.
	 * @param result the result, not a {@code String}
	 * @return the task's result
	 */
	String write(Object result);

}
