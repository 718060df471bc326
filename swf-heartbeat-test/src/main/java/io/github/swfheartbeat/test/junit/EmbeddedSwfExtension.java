package io.github.swfheartbeat.test.junit;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.SharedVirtualTime;

/**
 * Runs an {@link EmbeddedSwf} for a test class.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static EmbeddedSwfExtension swf = new EmbeddedSwfExtension();
 * </pre>
 *
 * <p>Registered on a static field, the endpoint starts before all tests and closes after all; on an
 * instance field, it starts before each test and closes after it. After each test the planned faults
 * are cleared and the rate limits go back to those the endpoint was built with, so one test's
 * misbehaviour does not leak into the next; the SWF state (domains, executions) is kept. A test
 * during which the endpoint's own code failed ({@link EmbeddedSwf#internalErrors()}) fails. Test and
 * lifecycle methods may declare an {@link EmbeddedSwf} parameter, and, for an endpoint on virtual
 * time, a {@link SharedVirtualTime} one:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static EmbeddedSwfExtension swf = new EmbeddedSwfExtension(EmbeddedSwf.builder().virtualTime());
 *
 * &#64;Test
 * void keepsTheTaskAlive(EmbeddedSwf swf, SharedVirtualTime time) {
 *     HeartbeatEngine engine = new HeartbeatEngine(transport, settings, time.asEngineClock(EngineClock.class));
 *     …
 *     time.advance(Duration.ofHours(2));
 * }
 * </pre>
 */
public class EmbeddedSwfExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

	private final Supplier<EmbeddedSwf> factory;

	private EmbeddedSwf swf;

	private boolean perTest;

	/**
	 * Creates an extension for an endpoint with the default settings: a free port, SWF's 60 second
	 * long polls, no throttling.
	 */
	public EmbeddedSwfExtension() {
		this(EmbeddedSwf.builder());
	}

	/**
	 * Creates an extension for an endpoint with the builder's settings.
	 * @param builder the settings, started before the tests
	 */
	public EmbeddedSwfExtension(EmbeddedSwf.Builder builder) {
		this.factory = builder::start;
	}

	/**
	 * Returns the running endpoint.
	 * @return the endpoint
	 * @throws IllegalStateException outside the tests' lifecycle
	 */
	public EmbeddedSwf get() {
		if (this.swf == null) {
			throw new IllegalStateException("The embedded SWF endpoint runs only while the tests do");
		}
		return this.swf;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.swf == null) {
			this.swf = this.factory.get();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.swf == null) {
			// An instance field: JUnit never called beforeAll for it.
			this.swf = this.factory.get();
			this.perTest = true;
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.swf == null) {
			return;
		}
		try {
			// The SDK may have retried the endpoint's 500 into a success: fail the test here.
			this.swf.assertNoInternalErrors();
		}
		finally {
			if (this.perTest) {
				close();
			}
			else {
				this.swf.faults().clear();
				this.swf.throttling().reset();
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			if (this.swf != null) {
				this.swf.assertNoInternalErrors();
			}
		}
		finally {
			close();
		}
	}

	private void close() {
		if (this.swf != null) {
			this.swf.close();
			this.swf = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == EmbeddedSwf.class || type == SharedVirtualTime.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		if (this.swf == null) {
			// A @BeforeAll method of a class whose extension sits on an instance field.
			beforeEach(extensionContext);
		}
		return (parameterContext.getParameter().getType() == SharedVirtualTime.class) ? this.swf.sharedTime() : this.swf;
	}

}
