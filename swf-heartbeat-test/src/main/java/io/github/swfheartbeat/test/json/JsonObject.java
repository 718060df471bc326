package io.github.swfheartbeat.test.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object with typed, validating accessors for its members.
 *
 * <p>Accessors return {@code null} for a missing member, throw {@link JsonTypeException} for a
 * member of the wrong type and {@link JsonFieldException} for one outside its length bounds, so
 * request handlers read their input in one line per member.
 */
public final class JsonObject {

	private final Map<String, Object> members;

	/**
	 * Creates an empty object.
	 */
	public JsonObject() {
		this(new LinkedHashMap<>());
	}

	/**
	 * Creates an object backed by the given members.
	 * @param members the members, kept by reference
	 */
	public JsonObject(Map<String, Object> members) {
		this.members = members;
	}

	/**
	 * Returns the members, in insertion order.
	 * @return the live, unmodifiable view of the members
	 */
	public Map<String, Object> members() {
		return Collections.unmodifiableMap(this.members);
	}

	/**
	 * Sets a member; a {@code null} value removes it, since AWS JSON omits absent members.
	 * @param name the member's name
	 * @param value the value
	 * @return this object
	 */
	public JsonObject put(String name, Object value) {
		if (value == null) {
			this.members.remove(name);
		}
		else {
			this.members.put(name, value);
		}
		return this;
	}

	/**
	 * Returns a member's raw value.
	 * @param name the member's name
	 * @return the value or {@code null}
	 */
	public Object get(String name) {
		return this.members.get(name);
	}

	/**
	 * Tells whether a member is present.
	 * @param name the member's name
	 * @return whether it is present
	 */
	public boolean has(String name) {
		return this.members.get(name) != null;
	}

	/**
	 * Returns a string member.
	 * @param name the member's name
	 * @return the value or {@code null}
	 */
	public String string(String name) {
		Object value = this.members.get(name);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new JsonTypeException(name, "a string");
	}

	/**
	 * Returns an optional string member whose length must lie within bounds.
	 * @param name the member's name
	 * @param minLength the least length allowed
	 * @param maxLength the greatest length allowed
	 * @return the value or {@code null}
	 */
	public String string(String name, int minLength, int maxLength) {
		String value = string(name);
		if (value != null) {
			checkLength(name, value, minLength, maxLength);
		}
		return value;
	}

	/**
	 * Returns a required string member whose length must lie within bounds.
	 * @param name the member's name
	 * @param minLength the least length allowed
	 * @param maxLength the greatest length allowed
	 * @return the value
	 */
	public String requiredString(String name, int minLength, int maxLength) {
		String value = string(name);
		if (value == null) {
			throw new JsonFieldException(name, null, "Member must not be null");
		}
		checkLength(name, value, minLength, maxLength);
		return value;
	}

	/**
	 * Returns a required string member that must be one of the values of an enumeration.
	 * @param name the member's name
	 * @param allowed the values the API defines
	 * @return the value
	 */
	public String requiredEnum(String name, List<String> allowed) {
		String value = requiredString(name, 0, Integer.MAX_VALUE);
		if (!allowed.contains(value)) {
			throw new JsonFieldException(name, value, "Member must satisfy enum value set: " + allowed);
		}
		return value;
	}

	/**
	 * Returns an object member.
	 * @param name the member's name
	 * @return the value or {@code null}
	 */
	public JsonObject object(String name) {
		Object value = this.members.get(name);
		if (value == null || value instanceof JsonObject) {
			return (JsonObject) value;
		}
		throw new JsonTypeException(name, "a structure");
	}

	/**
	 * Returns a required object member.
	 * @param name the member's name
	 * @return the value
	 */
	public JsonObject requiredObject(String name) {
		JsonObject value = object(name);
		if (value == null) {
			throw new JsonFieldException(name, null, "Member must not be null");
		}
		return value;
	}

	/**
	 * Returns an array member whose elements are objects; a missing member is an empty list.
	 * @param name the member's name
	 * @return the elements
	 */
	public List<JsonObject> objects(String name) {
		return elements(name, JsonObject.class, "a list of structures");
	}

	/**
	 * Returns an array member whose elements are strings; a missing member is an empty list.
	 * @param name the member's name
	 * @return the elements
	 */
	public List<String> strings(String name) {
		return elements(name, String.class, "a list of strings");
	}

	private <E> List<E> elements(String name, Class<E> type, String expected) {
		Object value = this.members.get(name);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new JsonTypeException(name, "a list");
		}
		List<E> elements = new ArrayList<>(list.size());
		for (Object element : list) {
			if (!type.isInstance(element)) {
				throw new JsonTypeException(name, expected);
			}
			elements.add(type.cast(element));
		}
		return elements;
	}

	/**
	 * Returns a number member, integer or not, such as a timestamp in epoch seconds.
	 * @param name the member's name
	 * @return the value or {@code null}
	 */
	public BigDecimal decimal(String name) {
		Object value = this.members.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Long number) {
			return BigDecimal.valueOf(number);
		}
		if (value instanceof Double number && Double.isFinite(number)) {
			return BigDecimal.valueOf(number);
		}
		throw new JsonTypeException(name, "a number");
	}

	/**
	 * Returns an integer member.
	 * @param name the member's name
	 * @return the value or {@code null}
	 */
	public Long integer(String name) {
		Object value = this.members.get(name);
		if (value == null || value instanceof Long) {
			return (Long) value;
		}
		throw new JsonTypeException(name, "an integer");
	}

	/**
	 * Returns a boolean member.
	 * @param name the member's name
	 * @param defaultValue the value for a missing member
	 * @return the value
	 */
	public boolean bool(String name, boolean defaultValue) {
		Object value = this.members.get(name);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw new JsonTypeException(name, "a boolean");
	}

	private static void checkLength(String name, String value, int minLength, int maxLength) {
		if (value.length() < minLength) {
			throw new JsonFieldException(name, value,
					"Member must have length greater than or equal to " + minLength);
		}
		if (value.length() > maxLength) {
			throw new JsonFieldException(name, value, "Member must have length less than or equal to " + maxLength);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof JsonObject object && this.members.equals(object.members);
	}

	@Override
	public int hashCode() {
		return this.members.hashCode();
	}

	@Override
	public String toString() {
		return JsonWriter.write(this);
	}

}
