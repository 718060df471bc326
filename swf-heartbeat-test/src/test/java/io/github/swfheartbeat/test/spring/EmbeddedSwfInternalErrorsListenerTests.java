package io.github.swfheartbeat.test.spring;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.EmbeddedSwfInternals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link EmbeddedSwfInternalErrorsListener}, with a test context stubbed around a real
 * application context and endpoint.
 */
class EmbeddedSwfInternalErrorsListenerTests {

	private final EmbeddedSwf swf = EmbeddedSwf.start();

	private final GenericApplicationContext context = new GenericApplicationContext();

	private final EmbeddedSwfInternalErrorsListener listener = new EmbeddedSwfInternalErrorsListener();

	@AfterEach
	void close() {
		this.context.close();
		this.swf.close();
	}

	@Test
	void failsTheTestMethodDuringWhichTheEndpointFailedInternally() {
		TestContext testContext = testContextWithEndpoint();
		assertThatNoException().isThrownBy(() -> this.listener.afterTestMethod(testContext));
		EmbeddedSwfInternals.recordInternalError(this.swf, new IllegalStateException("boom"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.listener.afterTestMethod(testContext))
			.withMessageContaining("boom");
		assertThatNoException().isThrownBy(() -> this.listener.afterTestMethod(testContext));
	}

	@Test
	void isRegisteredForEveryTestClass() throws IOException {
		List<String> registered = new ArrayList<>();
		for (URL factories : Collections.list(getClass().getClassLoader()
			.getResources(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION))) {
			registered.add(PropertiesLoaderUtils.loadProperties(new UrlResource(factories))
				.getProperty(TestExecutionListener.class.getName(), ""));
		}
		assertThat(registered).anySatisfy(
				(listeners) -> assertThat(listeners).contains(EmbeddedSwfInternalErrorsListener.class.getName()));
	}

	private TestContext testContextWithEndpoint() {
		this.context.getBeanFactory().registerSingleton(EmbeddedSwfContextCustomizer.BEAN_NAME, this.swf);
		this.context.refresh();
		TestContext testContext = mock(TestContext.class);
		given(testContext.hasApplicationContext()).willReturn(true);
		given(testContext.getApplicationContext()).willReturn(this.context);
		return testContext;
	}

}
