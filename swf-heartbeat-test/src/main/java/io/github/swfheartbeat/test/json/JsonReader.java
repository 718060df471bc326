package io.github.swfheartbeat.test.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text into plain Java values: {@link JsonObject}, {@link List}, {@link String},
 * {@link Long} or {@link Double}, {@link Boolean} and {@code null}.
 */
public final class JsonReader {

	private final String text;

	private int position;

	private JsonReader(String text) {
		this.text = text;
	}

	/**
	 * Parses a JSON document.
	 * @param text the document
	 * @return the value it holds
	 * @throws JsonSyntaxException if the text is not well-formed JSON
	 */
	public static Object parse(String text) {
		JsonReader reader = new JsonReader(text);
		reader.skipWhitespace();
		Object value = reader.readValue();
		reader.skipWhitespace();
		if (reader.position != text.length()) {
			throw new JsonSyntaxException("Unexpected trailing content", reader.position);
		}
		return value;
	}

	/**
	 * Parses a JSON document that must be an object; an empty document counts as an empty object,
	 * as AWS JSON services accept it.
	 * @param text the document
	 * @return the object
	 * @throws JsonSyntaxException if the text is not a well-formed JSON object
	 */
	public static JsonObject parseObject(String text) {
		if (text.isBlank()) {
			return new JsonObject();
		}
		Object value = parse(text);
		if (!(value instanceof JsonObject object)) {
			throw new JsonSyntaxException("Expected a JSON object", 0);
		}
		return object;
	}

	private Object readValue() {
		if (this.position >= this.text.length()) {
			throw new JsonSyntaxException("Unexpected end of input", this.position);
		}
		char c = this.text.charAt(this.position);
		switch (c) {
			case '{':
				return readObject();
			case '[':
				return readArray();
			case '"':
				return readString();
			case 't':
				expectWord("true");
				return Boolean.TRUE;
			case 'f':
				expectWord("false");
				return Boolean.FALSE;
			case 'n':
				expectWord("null");
				return null;
			default:
				if (c == '-' || (c >= '0' && c <= '9')) {
					return readNumber();
				}
				throw new JsonSyntaxException("Unexpected character '" + c + "'", this.position);
		}
	}

	private JsonObject readObject() {
		Map<String, Object> members = new LinkedHashMap<>();
		this.position++;
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return new JsonObject(members);
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw new JsonSyntaxException("Expected a member name", this.position);
			}
			String name = readString();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			members.put(name, readValue());
			skipWhitespace();
			char c = next();
			if (c == '}') {
				return new JsonObject(members);
			}
			if (c != ',') {
				throw new JsonSyntaxException("Expected ',' or '}'", this.position - 1);
			}
		}
	}

	private List<Object> readArray() {
		List<Object> elements = new ArrayList<>();
		this.position++;
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return elements;
		}
		while (true) {
			skipWhitespace();
			elements.add(readValue());
			skipWhitespace();
			char c = next();
			if (c == ']') {
				return elements;
			}
			if (c != ',') {
				throw new JsonSyntaxException("Expected ',' or ']'", this.position - 1);
			}
		}
	}

	private String readString() {
		this.position++;
		int start = this.position;
		// Fast path: most strings have no escapes.
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c == '"') {
				return this.text.substring(start, this.position++);
			}
			if (c == '\\') {
				break;
			}
			this.position++;
		}
		StringBuilder builder = new StringBuilder(this.text.substring(start, this.position));
		while (true) {
			char c = next();
			if (c == '"') {
				return builder.toString();
			}
			if (c != '\\') {
				builder.append(c);
				continue;
			}
			char escaped = next();
			switch (escaped) {
				case '"', '\\', '/' -> builder.append(escaped);
				case 'b' -> builder.append('\b');
				case 'f' -> builder.append('\f');
				case 'n' -> builder.append('\n');
				case 'r' -> builder.append('\r');
				case 't' -> builder.append('\t');
				case 'u' -> builder.append(readUnicodeEscape());
				default -> throw new JsonSyntaxException("Bad escape '\\" + escaped + "'", this.position - 1);
			}
		}
	}

	private char readUnicodeEscape() {
		if (this.position + 4 > this.text.length()) {
			throw new JsonSyntaxException("Truncated unicode escape", this.position);
		}
		try {
			char c = (char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16);
			this.position += 4;
			return c;
		}
		catch (NumberFormatException ex) {
			throw new JsonSyntaxException("Bad unicode escape", this.position);
		}
	}

	private Number readNumber() {
		int start = this.position;
		boolean integral = true;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c == '.' || c == 'e' || c == 'E') {
				integral = false;
			}
			else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
				break;
			}
			this.position++;
		}
		String number = this.text.substring(start, this.position);
		try {
			if (integral) {
				try {
					return Long.parseLong(number);
				}
				catch (NumberFormatException ex) {
					return Double.parseDouble(number);
				}
			}
			return Double.parseDouble(number);
		}
		catch (NumberFormatException ex) {
			throw new JsonSyntaxException("Bad number '" + number + "'", start);
		}
	}

	private void expectWord(String word) {
		if (!this.text.startsWith(word, this.position)) {
			throw new JsonSyntaxException("Expected '" + word + "'", this.position);
		}
		this.position += word.length();
	}

	private void expect(char expected) {
		if (next() != expected) {
			throw new JsonSyntaxException("Expected '" + expected + "'", this.position - 1);
		}
	}

	private char peek() {
		if (this.position >= this.text.length()) {
			throw new JsonSyntaxException("Unexpected end of input", this.position);
		}
		return this.text.charAt(this.position);
	}

	private char next() {
		char c = peek();
		this.position++;
		return c;
	}

	private void skipWhitespace() {
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				return;
			}
			this.position++;
		}
	}

}
