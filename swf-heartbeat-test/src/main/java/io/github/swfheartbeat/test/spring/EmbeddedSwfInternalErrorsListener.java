package io.github.swfheartbeat.test.spring;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Fails a test method during which the {@link EmbeddedSwf} of its context failed in its own code,
 * as {@code EmbeddedSwfExtension} does for JUnit; registered in {@code META-INF/spring.factories}.
 * Contexts without an endpoint from {@link AutoConfigureEmbeddedSwf} are left alone.
 */
public class EmbeddedSwfInternalErrorsListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// Before the listeners that may close or dirty the context after a test method.
		return 0;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(EmbeddedSwfContextCustomizer.BEAN_NAME)
				&& context.getBean(EmbeddedSwfContextCustomizer.BEAN_NAME) instanceof EmbeddedSwf swf) {
			swf.assertNoInternalErrors();
		}
	}

}
