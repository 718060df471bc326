package io.github.swfheartbeat.test.state;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.SwfRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the SDK's SWF service model, one {@link SwfClient} method per operation, and calls every
 * operation through the real client: the endpoint must know each one.
 */
class SwfOperationsCoverageTests {

	private static ModelOverHttp endpoint;

	@BeforeAll
	static void start() {
		endpoint = new ModelOverHttp(Duration.ofSeconds(1));
	}

	@AfterAll
	static void stop() {
		endpoint.close();
	}

	/**
	 * The operations of the SDK's model: each has a method taking its request object.
	 */
	private static List<Method> sdkOperations() {
		return Arrays.stream(SwfClient.class.getMethods())
			.filter((method) -> method.getParameterCount() == 1
					&& SwfRequest.class.isAssignableFrom(method.getParameterTypes()[0])
					&& method.getReturnType().getSimpleName().endsWith("Response"))
			.toList();
	}

	private static String operationName(Method method) {
		String request = method.getParameterTypes()[0].getSimpleName();
		return request.substring(0, request.length() - "Request".length());
	}

	@Test
	void theEndpointImplementsExactlyTheOperationsOfTheSdksModel() {
		List<String> sdk = sdkOperations().stream().map(SwfOperationsCoverageTests::operationName).toList();
		// SDK 2.40.2's model of SWF has 39 operations.
		assertThat(sdk).hasSize(39);
		assertThat(endpoint.model.operationNames()).containsExactlyInAnyOrderElementsOf(sdk);
	}

	@Test
	void everyOperationAnswersThroughTheSdk() throws Exception {
		for (Method method : sdkOperations()) {
			Object built = ((SdkBuilder<?, ?>) method.getParameterTypes()[0].getMethod("builder").invoke(null)).build();
			try {
				method.invoke(endpoint.client, built);
			}
			catch (InvocationTargetException ex) {
				if (!(ex.getCause() instanceof SwfException swf)) {
					throw new AssertionError(operationName(method) + " failed on the client side", ex.getCause());
				}
				// Every operation has a required member, so an empty request is a validation
				// error: never an unknown operation, never a serialization error.
				assertThat(swf.awsErrorDetails().errorCode()).as(operationName(method))
					.isEqualTo("ValidationException");
			}
		}
	}

}
