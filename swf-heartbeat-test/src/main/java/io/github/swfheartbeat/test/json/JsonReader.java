package io.github.swfheartbeat.test.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses request bodies with Jackson's streaming parser into plain Java values: {@link JsonObject},
 * {@link List}, {@link String}, {@link Long} or {@link Double}, {@link Boolean} and {@code null}.
 *
 * <p>Stricter than JSON allows, as an AWS JSON service is: a member name may appear once per
 * object, nesting is limited, raw control characters and malformed UTF-8 are refused.
 */
public final class JsonReader {

	/**
	 * How deep objects and arrays may nest; SWF's deepest request (a decision's attributes inside
	 * RespondDecisionTaskCompleted) nests five levels.
	 */
	public static final int MAXIMUM_NESTING_DEPTH = 32;

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAXIMUM_NESTING_DEPTH).build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private JsonReader() {
	}

	/**
	 * Parses a UTF-8 JSON document that must be an object; an empty document counts as an empty
	 * object, as AWS JSON services accept it.
	 * @param body the document's bytes
	 * @return the object
	 * @throws JsonSyntaxException if the bytes are not one well-formed JSON object within the limits
	 */
	public static JsonObject parseObject(byte[] body) {
		if (isBlank(body)) {
			return new JsonObject();
		}
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new JsonSyntaxException("Expected a JSON object", 0);
			}
			JsonObject object = readObject(parser);
			if (parser.nextToken() != null) {
				throw new JsonSyntaxException("Unexpected trailing content",
						parser.currentTokenLocation().getByteOffset());
			}
			return object;
		}
		catch (JacksonException ex) {
			throw new JsonSyntaxException(ex.getOriginalMessage(),
					(ex.getLocation() != null) ? ex.getLocation().getByteOffset() : 0);
		}
	}

	/**
	 * Parses a JSON document that must be an object.
	 * @param text the document
	 * @return the object
	 * @throws JsonSyntaxException if the text is not one well-formed JSON object within the limits
	 */
	public static JsonObject parseObject(String text) {
		return parseObject(text.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

	private static JsonObject readObject(JsonParser parser) {
		Map<String, Object> members = new LinkedHashMap<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			members.put(name, readValue(parser));
		}
		return new JsonObject(members);
	}

	private static List<Object> readArray(JsonParser parser) {
		List<Object> elements = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			elements.add(readValue(parser));
		}
		return elements;
	}

	private static Object integer(JsonParser parser) {
		// Beyond a long, an integer is of no use to SWF's API; it fails the integer member it is in.
		if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
			return parser.getDoubleValue();
		}
		return parser.getLongValue();
	}

	private static Object readValue(JsonParser parser) {
		JsonToken token = parser.currentToken();
		return switch (token) {
			case START_OBJECT -> readObject(parser);
			case START_ARRAY -> readArray(parser);
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT -> integer(parser);
			case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> throw new JsonSyntaxException("Unexpected " + token, parser.currentTokenLocation().getByteOffset());
		};
	}

}
