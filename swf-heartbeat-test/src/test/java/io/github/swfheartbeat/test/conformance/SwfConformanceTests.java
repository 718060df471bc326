package io.github.swfheartbeat.test.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ActivityTypeInfo;
import software.amazon.awssdk.services.swf.model.DomainDeprecatedException;
import software.amazon.awssdk.services.swf.model.DomainInfo;
import software.amazon.awssdk.services.swf.model.ExecutionTimeFilter;
import software.amazon.awssdk.services.swf.model.ListActivityTypesResponse;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.CountPendingActivityTasksResponse;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.ResourceTag;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskFailedCause;
import software.amazon.awssdk.services.swf.model.TooManyTagsException;
import software.amazon.awssdk.services.swf.model.TypeDeprecatedException;
import software.amazon.awssdk.services.swf.model.TypeNotDeprecatedException;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;
import software.amazon.awssdk.services.swf.model.WorkflowTypeInfo;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.DescribeActivityTypeResponse;
import software.amazon.awssdk.services.swf.model.DomainAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.ExecutionStatus;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.RequestCancelActivityTaskFailedCause;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.TypeAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionAlreadyStartedException;
import software.amazon.awssdk.services.swf.model.WorkflowType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SWF's documented behaviour, scenario by scenario, through the real {@link SwfClient}: against the
 * embedded endpoint by default, against any SWF endpoint named by {@code SWF_ENDPOINT}.
 *
 * <p>Each scenario runs its own workflow execution on task lists of its own. The assertions are
 * what SWF's API reference promises, not what the embedded endpoint happens to do.
 */
class SwfConformanceTests {

	private static ConformanceTarget target;

	private static SwfClient client;

	private static String domain;

	private static ActivityType activityType;

	private static WorkflowType workflowType;

	@BeforeAll
	static void register() {
		target = ConformanceTarget.create();
		client = target.client();
		domain = target.unique("conformance");
		client.registerDomain((request) -> request.name(domain).workflowExecutionRetentionPeriodInDays("1"));
		activityType = ActivityType.builder().name(target.unique("Work")).version("1").build();
		client.registerActivityType((request) -> request.domain(domain)
			.name(activityType.name())
			.version(activityType.version())
			.defaultTaskHeartbeatTimeout("30")
			.defaultTaskStartToCloseTimeout("120")
			.defaultTaskScheduleToStartTimeout("60")
			.defaultTaskScheduleToCloseTimeout("180")
			.defaultTaskList((taskList) -> taskList.name("unused")));
		workflowType = WorkflowType.builder().name(target.unique("Flow")).version("1").build();
		client.registerWorkflowType((request) -> request.domain(domain)
			.name(workflowType.name())
			.version(workflowType.version())
			.defaultTaskStartToCloseTimeout("30")
			.defaultExecutionStartToCloseTimeout("600")
			.defaultChildPolicy("TERMINATE")
			.defaultTaskList((taskList) -> taskList.name("unused")));
	}

	@AfterAll
	static void close() {
		target.close();
	}

