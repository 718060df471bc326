package io.github.swfheartbeat.test.json;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonReader} and {@link JsonWriter}.
 */
class JsonReaderWriterTests {

	@Test
	void readsEveryKindOfValue() {
		JsonObject object = JsonReader.parseObject(
				" {\"s\":\"a\\\"b\\\\c\\n\\u00e9\",\"i\":-12,\"d\":1.5e3,\"t\":true,\"f\":false,\"n\":null,"
						+ "\"a\":[1,{\"x\":[]}],\"o\":{}} ");
		assertThat(object.string("s")).isEqualTo("a\"b\\c\né");
		assertThat(object.integer("i")).isEqualTo(-12L);
		assertThat(object.get("d")).isEqualTo(1500.0);
		assertThat(object.bool("t", false)).isTrue();
		assertThat(object.bool("f", true)).isFalse();
		assertThat(object.has("n")).isFalse();
		assertThat((List<?>) object.get("a")).hasSize(2);
		assertThat(object.object("o").members()).isEmpty();
	}

	@Test
	void anEmptyBodyIsAnEmptyObject() {
		assertThat(JsonReader.parseObject("").members()).isEmpty();
	}

	@Test
	void rejectsMalformedText() {
		for (String text : List.of("{", "{\"a\"}", "{\"a\":1,}", "[1 2]", "{\"a\":tru}", "\"open", "{} x", "[1]")) {
			assertThatExceptionOfType(JsonSyntaxException.class).as(text).isThrownBy(() -> JsonReader.parseObject(text));
		}
	}

	@Test
	void writesWhatItReads() {
		JsonObject object = new JsonObject().put("text", "q\"\\\n\t\u0001")
			.put("number", 42L)
			.put("timestamp", BigDecimal.valueOf(1700000000123L, 3))
			.put("flag", true)
			.put("list", List.of("a", new JsonObject().put("b", 1L)))
			.put("absent", null);
		String text = JsonWriter.write(object);
		assertThat(text).contains("\"timestamp\":1700000000.123").doesNotContain("absent").contains("\\u0001");
		JsonObject read = JsonReader.parseObject(text);
		assertThat(read.string("text")).isEqualTo("q\"\\\n\t\u0001");
		assertThat(read.integer("number")).isEqualTo(42L);
		assertThat(read.get("timestamp")).isEqualTo(1700000000.123);
	}

	@Test
	void validatesMembers() {
		JsonObject object = JsonReader.parseObject("{\"token\":\"\",\"name\":7,\"taskToken\":\"secret\"}");
		assertThatExceptionOfType(JsonFieldException.class).isThrownBy(() -> object.requiredString("token", 1, 10))
			.withMessageContaining("at 'token'")
			.withMessageContaining("greater than or equal to 1");
		assertThatExceptionOfType(JsonFieldException.class).isThrownBy(() -> object.requiredString("missing", 1, 10))
			.withMessageContaining("must not be null");
		assertThatExceptionOfType(JsonTypeException.class).isThrownBy(() -> object.string("name"));
		assertThatExceptionOfType(JsonFieldException.class).isThrownBy(() -> object.requiredString("taskToken", 1, 2))
			.withMessageNotContaining("secret");
	}

}
