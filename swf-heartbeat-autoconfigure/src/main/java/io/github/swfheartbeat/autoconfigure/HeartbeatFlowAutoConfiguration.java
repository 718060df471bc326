package io.github.swfheartbeat.autoconfigure;

import com.amazonaws.services.simpleworkflow.flow.worker.CurrentActivityExecutionContext;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.flow.FlowActivityTaskLocator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for activities run by the AWS Flow
 * Framework for Java: an {@code @HeartbeatingActivity} method of a bean that implements an
 * {@code @Activities} interface finds its task token in Flow's current activity execution
 * context.
 */
@AutoConfiguration(afterName = "io.github.swfheartbeat.autoconfigure.HeartbeatAutoConfiguration")
@ConditionalOnClass(CurrentActivityExecutionContext.class)
@ConditionalOnBean(HeartbeatEngine.class)
@ConditionalOnBooleanProperty(name = "swf.heartbeat.aspect.enabled", matchIfMissing = true)
public final class HeartbeatFlowAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FlowActivityTaskLocator flowActivityTaskLocator() {
		return new FlowActivityTaskLocator();
	}

}
