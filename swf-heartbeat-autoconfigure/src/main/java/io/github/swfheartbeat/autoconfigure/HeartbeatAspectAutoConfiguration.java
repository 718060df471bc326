package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.aspect.ActivityMethodInspector;
import io.github.swfheartbeat.aspect.ActivityTaskLocator;
import io.github.swfheartbeat.aspect.HeartbeatingActivity;
import io.github.swfheartbeat.aspect.HeartbeatingActivityAspect;
import io.github.swfheartbeat.aspect.HeartbeatingActivityValidator;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import org.aspectj.weaver.Advice;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@link HeartbeatingActivity @HeartbeatingActivity}
 * aspect: heartbeats the task of every annotated method and checks, as the
 * application starts, that each annotated method can find its task token.
 *
 * @see HeartbeatFlowAutoConfiguration
 */
@AutoConfiguration(afterName = "io.github.swfheartbeat.autoconfigure.HeartbeatAutoConfiguration")
@ConditionalOnClass(Advice.class)
@ConditionalOnBean({ HeartbeatEngine.class, HeartbeatTemplate.class })
@ConditionalOnBooleanProperty(name = "swf.heartbeat.aspect.enabled", matchIfMissing = true)
public final class HeartbeatAspectAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HeartbeatingActivityAspect heartbeatingActivityAspect(ObjectProvider<HeartbeatTemplate> template,
			ObjectProvider<HeartbeatEngine> engine, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<ActivityTaskLocator> locators) {
		// Looked up on first use: the aspect is created while post-processors are set up, too early for the engine.
		return new HeartbeatingActivityAspect(template::getObject, () -> engine.getObject().transport(),
				new ActivityMethodInspector(beanFactory, () -> locators.orderedStream().iterator()));
	}

	@Bean
	@ConditionalOnMissingBean
	HeartbeatingActivityValidator heartbeatingActivityValidator(ListableBeanFactory beanFactory,
			HeartbeatingActivityAspect aspect) {
		return new HeartbeatingActivityValidator(beanFactory, aspect);
	}

}
