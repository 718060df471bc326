package io.github.swfheartbeat.test.junit;

import org.junit.jupiter.api.Test;

import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.EmbeddedSwfInternals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link EmbeddedSwfExtension} fails the test during which the endpoint's own code failed, and
 * passes the others. The extension's callbacks are driven by hand, as JUnit would call them.
 */
class EmbeddedSwfExtensionInternalErrorsTests {

	@Test
	void aTestDuringWhichTheEndpointFailedInternallyFails() {
		EmbeddedSwfExtension extension = new EmbeddedSwfExtension();
		extension.beforeAll(null);
		extension.beforeEach(null);
		EmbeddedSwf endpoint = extension.get();
		extension.afterEach(null);
		extension.beforeEach(null);
		EmbeddedSwfInternals.recordInternalError(endpoint, new IllegalStateException("boom"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> extension.afterEach(null))
			.withMessageContaining("failed internally 1 time(s)")
			.withMessageContaining("boom");
		assertThat(endpoint.internalErrors()).isEmpty();
		extension.beforeEach(null);
		extension.afterEach(null);
		extension.afterAll(null);
		assertThat(endpoint.isRunning()).isFalse();
	}

}
