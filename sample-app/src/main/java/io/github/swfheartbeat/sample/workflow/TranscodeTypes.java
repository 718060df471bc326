package io.github.swfheartbeat.sample.workflow;

import io.github.swfheartbeat.sample.config.SampleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.DomainAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.TaskList;
import software.amazon.awssdk.services.swf.model.TypeAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.WorkflowType;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The SWF domain, workflow type and activity type of the transcode workflow; registers the ones
 * missing when the application starts, before anything polls for their tasks. An existing type
 * keeps the defaults it was registered with: change {@code sample.transcode.version} after
 * changing a timeout.
 */
@Component
public class TranscodeTypes implements InitializingBean {

	/** Name of the workflow type. */
	public static final String WORKFLOW_TYPE = "Transcode";

	/** Name of the activity type. */
	public static final String ACTIVITY_TYPE = "TranscodeVideo";

	/** Id of the activity in each workflow execution, which has one. */
	public static final String ACTIVITY_ID = "transcode";

	private static final Logger logger = LoggerFactory.getLogger(TranscodeTypes.class);

	private static final String RETENTION_DAYS = "1";

	private static final String ACTIVITY_START_TO_CLOSE_SECONDS = "3600";

	private static final String ACTIVITY_SCHEDULE_TO_START_SECONDS = "600";

	private static final String ACTIVITY_SCHEDULE_TO_CLOSE_SECONDS = "4200";

	private static final String WORKFLOW_START_TO_CLOSE_SECONDS = "7200";

	private static final String DECISION_TASK_START_TO_CLOSE_SECONDS = "30";

	private final SwfClient swf;

	private final SampleProperties properties;

	TranscodeTypes(SwfClient swf, SampleProperties properties) {
		this.swf = swf;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		registerDomain();
		registerWorkflowType();
		registerActivityType();
	}

	/**
	 * Returns the workflow type.
	 * @return the type
	 */
	public WorkflowType workflowType() {
		return WorkflowType.builder().name(WORKFLOW_TYPE).version(this.properties.getTranscode().getVersion()).build();
	}

	/**
	 * Returns the activity type.
	 * @return the type
	 */
	public ActivityType activityType() {
		return ActivityType.builder().name(ACTIVITY_TYPE).version(this.properties.getTranscode().getVersion()).build();
	}

	/**
	 * Returns the task list of decision and activity tasks.
	 * @return the task list
	 */
	public TaskList taskList() {
		return TaskList.builder().name(this.properties.getTaskList()).build();
	}

	/**
	 * Returns the domain.
	 * @return the domain
	 */
	public String domain() {
		return this.properties.getDomain();
	}

	private void registerDomain() {
		try {
			this.swf.registerDomain((request) -> request.name(domain())
				.description("swf-heartbeat sample application")
				.workflowExecutionRetentionPeriodInDays(RETENTION_DAYS));
			logger.info("Registered SWF domain {}", domain());
		}
		catch (DomainAlreadyExistsException ex) {
			logger.debug("SWF domain {} exists", domain());
		}
	}

	private void registerWorkflowType() {
		try {
			this.swf.registerWorkflowType((request) -> request.domain(domain())
				.name(WORKFLOW_TYPE)
				.version(this.properties.getTranscode().getVersion())
				.defaultTaskList(taskList())
				.defaultChildPolicy(ChildPolicy.TERMINATE)
				.defaultExecutionStartToCloseTimeout(WORKFLOW_START_TO_CLOSE_SECONDS)
				.defaultTaskStartToCloseTimeout(DECISION_TASK_START_TO_CLOSE_SECONDS));
			logger.info("Registered workflow type {}:{}", WORKFLOW_TYPE, this.properties.getTranscode().getVersion());
		}
		catch (TypeAlreadyExistsException ex) {
			logger.debug("Workflow type {} exists", WORKFLOW_TYPE);
		}
	}

	private void registerActivityType() {
		String heartbeatTimeout = Long.toString(this.properties.getTranscode().getHeartbeatTimeout().toSeconds());
		try {
			// The engine reads the heartbeat timeout from here (DescribeActivityType) when a task starts.
			this.swf.registerActivityType((request) -> request.domain(domain())
				.name(ACTIVITY_TYPE)
				.version(this.properties.getTranscode().getVersion())
				.defaultTaskList(taskList())
				.defaultTaskHeartbeatTimeout(heartbeatTimeout)
				.defaultTaskStartToCloseTimeout(ACTIVITY_START_TO_CLOSE_SECONDS)
				.defaultTaskScheduleToStartTimeout(ACTIVITY_SCHEDULE_TO_START_SECONDS)
				.defaultTaskScheduleToCloseTimeout(ACTIVITY_SCHEDULE_TO_CLOSE_SECONDS));
			logger.info("Registered activity type {}:{} with a heartbeat timeout of {} s", ACTIVITY_TYPE,
					this.properties.getTranscode().getVersion(), heartbeatTimeout);
		}
		catch (TypeAlreadyExistsException ex) {
			logger.debug("Activity type {} exists", ACTIVITY_TYPE);
		}
	}

}
