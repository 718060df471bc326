package io.github.swfheartbeat.test.server;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.swfheartbeat.test.ActivitySpec;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.json.JsonReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies the SDK never sends, over raw HTTP: each is answered promptly with the error AWS JSON
 * services give (400, {@code X-Amzn-Errortype}, {@code __type}), and the endpoint records no
 * fault of its own.
 */
class MalformedRequestTests {

	private static final String DOMAIN = "malformed";

	private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";

	private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static EmbeddedSwf swf;

	@BeforeAll
	static void start() {
		swf = EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)).start();
		swf.registerDomain(DOMAIN);
		swf.registerActivityType(DOMAIN, "Work", "1", Duration.ofSeconds(30));
	}

	@AfterAll
	static void stop() {
		assertThat(swf.internalErrors()).isEmpty();
		swf.close();
	}

	@Test
	void nestingDeeperThanTheLimitIsASerializationError() throws Exception {
		// Within the limit the body parses, and only its member's type is wrong.
		assertThat(post("DescribeDomain", nested(JsonReader.MAXIMUM_NESTING_DEPTH)).body())
			.contains("Member 'name' must be a string");
		HttpResponse<String> tooDeep = post("DescribeDomain", nested(JsonReader.MAXIMUM_NESTING_DEPTH + 1));
		assertError(tooDeep, SERIALIZATION);
		assertThat(tooDeep.body()).contains("nesting depth");
		// The hand-written reader recursed once per level, overflowed its stack here and never answered.
		assertError(post("DescribeDomain", nested(100_000)), SERIALIZATION);
	}

	/**
	 * A DescribeDomain body whose name member is an array nested to the given depth, the object
	 * around it included.
	 */
	private static String nested(int depth) {
		return "{\"name\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
	}

	@Test
	void aRawControlCharacterInAStringIsASerializationError() throws Exception {
		assertError(post("DescribeDomain", "{\"name\":\"mal\u0001formed\"}"), SERIALIZATION);
	}

	@Test
	void aDuplicateMemberIsASerializationError() throws Exception {
		assertError(post("DescribeDomain", "{\"name\":\"nowhere\",\"name\":\"" + DOMAIN + "\"}"), SERIALIZATION);
	}

	@Test
	void malformedUtf8IsASerializationError() throws Exception {
		byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[prefix.length + 4];
		System.arraycopy(prefix, 0, body, 0, prefix.length);
		// A lead byte of a two-byte sequence followed by an ASCII byte, then the end of the document.
		body[prefix.length] = (byte) 0xC3;
		body[prefix.length + 1] = '(';
		body[prefix.length + 2] = '"';
		body[prefix.length + 3] = '}';
		assertError(post("DescribeDomain", body), SERIALIZATION);
	}

	@Test
	void aMemberOfTheWrongTypeIsASerializationError() throws Exception {
		String token = swf.startActivity(ActivitySpec.of(DOMAIN, "Work", "1")).taskToken();
		assertError(post("RecordActivityTaskHeartbeat", "{\"taskToken\":\"" + token + "\",\"details\":42}"),
				SERIALIZATION);
		assertError(post("RecordActivityTaskHeartbeat", "{\"taskToken\":[\"" + token + "\"]}"), SERIALIZATION);
		assertThat(swf.activityTask(token).heartbeatCount()).isZero();
	}

	@Test
	void aBodyOverSwfsOneMegabyteLimitIsRefused() throws Exception {
		String member = "{\"name\":\"" + DOMAIN + "\"}";
		String atLimit = member + " ".repeat(1024 * 1024 - member.length());
		assertThat(post("DescribeDomain", atLimit).statusCode()).isEqualTo(200);
		assertError(post("DescribeDomain", atLimit + " "), VALIDATION);
	}

	@Test
	void trailingContentIsASerializationError() throws Exception {
		assertError(post("DescribeDomain", "{\"name\":\"" + DOMAIN + "\"} {}"), SERIALIZATION);
	}

	private static void assertError(HttpResponse<String> response, String type) {
		assertThat(response.statusCode()).isEqualTo(400);
		String shortName = type.substring(type.indexOf('#') + 1);
		assertThat(response.headers().firstValue("X-Amzn-Errortype")).hasValueSatisfying(
				(errorType) -> assertThat(errorType).startsWith(shortName + ":"));
		assertThat(response.body()).contains("\"__type\":\"" + type + "\"");
	}

	private static HttpResponse<String> post(String operation, String body) throws IOException, InterruptedException {
		return post(operation, body.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> post(String operation, byte[] body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(swf.endpoint())
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-amz-json-1.0")
			.header("X-Amz-Target", "SimpleWorkflowService." + operation)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