	@Test
	void registrationsAreDescribedAndNotRepeated() {
		assertThat(client.describeDomain((request) -> request.name(domain)).domainInfo().name()).isEqualTo(domain);
		DescribeActivityTypeResponse described = client
			.describeActivityType((request) -> request.domain(domain).activityType(activityType));
		assertThat(described.typeInfo().activityType()).isEqualTo(activityType);
		assertThat(described.configuration().defaultTaskHeartbeatTimeout()).isEqualTo("30");
		assertThat(described.configuration().defaultTaskStartToCloseTimeout()).isEqualTo("120");
		assertThat(described.configuration().defaultTaskList().name()).isEqualTo("unused");
		assertThatExceptionOfType(DomainAlreadyExistsException.class).isThrownBy(() -> client
			.registerDomain((request) -> request.name(domain).workflowExecutionRetentionPeriodInDays("1")));
		assertThatExceptionOfType(TypeAlreadyExistsException.class).isThrownBy(() -> client.registerActivityType(
				(request) -> request.domain(domain).name(activityType.name()).version(activityType.version())));
		assertThatExceptionOfType(UnknownResourceException.class)
			.isThrownBy(() -> client.describeDomain((request) -> request.name(target.unique("nowhere"))));
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client.describeActivityType(
				(request) -> request.domain(domain).activityType((type) -> type.name("Nothing").version("1"))));
	}

	@Test
	void typesAreListedByNameInPagesFilteredByNameAndStatus() {
		String prefix = target.unique("Listed");
		for (String name : List.of(prefix + "-c", prefix + "-a", prefix + "-b")) {
			registerActivityType(name, "1");
		}
		registerActivityType(prefix + "-a", "2");
		eventually().untilAsserted(() -> {
			List<String> byName = client
				.listActivityTypes((request) -> request.domain(domain)
					.name(prefix + "-a")
					.registrationStatus(RegistrationStatus.REGISTERED))
				.typeInfos()
				.stream()
				.map((info) -> info.activityType().version())
				.toList();
			assertThat(byName).containsExactlyInAnyOrder("1", "2");
		});
		// One per page: the pages put together are every type, ascending by name.
		List<String> paged = new ArrayList<>();
		String pageToken = null;
		int pages = 0;
		do {
			// A page token that does not move on would page forever.
			assertThat(++pages).as("pages").isLessThanOrEqualTo(100);
			String token = pageToken;
			ListActivityTypesResponse page = client.listActivityTypes((request) -> request.domain(domain)
				.registrationStatus(RegistrationStatus.REGISTERED)
				.maximumPageSize(1)
				.nextPageToken(token));
			assertThat(page.typeInfos()).hasSizeLessThanOrEqualTo(1);
			page.typeInfos()
				.forEach((info) -> paged.add(info.activityType().name() + "/" + info.activityType().version()));
			pageToken = page.nextPageToken();
		}
		while (pageToken != null);
		assertThat(paged).isSortedAccordingTo(String::compareTo)
			.doesNotHaveDuplicates()
			.contains(prefix + "-a/1", prefix + "-a/2", prefix + "-b/1", prefix + "-c/1", activityType.name() + "/1");
		List<String> reversed = client
			.listActivityTypes((request) -> request.domain(domain)
				.registrationStatus(RegistrationStatus.REGISTERED)
				.reverseOrder(true))
			.typeInfos()
			.stream()
			.map((info) -> info.activityType().name())
			.toList();
		assertThat(reversed).isSortedAccordingTo(Comparator.<String>reverseOrder());
		assertThat(client.listWorkflowTypes((request) -> request.domain(domain)
			.name(workflowType.name())
			.registrationStatus(RegistrationStatus.REGISTERED)).typeInfos())
			.extracting(WorkflowTypeInfo::workflowType)
			.containsExactly(workflowType);
		assertThat(client.listDomains((request) -> request.registrationStatus(RegistrationStatus.REGISTERED))
			.domainInfos()
			.stream()
			.map(DomainInfo::name)
			.toList()).contains(domain).isSortedAccordingTo(String::compareTo);
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client.listActivityTypes(
				(request) -> request.domain(target.unique("nowhere"))
					.registrationStatus(RegistrationStatus.REGISTERED)));
		assertValidationError(() -> client.listActivityTypes((request) -> request.domain(domain)
			.registrationStatus(RegistrationStatus.REGISTERED)
			.maximumPageSize(1001)));
		assertValidationError(() -> client.listDomains((request) -> request.maximumPageSize(10)));
	}

	@Test
	void aDeprecatedActivityTypeIsNotScheduledAndOnlyADeprecatedTypeIsDeleted() {
		String name = target.unique("Retired");
		registerActivityType(name, "1");
		ActivityType retired = ActivityType.builder().name(name).version("1").build();
		assertThatExceptionOfType(TypeNotDeprecatedException.class)
			.isThrownBy(() -> client.deleteActivityType((request) -> request.domain(domain).activityType(retired)));
		assertThatExceptionOfType(TypeAlreadyExistsException.class).isThrownBy(
				() -> client.undeprecateActivityType((request) -> request.domain(domain).activityType(retired)));
		client.deprecateActivityType((request) -> request.domain(domain).activityType(retired));
		assertThatExceptionOfType(TypeDeprecatedException.class)
			.isThrownBy(() -> client.deprecateActivityType((request) -> request.domain(domain).activityType(retired)));
		eventually().untilAsserted(() -> {
			ActivityTypeInfo info = client
				.describeActivityType((request) -> request.domain(domain).activityType(retired))
				.typeInfo();
			assertThat(info.status()).isEqualTo(RegistrationStatus.DEPRECATED);
			assertThat(info.deprecationDate()).isNotNull();
			assertThat(client.listActivityTypes((request) -> request.domain(domain)
				.name(name)
				.registrationStatus(RegistrationStatus.DEPRECATED)).typeInfos())
				.extracting(ActivityTypeInfo::activityType)
				.containsExactly(retired);
			assertThat(client.listActivityTypes((request) -> request.domain(domain)
				.name(name)
				.registrationStatus(RegistrationStatus.REGISTERED)).typeInfos()).isEmpty();
		});

		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), run.scheduleActivity(retired, "a1", (attributes) -> {
		}));
		run.nextDecisionTask();
		var failed = run.last(run.history(), EventType.SCHEDULE_ACTIVITY_TASK_FAILED)
			.scheduleActivityTaskFailedEventAttributes();
		assertThat(failed.cause()).isEqualTo(ScheduleActivityTaskFailedCause.ACTIVITY_TYPE_DEPRECATED);
		assertThat(failed.activityId()).isEqualTo("a1");

		client.undeprecateActivityType((request) -> request.domain(domain).activityType(retired));
		eventually().untilAsserted(() -> assertThat(client
				.describeActivityType((request) -> request.domain(domain).activityType(retired))
				.typeInfo()
				.status()).isEqualTo(RegistrationStatus.REGISTERED));
		client.deprecateActivityType((request) -> request.domain(domain).activityType(retired));
		client.deleteActivityType((request) -> request.domain(domain).activityType(retired));
		eventually().untilAsserted(() -> assertThatExceptionOfType(UnknownResourceException.class)
			.isThrownBy(() -> client.describeActivityType((request) -> request.domain(domain).activityType(retired))));
	}

	@Test
	void aDeprecatedWorkflowTypeStartsNoExecution() {
		WorkflowType retired = WorkflowType.builder().name(target.unique("RetiredFlow")).version("1").build();
		client.registerWorkflowType((request) -> request.domain(domain)
			.name(retired.name())
			.version(retired.version())
			.defaultTaskStartToCloseTimeout("30")
			.defaultExecutionStartToCloseTimeout("600")
			.defaultChildPolicy("TERMINATE")
			.defaultTaskList((taskList) -> taskList.name("unused")));
		assertThatExceptionOfType(TypeNotDeprecatedException.class)
			.isThrownBy(() -> client.deleteWorkflowType((request) -> request.domain(domain).workflowType(retired)));
		client.deprecateWorkflowType((request) -> request.domain(domain).workflowType(retired));
		assertThatExceptionOfType(TypeDeprecatedException.class)
			.isThrownBy(() -> client.deprecateWorkflowType((request) -> request.domain(domain).workflowType(retired)));
		eventually().untilAsserted(() -> assertThatExceptionOfType(TypeDeprecatedException.class)
				.isThrownBy(() -> WorkflowRun.start(target, domain, retired)));
		client.undeprecateWorkflowType((request) -> request.domain(domain).workflowType(retired));
		assertThatExceptionOfType(TypeAlreadyExistsException.class).isThrownBy(
				() -> client.undeprecateWorkflowType((request) -> request.domain(domain).workflowType(retired)));
		eventually().untilAsserted(() -> {
			WorkflowRun run = WorkflowRun.start(target, domain, retired);
			client.terminateWorkflowExecution((request) -> request.domain(domain)
				.workflowId(run.execution.workflowId())
				.runId(run.execution.runId()));
		});
		client.deprecateWorkflowType((request) -> request.domain(domain).workflowType(retired));
		client.deleteWorkflowType((request) -> request.domain(domain).workflowType(retired));
		eventually().untilAsserted(() -> assertThatExceptionOfType(UnknownResourceException.class)
			.isThrownBy(() -> client.describeWorkflowType((request) -> request.domain(domain).workflowType(retired))));
	}

	@Test
	void aDeprecatedDomainTakesNoNewTypesAndDeprecatesItsTypes() {
		String retired = target.unique("retired");
		client.registerDomain((request) -> request.name(retired).workflowExecutionRetentionPeriodInDays("1"));
		ActivityType type = ActivityType.builder().name("Old").version("1").build();
		client.registerActivityType((request) -> request.domain(retired).name("Old").version("1"));
		assertThatExceptionOfType(DomainAlreadyExistsException.class)
			.isThrownBy(() -> client.undeprecateDomain((request) -> request.name(retired)));
		client.deprecateDomain((request) -> request.name(retired));
		assertThatExceptionOfType(DomainDeprecatedException.class)
			.isThrownBy(() -> client.deprecateDomain((request) -> request.name(retired)));
		eventually().untilAsserted(() -> {
			assertThat(client.describeDomain((request) -> request.name(retired)).domainInfo().status())
				.isEqualTo(RegistrationStatus.DEPRECATED);
			assertThat(client
				.listDomains((request) -> request.registrationStatus(RegistrationStatus.DEPRECATED))
				.domainInfos()).extracting(DomainInfo::name).contains(retired);
			assertThat(client.describeActivityType((request) -> request.domain(retired).activityType(type))
				.typeInfo()
				.status()).isEqualTo(RegistrationStatus.DEPRECATED);
			assertThatExceptionOfType(DomainDeprecatedException.class).isThrownBy(() -> client
				.registerActivityType((request) -> request.domain(retired).name("New").version("1")));
		});
		client.undeprecateDomain((request) -> request.name(retired));
		eventually().untilAsserted(
				() -> assertThat(client.describeDomain((request) -> request.name(retired)).domainInfo().status())
				.isEqualTo(RegistrationStatus.REGISTERED));
		// Leave nothing in use behind in a real account: domains cannot be deleted.
		client.deprecateDomain((request) -> request.name(retired));
	}

	@Test
	void domainsCarryTags() {
		String tagged = target.unique("tagged");
		client.registerDomain((request) -> request.name(tagged)
			.workflowExecutionRetentionPeriodInDays("1")
			.tags(tag("team", "orders")));
		String arn = client.describeDomain((request) -> request.name(tagged)).domainInfo().arn();
		client.tagResource((request) -> request.resourceArn(arn).tags(tag("stage", "test"), tag("team", "billing")));
		eventually().untilAsserted(
				() -> assertThat(tagsOf(arn)).containsExactlyInAnyOrder(tag("team", "billing"), tag("stage", "test")));
		client.untagResource((request) -> request.resourceArn(arn).tagKeys("team", "absent"));
		eventually().untilAsserted(() -> assertThat(tagsOf(arn)).containsExactly(tag("stage", "test")));
		List<ResourceTag> fifty = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			fifty.add(tag("k" + i, "v"));
		}
		// SWF supports at most 50 tags per resource: 49 more fit beside "stage", 50 do not.
		assertThatExceptionOfType(TooManyTagsException.class)
			.isThrownBy(() -> client.tagResource((request) -> request.resourceArn(arn).tags(fifty)));
		client.tagResource((request) -> request.resourceArn(arn).tags(fifty.subList(0, 49)));
		assertValidationError(() -> client.tagResource(
				(request) -> request.resourceArn(arn).tags(tag("no#hash", "v"))));
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client
			.listTagsForResource((request) -> request.resourceArn(arn.replace(tagged, target.unique("nowhere")))));
		client.deprecateDomain((request) -> request.name(tagged));
	}

	@Test
	void executionsAreListedAndCountedByFilter() {
		String tag = target.unique("listed");
		Instant before = Instant.now().minusSeconds(60);
		List<WorkflowRun> runs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			runs.add(WorkflowRun.start(target, domain, workflowType, (request) -> request.tagList(tag, "other")));
		}
		WorkflowRun untagged = WorkflowRun.start(target, domain, workflowType, (request) -> request.tagList("other"));
		ExecutionTimeFilter recent = ExecutionTimeFilter.builder().oldestDate(before).build();
		eventually().untilAsserted(() -> assertThat(client.countOpenWorkflowExecutions((request) -> request
			.domain(domain)
				.startTimeFilter(recent)
				.tagFilter((filter) -> filter.tag(tag)))
				.count()).isEqualTo(3));
		List<WorkflowExecutionInfo> open = new ArrayList<>();
		ListOpenWorkflowExecutionsResponse firstPage = client.listOpenWorkflowExecutions((request) -> request
			.domain(domain)
			.startTimeFilter(recent)
			.tagFilter((filter) -> filter.tag(tag))
			.maximumPageSize(2));
		assertThat(firstPage.executionInfos()).hasSize(2);
		assertThat(firstPage.nextPageToken()).isNotNull();
		open.addAll(firstPage.executionInfos());
		open.addAll(client.listOpenWorkflowExecutions((request) -> request.domain(domain)
			.startTimeFilter(recent)
			.tagFilter((filter) -> filter.tag(tag))
			.maximumPageSize(2)
			.nextPageToken(firstPage.nextPageToken())).executionInfos());
		assertThat(open).extracting(WorkflowExecutionInfo::execution)
			.containsExactlyInAnyOrderElementsOf(runs.stream().map((run) -> run.execution).toList());
		// Newest first by default; oldest first with reverseOrder.
		assertThat(open).extracting(WorkflowExecutionInfo::startTimestamp)
			.isSortedAccordingTo(Comparator.<Instant>reverseOrder());
		assertThat(open.get(0).tagList()).containsExactly(tag, "other");
		assertThat(open.get(0).executionStatus()).isEqualTo(ExecutionStatus.OPEN);
		assertThat(client.listOpenWorkflowExecutions((request) -> request.domain(domain)
			.startTimeFilter(recent)
			.tagFilter((filter) -> filter.tag(tag))
			.reverseOrder(true)).executionInfos()).extracting(WorkflowExecutionInfo::startTimestamp)
			.isSortedAccordingTo(Comparator.<Instant>naturalOrder());
		WorkflowRun closed = runs.get(1);
		assertThat(client.listOpenWorkflowExecutions((request) -> request.domain(domain)
			.startTimeFilter(recent)
			.executionFilter((filter) -> filter.workflowId(closed.execution.workflowId()))).executionInfos())
			.extracting(WorkflowExecutionInfo::execution)
			.containsExactly(closed.execution);
		assertThat(client.countOpenWorkflowExecutions((request) -> request.domain(domain)
			.startTimeFilter(recent)
			.typeFilter((filter) -> filter.name(workflowType.name()))).count()).isGreaterThanOrEqualTo(3);
		assertThat(client.countOpenWorkflowExecutions((request) -> request.domain(domain)
			.startTimeFilter((filter) -> filter.oldestDate(before).latestDate(before.plusSeconds(1)))
			.tagFilter((filter) -> filter.tag(tag))).count()).isZero();

		client.terminateWorkflowExecution((request) -> request.domain(domain)
			.workflowId(closed.execution.workflowId())
			.runId(closed.execution.runId()));
		eventually().untilAsserted(() -> {
			assertThat(client.countOpenWorkflowExecutions((request) -> request.domain(domain)
				.startTimeFilter(recent)
				.tagFilter((filter) -> filter.tag(tag))).count()).isEqualTo(2);
			List<WorkflowExecutionInfo> closedInfos = client.listClosedWorkflowExecutions((request) -> request
				.domain(domain)
				.closeTimeFilter(recent)
				.executionFilter((filter) -> filter.workflowId(closed.execution.workflowId()))).executionInfos();
			assertThat(closedInfos).extracting(WorkflowExecutionInfo::execution).containsExactly(closed.execution);
			assertThat(closedInfos.get(0).closeStatus()).isEqualTo(CloseStatus.TERMINATED);
			assertThat(closedInfos.get(0).closeTimestamp()).isNotNull();
			assertThat(client.countClosedWorkflowExecutions((request) -> request.domain(domain)
				.startTimeFilter(recent)
				.tagFilter((filter) -> filter.tag(tag))).count()).isEqualTo(1);
			assertThat(client.listClosedWorkflowExecutions((request) -> request.domain(domain)
				.startTimeFilter(recent)
				.closeStatusFilter((filter) -> filter.status(CloseStatus.TERMINATED))).executionInfos())
				.extracting(WorkflowExecutionInfo::execution)
				.contains(closed.execution);
		});
		// SWF: the execution, type, tag and close status filters are mutually exclusive, and a
		// closed execution is looked up by its start or its close time, not both.
		assertValidationError(() -> client.countOpenWorkflowExecutions((request) -> request.domain(domain)
			.startTimeFilter(recent)
			.typeFilter((filter) -> filter.name(workflowType.name()))
			.tagFilter((filter) -> filter.tag(tag))));
		assertValidationError(() -> client.listClosedWorkflowExecutions((request) -> request.domain(domain)
			.startTimeFilter(recent)
			.closeStatusFilter((filter) -> filter.status(CloseStatus.TERMINATED))
			.executionFilter((filter) -> filter.workflowId(closed.execution.workflowId()))));
		assertValidationError(() -> client.countClosedWorkflowExecutions(
				(request) -> request.domain(domain).startTimeFilter(recent).closeTimeFilter(recent)));
		assertValidationError(() -> client.countClosedWorkflowExecutions((request) -> request.domain(domain)));
		assertValidationError(() -> client.listOpenWorkflowExecutions((request) -> request.domain(domain)));
		for (WorkflowRun run : List.of(runs.get(0), runs.get(2), untagged)) {
			client.terminateWorkflowExecution((request) -> request.domain(domain)
				.workflowId(run.execution.workflowId())
				.runId(run.execution.runId()));
		}
	}

	@Test
	void pendingTasksAreCountedPerTaskList() {
		assertThat(client.countPendingActivityTasks((request) -> request.domain(domain)
			.taskList((taskList) -> taskList.name(target.unique("never-used")))).count()).isZero();
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		eventually().untilAsserted(() -> assertThat(client.countPendingDecisionTasks((request) -> request.domain(domain)
				.taskList((taskList) -> taskList.name(run.decisionTaskList))).count()).isEqualTo(1));
		run.decide(run.nextDecisionTask(), run.scheduleActivity(activityType, "a1", (attributes) -> {
		}), run.scheduleActivity(activityType, "a2", (attributes) -> {
		}));
		eventually().untilAsserted(() -> {
			CountPendingActivityTasksResponse pending = client.countPendingActivityTasks((request) -> request
				.domain(domain)
				.taskList((taskList) -> taskList.name(run.activityTaskList)));
			assertThat(pending.count()).isEqualTo(2);
			assertThat(pending.truncated()).isNotEqualTo(Boolean.TRUE);
		});
		run.nextActivityTask();
		eventually().untilAsserted(() -> assertThat(client.countPendingActivityTasks((request) -> request.domain(domain)
				.taskList((taskList) -> taskList.name(run.activityTaskList))).count()).isEqualTo(1));
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client.countPendingDecisionTasks(
				(request) -> request.domain(target.unique("nowhere")).taskList((taskList) -> taskList.name("any"))));
		client.terminateWorkflowExecution((request) -> request.domain(domain)
			.workflowId(run.execution.workflowId())
			.runId(run.execution.runId()));
	}

	/**
	 * Waits for what SWF documents as eventually consistent (registrations, visibility, counts);
	 * the embedded endpoint is consistent at once, so the first look passes there.
	 */
	private static ConditionFactory eventually() {
		return await().atMost(target.patience()).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200));
	}

	private static ResourceTag tag(String key, String value) {
		return ResourceTag.builder().key(key).value(value).build();
	}

	private static List<ResourceTag> tagsOf(String arn) {
		return client.listTagsForResource((request) -> request.resourceArn(arn)).tags();
	}

	private static void registerActivityType(String name, String version) {
		client.registerActivityType((request) -> request.domain(domain).name(name).version(version));
	}

	@Test
	void workerHeartbeatsAndCompletes() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		assertThatExceptionOfType(WorkflowExecutionAlreadyStartedException.class)
			.isThrownBy(() -> client.startWorkflowExecution((request) -> request.domain(domain)
				.workflowId(run.execution.workflowId())
				.workflowType(workflowType)));
		PollForDecisionTaskResponse decisionTask = run.nextDecisionTask();
		assertThat(decisionTask.workflowExecution()).isEqualTo(run.execution);
		assertThat(decisionTask.events().get(0).eventType()).isEqualTo(EventType.WORKFLOW_EXECUTION_STARTED);
		assertThat(decisionTask.events().get(0).workflowExecutionStartedEventAttributes().input())
			.isEqualTo("workflow input");
		HistoryEvent started = decisionTask.events().get(decisionTask.events().size() - 1);
		assertThat(started.eventType()).isEqualTo(EventType.DECISION_TASK_STARTED);
		assertThat(decisionTask.startedEventId()).isEqualTo(started.eventId());
		run.decide(decisionTask, run.scheduleActivity(activityType, "a1", (attributes) -> attributes
			.heartbeatTimeout("20")));

		PollForActivityTaskResponse activityTask = run.nextActivityTask();
		assertThat(activityTask.activityId()).isEqualTo("a1");
		assertThat(activityTask.input()).isEqualTo("activity input");
		assertThat(activityTask.activityType()).isEqualTo(activityType);
		assertThat(activityTask.workflowExecution()).isEqualTo(run.execution);
		assertThat(client.recordActivityTaskHeartbeat((request) -> request.taskToken(activityTask.taskToken())
			.details("50%")).cancelRequested()).isFalse();
		client.respondActivityTaskCompleted(
				(request) -> request.taskToken(activityTask.taskToken()).result("done"));
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client
			.recordActivityTaskHeartbeat((request) -> request.taskToken(activityTask.taskToken())));

		PollForDecisionTaskResponse next = run.nextDecisionTask();
		assertThat(next.previousStartedEventId()).isEqualTo(decisionTask.startedEventId());
		List<HistoryEvent> history = run.history();
		var scheduled = run.last(history, EventType.ACTIVITY_TASK_SCHEDULED).activityTaskScheduledEventAttributes();
		// The decision's heartbeat timeout, the type's defaults for the rest.
		assertThat(scheduled.heartbeatTimeout()).isEqualTo("20");
		assertThat(scheduled.startToCloseTimeout()).isEqualTo("120");
		assertThat(scheduled.scheduleToStartTimeout()).isEqualTo("60");
		assertThat(scheduled.scheduleToCloseTimeout()).isEqualTo("180");
		assertThat(scheduled.taskList().name()).isEqualTo(run.activityTaskList);
		var completed = run.last(history, EventType.ACTIVITY_TASK_COMPLETED).activityTaskCompletedEventAttributes();
		assertThat(completed.result()).isEqualTo("done");
		assertThat(completed.startedEventId()).isEqualTo(activityTask.startedEventId());
		run.decide(next, WorkflowRun.complete("ok"));

		var description = client
			.describeWorkflowExecution((request) -> request.domain(domain).execution(run.execution));
		assertThat(description.executionInfo().executionStatus()).isEqualTo(ExecutionStatus.CLOSED);
		assertThat(description.executionInfo().closeStatus()).isEqualTo(CloseStatus.COMPLETED);
		assertThat(run.last(run.history(), EventType.WORKFLOW_EXECUTION_COMPLETED)
			.workflowExecutionCompletedEventAttributes()
			.result()).isEqualTo("ok");
	}

	@Test
	void cancellationReachesAWorkerThroughItsHeartbeat() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), run.scheduleActivity(activityType, "a1", (attributes) -> {
		}));
		PollForActivityTaskResponse activityTask = run.nextActivityTask();
		run.signal("cancel it");
		run.decide(run.nextDecisionTask(), WorkflowRun.requestCancel("a1"), WorkflowRun.requestCancel("unknown"));
		assertThat(client.recordActivityTaskHeartbeat((request) -> request.taskToken(activityTask.taskToken()))
			.cancelRequested()).isTrue();
		client.respondActivityTaskCanceled((request) -> request.taskToken(activityTask.taskToken()).details("undone"));

		run.nextDecisionTask();
		List<HistoryEvent> history = run.history();
		assertThat(run.last(history, EventType.ACTIVITY_TASK_CANCEL_REQUESTED)
			.activityTaskCancelRequestedEventAttributes()
			.activityId()).isEqualTo("a1");
		var failed = run.last(history, EventType.REQUEST_CANCEL_ACTIVITY_TASK_FAILED)
			.requestCancelActivityTaskFailedEventAttributes();
		assertThat(failed.activityId()).isEqualTo("unknown");
		assertThat(failed.cause()).isEqualTo(RequestCancelActivityTaskFailedCause.ACTIVITY_ID_UNKNOWN);
		var canceled = run.last(history, EventType.ACTIVITY_TASK_CANCELED).activityTaskCanceledEventAttributes();
		assertThat(canceled.details()).isEqualTo("undone");
		assertThat(canceled.startedEventId()).isEqualTo(activityTask.startedEventId());
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client
			.recordActivityTaskHeartbeat((request) -> request.taskToken(activityTask.taskToken())));
	}

	@Test
	void cancellingATaskNoWorkerStartedCancelsItAtOnce() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), run.scheduleActivity(activityType, "a1", (attributes) -> {
		}));
		run.signal("cancel it");
		run.decide(run.nextDecisionTask(), WorkflowRun.requestCancel("a1"));
		run.nextDecisionTask();
		List<HistoryEvent> history = run.history();
		assertThat(history).extracting(HistoryEvent::eventType).doesNotContain(EventType.ACTIVITY_TASK_STARTED);
		assertThat(run.last(history, EventType.ACTIVITY_TASK_CANCELED).activityTaskCanceledEventAttributes()
			.scheduledEventId())
			.isEqualTo(run.last(history, EventType.ACTIVITY_TASK_SCHEDULED).eventId());
	}

	@Test
	void aMissedHeartbeatTimesTheTaskOutWithTheLastDetails() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(),
				run.scheduleActivity(activityType, "a1", (attributes) -> attributes.heartbeatTimeout("1")));
		PollForActivityTaskResponse activityTask = run.nextActivityTask();
		client.recordActivityTaskHeartbeat((request) -> request.taskToken(activityTask.taskToken()).details("last"));
		run.nextDecisionTask();
		var timedOut = run.last(run.history(), EventType.ACTIVITY_TASK_TIMED_OUT).activityTaskTimedOutEventAttributes();
		assertThat(timedOut.timeoutType()).isEqualTo(ActivityTaskTimeoutType.HEARTBEAT);
		assertThat(timedOut.details()).isEqualTo("last");
		assertThat(timedOut.startedEventId()).isEqualTo(activityTask.startedEventId());
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client
			.recordActivityTaskHeartbeat((request) -> request.taskToken(activityTask.taskToken())));
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client
			.respondActivityTaskCompleted((request) -> request.taskToken(activityTask.taskToken())));
	}

	@Test
	void heartbeatsDoNotExtendTheStartToCloseTimeout() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), run.scheduleActivity(activityType, "a1",
				(attributes) -> attributes.heartbeatTimeout("NONE").startToCloseTimeout("2")));
		PollForActivityTaskResponse activityTask = run.nextActivityTask();
		await().atMost(target.patience())
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client
				.recordActivityTaskHeartbeat((request) -> request.taskToken(activityTask.taskToken()))));
		run.nextDecisionTask();
		assertThat(run.last(run.history(), EventType.ACTIVITY_TASK_TIMED_OUT)
			.activityTaskTimedOutEventAttributes()
			.timeoutType()).isEqualTo(ActivityTaskTimeoutType.START_TO_CLOSE);
	}

	@Test
	void aTaskNoWorkerStartsTimesOutScheduleToStart() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(),
				run.scheduleActivity(activityType, "a1", (attributes) -> attributes.scheduleToStartTimeout("1")));
		run.nextDecisionTask();
		assertThat(run.last(run.history(), EventType.ACTIVITY_TASK_TIMED_OUT)
			.activityTaskTimedOutEventAttributes()
			.timeoutType()).isEqualTo(ActivityTaskTimeoutType.SCHEDULE_TO_START);
	}

	@Test
	void scheduleToCloseBoundsTheWholeTask() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), run.scheduleActivity(activityType, "a1", (attributes) -> attributes
			.heartbeatTimeout("NONE")
			.startToCloseTimeout("NONE")
			.scheduleToCloseTimeout("2")));
		run.nextActivityTask();
		run.nextDecisionTask();
		assertThat(run.last(run.history(), EventType.ACTIVITY_TASK_TIMED_OUT)
			.activityTaskTimedOutEventAttributes()
			.timeoutType()).isEqualTo(ActivityTaskTimeoutType.SCHEDULE_TO_CLOSE);
	}

	@Test
	void aWorkerReportsFailure() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), run.scheduleActivity(activityType, "a1", (attributes) -> {
		}));
		PollForActivityTaskResponse activityTask = run.nextActivityTask();
		client.respondActivityTaskFailed(
				(request) -> request.taskToken(activityTask.taskToken()).reason("broken").details("stack"));
		run.nextDecisionTask();
		var failed = run.last(run.history(), EventType.ACTIVITY_TASK_FAILED).activityTaskFailedEventAttributes();
		assertThat(failed.reason()).isEqualTo("broken");
		assertThat(failed.details()).isEqualTo("stack");
	}

	@Test
	void malformedHeartbeatsAreValidationErrors() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), run.scheduleActivity(activityType, "a1", (attributes) -> {
		}));
		PollForActivityTaskResponse activityTask = run.nextActivityTask();
		assertValidationError(() -> client.recordActivityTaskHeartbeat(
				(request) -> request.taskToken(activityTask.taskToken()).details("x".repeat(2049))));
		assertValidationError(() -> client.recordActivityTaskHeartbeat((request) -> request.taskToken("")));
		assertValidationError(() -> client.recordActivityTaskHeartbeat((request) -> request.taskToken("t".repeat(1025))));
		assertValidationError(() -> client.recordActivityTaskHeartbeat((request) -> request.details("no token")));
		assertThat(client.recordActivityTaskHeartbeat(
				(request) -> request.taskToken(activityTask.taskToken()).details("x".repeat(2048))).cancelRequested())
			.isFalse();
	}

	private static void assertValidationError(Runnable call) {
		assertThatExceptionOfType(SwfException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.statusCode()).isEqualTo(400);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
		});
	}

	@Test
	void decisionTaskHistoryComesInPages() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask());
		for (int i = 0; i < 3; i++) {
			run.signal("signal-" + i);
		}
		List<HistoryEvent> full = run.history();
		PollForDecisionTaskResponse page = client.pollForDecisionTask((request) -> request.domain(domain)
			.taskList((taskList) -> taskList.name(run.decisionTaskList))
			.maximumPageSize(2));
		assertThat(page.events()).hasSize(2);
		List<HistoryEvent> paged = new ArrayList<>(page.events());
		while (page.nextPageToken() != null) {
			String pageToken = page.nextPageToken();
			page = client.pollForDecisionTask((request) -> request.domain(domain)
				.taskList((taskList) -> taskList.name(run.decisionTaskList))
				.maximumPageSize(2)
				.nextPageToken(pageToken));
			paged.addAll(page.events());
		}
		// The started decision task adds its DecisionTaskStarted event to what the history had.
		assertThat(paged).hasSize(full.size() + 1);
		assertThat(paged.subList(0, full.size())).isEqualTo(full);
		assertThat(paged.get(paged.size() - 1).eventType()).isEqualTo(EventType.DECISION_TASK_STARTED);

		List<HistoryEvent> reversed = client.getWorkflowExecutionHistory((request) -> request.domain(domain)
			.execution(run.execution)
			.reverseOrder(true)
			.maximumPageSize(3)).events();
		assertThat(reversed).hasSize(3);
		assertThat(reversed.get(0).eventId()).isGreaterThan(reversed.get(1).eventId());
		assertThat(reversed.get(0).eventId()).isEqualTo((long) paged.size());
	}

	@Test
	void anIdlePollEndsWithAnEmptyTaskToken() {
		// SWF holds an idle poll for 60 seconds: too long to wait for against the real service.
		assumeTrue(target.isEmbedded());
		// The API reference: an empty result "means that an ActivityTask is returned, but that the
		// value of taskToken is an empty string"; the same for a DecisionTask.
		PollForActivityTaskResponse activityTask = client.pollForActivityTask((request) -> request.domain(domain)
			.taskList((taskList) -> taskList.name(target.unique("idle-activities"))));
		assertThat(activityTask.taskToken()).isEqualTo("");
		PollForDecisionTaskResponse decisionTask = client.pollForDecisionTask((request) -> request.domain(domain)
			.taskList((taskList) -> taskList.name(target.unique("idle-decisions"))));
		assertThat(decisionTask.taskToken()).isEqualTo("");
	}

	@Test
	void terminatingAnExecutionClosesItsTasks() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), run.scheduleActivity(activityType, "a1", (attributes) -> {
		}));
		PollForActivityTaskResponse activityTask = run.nextActivityTask();
		client.terminateWorkflowExecution((request) -> request.domain(domain)
			.workflowId(run.execution.workflowId())
			.runId(run.execution.runId())
			.reason("test"));
		assertThat(client.describeWorkflowExecution((request) -> request.domain(domain).execution(run.execution))
			.executionInfo()
			.closeStatus()).isEqualTo(CloseStatus.TERMINATED);
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> client
			.recordActivityTaskHeartbeat((request) -> request.taskToken(activityTask.taskToken())));
	}

}
