package io.github.swfheartbeat.test.spring;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Makes the virtual time of an {@link EmbeddedSwf} the clock of the application's heartbeat
 * engine: registers it as an {@code EngineClock} bean, which the engine's auto-configuration
 * uses, when swf-heartbeat's engine is on the class path and the application defines no clock of
 * its own.
 */
final class EngineClockRegistrar implements BeanFactoryPostProcessor {

	static final String BEAN_NAME = "embeddedSwfEngineClock";

	static final String ENGINE_CLOCK = "io.github.swfheartbeat.engine.EngineClock";

	private final EmbeddedSwf swf;

	EngineClockRegistrar(EmbeddedSwf swf) {
		this.swf = swf;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		if (!ClassUtils.isPresent(ENGINE_CLOCK, classLoader)) {
			return;
		}
		Class<?> clockType = ClassUtils.resolveClassName(ENGINE_CLOCK, classLoader);
		if (beanFactory.getBeanNamesForType(clockType, true, false).length == 0) {
			beanFactory.registerSingleton(BEAN_NAME, this.swf.engineClock(clockType));
		}
	}

}
