package io.github.swfheartbeat.worker;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads inputs and writes results as JSON with a Jackson {@link JsonMapper}.
 */
public final class JsonActivityPayloadConverter implements ActivityPayloadConverter {

	private final JsonMapper mapper;

	/**
	 * Creates a converter.
	 * @param mapper the mapper, usually Boot's
	 */
	public JsonActivityPayloadConverter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public @Nullable Object read(@Nullable String input, Type type) {
		if (input == null || input.isEmpty()) {
			return null;
		}
		return this.mapper.readValue(input, this.mapper.constructType(type));
	}

	@Override
	public String write(Object result) {
		return this.mapper.writeValueAsString(result);
	}

}
