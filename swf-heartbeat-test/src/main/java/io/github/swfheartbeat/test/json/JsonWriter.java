package io.github.swfheartbeat.test.json;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain Java values (maps, {@link JsonObject}s, collections, strings, numbers, booleans and
 * {@code null}) as compact JSON text.
 */
public final class JsonWriter {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonWriter() {
	}

	/**
	 * Writes a value as JSON.
	 * @param value the value
	 * @return its JSON text
	 */
	public static String write(Object value) {
		StringBuilder builder = new StringBuilder(128);
		append(builder, value);
		return builder.toString();
	}

	private static void append(StringBuilder builder, Object value) {
		if (value == null) {
			builder.append("null");
		}
		else if (value instanceof String string) {
			appendString(builder, string);
		}
		else if (value instanceof JsonObject object) {
			appendMap(builder, object.members());
		}
		else if (value instanceof Map<?, ?> map) {
			appendMap(builder, map);
		}
		else if (value instanceof Collection<?> collection) {
			builder.append('[');
			boolean first = true;
			for (Object element : collection) {
				if (!first) {
					builder.append(',');
				}
				first = false;
				append(builder, element);
			}
			builder.append(']');
		}
		else if (value instanceof BigDecimal decimal) {
			builder.append(decimal.toPlainString());
		}
		else if (value instanceof Number || value instanceof Boolean) {
			builder.append(value);
		}
		else if (value instanceof Enum<?> constant) {
			appendString(builder, constant.name());
		}
		else {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON");
		}
	}

	private static void appendMap(StringBuilder builder, Map<?, ?> map) {
		builder.append('{');
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (entry.getValue() == null) {
				// AWS JSON omits absent members rather than sending null.
				continue;
			}
			if (!first) {
				builder.append(',');
			}
			first = false;
			appendString(builder, String.valueOf(entry.getKey()));
			builder.append(':');
			append(builder, entry.getValue());
		}
		builder.append('}');
	}

	private static void appendString(StringBuilder builder, String string) {
		builder.append('"');
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '"' -> builder.append("\\\"");
				case '\\' -> builder.append("\\\\");
				case '\n' -> builder.append("\\n");
				case '\r' -> builder.append("\\r");
				case '\t' -> builder.append("\\t");
				default -> {
					if (c < 0x20) {
						builder.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
					}
					else {
						builder.append(c);
					}
				}
			}
		}
		builder.append('"');
	}

}
