package io.github.swfheartbeat.test.spring;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates the customizer of test contexts whose class is annotated with
 * {@link AutoConfigureEmbeddedSwf}; registered in {@code META-INF/spring.factories}.
 */
public class EmbeddedSwfContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureEmbeddedSwf annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureEmbeddedSwf.class);
		return (annotation != null)
				? new EmbeddedSwfContextCustomizer(annotation.longPollTimeout(), annotation.throttling(),
						annotation.virtualTime()) : null;
	}

}
