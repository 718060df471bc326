package io.github.swfheartbeat.worker;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.TypeAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

/**
 * Registers the activity types of {@link SwfActivity} methods that SWF does not know yet, with the
 * timeouts their annotations declare as the types' defaults ({@code NONE} where none is declared)
 * and their task list as the default task list. Types that exist are left as they are: SWF does
 * not change a registered type's defaults.
 */
final class ActivityTypeRegistrar {

	private static final Logger logger = LoggerFactory.getLogger(ActivityTypeRegistrar.class);

	private final SwfClient swf;

	ActivityTypeRegistrar(SwfClient swf) {
		this.swf = swf;
	}

	void registerMissing(List<SwfActivityEndpoint> endpoints) {
		for (SwfActivityEndpoint endpoint : endpoints) {
			try {
				if (!exists(endpoint)) {
					register(endpoint);
				}
			}
			catch (SdkException ex) {
				// Polling still works for a type registered by other means.
				logger.error("Could not register activity type {} in domain {}: {}", endpoint.activityType(),
						endpoint.domain(), ex.getMessage());
			}
		}
	}

	private boolean exists(SwfActivityEndpoint endpoint) {
		try {
			this.swf.describeActivityType((request) -> request.domain(endpoint.domain())
				.activityType((type) -> type.name(endpoint.name()).version(endpoint.version())));
			return true;
		}
		catch (UnknownResourceException ex) {
			return false;
		}
	}

	private void register(SwfActivityEndpoint endpoint) {
		try {
			this.swf.registerActivityType((request) -> request.domain(endpoint.domain())
				.name(endpoint.name())
				.version(endpoint.version())
				.defaultTaskList((taskList) -> taskList.name(endpoint.taskList()))
				.defaultTaskHeartbeatTimeout(seconds(endpoint.heartbeatTimeout()))
				.defaultTaskStartToCloseTimeout(seconds(endpoint.startToCloseTimeout()))
				.defaultTaskScheduleToStartTimeout(seconds(endpoint.scheduleToStartTimeout()))
				.defaultTaskScheduleToCloseTimeout(seconds(endpoint.scheduleToCloseTimeout())));
			logger.info("Registered activity type {} in domain {}", endpoint.activityType(), endpoint.domain());
		}
		catch (TypeAlreadyExistsException ex) {
			// Another worker registered it meanwhile.
		}
	}

	/**
	 * SWF's durations are whole seconds, or {@code NONE}; a fraction is rounded up so that the
	 * registered timeout is never shorter than the declared one.
	 */
	static String seconds(@Nullable Duration duration) {
		if (duration == null) {
			return "NONE";
		}
		long seconds = duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
		return Long.toString(seconds);
	}

}
