package io.github.swfheartbeat.autoconfigure;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;

import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.worker.ActivityPayloadConverter;
import io.github.swfheartbeat.worker.Backoff;
import io.github.swfheartbeat.worker.ContainerSettings;
import io.github.swfheartbeat.worker.EndpointDefaults;
import io.github.swfheartbeat.worker.JsonActivityPayloadConverter;
import io.github.swfheartbeat.worker.SwfActivityAnnotationBeanPostProcessor;
import io.github.swfheartbeat.worker.SwfActivityContainerRegistry;
import io.github.swfheartbeat.worker.SwfActivityEndpointFactory;
import io.github.swfheartbeat.worker.SwfWorkerEventPublisher;
import io.github.swfheartbeat.worker.SwfWorkerListener;
import io.github.swfheartbeat.worker.CompositeSwfWorkerListener;
import io.github.swfheartbeat.worker.TaskListKey;
import software.amazon.awssdk.services.swf.SwfClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@code @SwfActivity} methods: a bean
 * post-processor collects them, and a {@link SwfActivityContainerRegistry} runs one listener
 * container per domain and task list from {@code swf.worker.*}. Tasks are polled and responded
 * with the {@link SwfClient} and heartbeated with the {@link HeartbeatTemplate}.
 */
@AutoConfiguration(after = { SwfClientAutoConfiguration.class, HeartbeatAutoConfiguration.class },
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnBooleanProperty(name = "swf.worker.enabled", matchIfMissing = true)
@ConditionalOnBean(HeartbeatTemplate.class)
@EnableConfigurationProperties({ SwfWorkerProperties.class, HeartbeatProperties.class })
public final class SwfWorkerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static SwfActivityAnnotationBeanPostProcessor swfActivityAnnotationBeanPostProcessor() {
		return new SwfActivityAnnotationBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	SwfActivityContainerRegistry swfActivityContainerRegistry(SwfActivityAnnotationBeanPostProcessor methods,
			ConfigurableBeanFactory beanFactory, SwfWorkerProperties properties, HeartbeatProperties heartbeatProperties,
			ObjectProvider<SwfClient> swfClient, HeartbeatTemplate heartbeatTemplate,
			ObjectProvider<ActivityPayloadConverter> converter, ObjectProvider<SwfWorkerListener> listeners,
			Environment environment) {
		String domain = (properties.getDomain() != null) ? properties.getDomain() : heartbeatProperties.getDomain();
		SwfActivityEndpointFactory endpoints = new SwfActivityEndpointFactory(beanFactory::resolveEmbeddedValue,
				new EndpointDefaults(domain, properties.getTaskList(), properties.getActivityVersion()));
		String identity = (properties.getIdentity() != null) ? properties.getIdentity()
				: ManagementFactory.getRuntimeMXBean().getName();
		Backoff pollBackoff = backoff("swf.worker.poll-backoff", properties.getPollBackoff().getInitial(),
				properties.getPollBackoff().getMax());
		Backoff respondBackoff = backoff("swf.worker.respond-backoff", properties.getRespondBackoff().getInitial(),
				properties.getRespondBackoff().getMax());
		validate(properties);
		boolean virtual = Threading.VIRTUAL.isActive(environment);
		List<SwfWorkerListener> listenerList = listeners.orderedStream().toList();
		return new SwfActivityContainerRegistry(methods::methods, endpoints, swfClient.getIfAvailable(),
				heartbeatTemplate, converter.getIfAvailable(),
				(key) -> settings(key, properties, pollBackoff, identity), respondBackoff,
				(key) -> threads(key, virtual), new CompositeSwfWorkerListener(listenerList),
				properties.isRegisterActivityTypes());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "swf.heartbeat.events.enabled", matchIfMissing = true)
	SwfWorkerEventPublisher swfWorkerEventPublisher(ApplicationEventPublisher publisher) {
		return new SwfWorkerEventPublisher(publisher);
	}

	private static ContainerSettings settings(TaskListKey key, SwfWorkerProperties properties, Backoff pollBackoff,
			String identity) {
		SwfWorkerProperties.TaskList taskList = properties.getTaskLists().get(key.taskList());
		int concurrency = (taskList != null && taskList.getConcurrency() != null) ? taskList.getConcurrency()
				: properties.getConcurrency();
		int pollers = (taskList != null && taskList.getPollers() != null) ? taskList.getPollers()
				: properties.getPollers();
		String prefix = "swf.worker.task-lists." + key.taskList();
		atLeastOne((taskList != null && taskList.getConcurrency() != null) ? prefix + ".concurrency"
				: "swf.worker.concurrency", concurrency);
		atLeastOne((taskList != null && taskList.getPollers() != null) ? prefix + ".pollers" : "swf.worker.pollers",
				pollers);
		return new ContainerSettings(concurrency, pollers, pollBackoff, properties.getShutdownGracePeriod(), identity);
	}

	private static ThreadFactory threads(TaskListKey key, boolean virtual) {
		String prefix = "swf-worker-" + key.taskList() + "-";
		if (virtual) {
			return new VirtualThreadTaskExecutor(prefix).getVirtualThreadFactory();
		}
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		// Stopping is the lifecycle's job: these threads must not keep a closed application alive.
		factory.setDaemon(true);
		return factory;
	}

	private static void validate(SwfWorkerProperties properties) {
		atLeastOne("swf.worker.concurrency", properties.getConcurrency());
		atLeastOne("swf.worker.pollers", properties.getPollers());
		if (properties.getShutdownGracePeriod().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("swf.worker.shutdown-grace-period",
					properties.getShutdownGracePeriod(), "It must not be negative");
		}
	}

	private static void atLeastOne(String property, int value) {
		if (value < 1) {
			throw new InvalidConfigurationPropertyValueException(property, value, "It must be at least 1");
		}
	}

	private static Backoff backoff(String property, Duration initial, Duration max) {
		try {
			return new Backoff(initial, max);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, initial + ".." + max, ex.getMessage());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	static class JsonPayloadConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ActivityPayloadConverter activityPayloadConverter(ObjectProvider<JsonMapper> jsonMapper) {
			// Boot's mapper when Jackson's auto-configuration made one, so that its customizations apply.
			return new JsonActivityPayloadConverter(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
		}

	}

}
