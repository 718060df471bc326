package io.github.swfheartbeat.test.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ActivityTypeInfo;
import software.amazon.awssdk.services.swf.model.CancelTimerFailedCause;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.CountPendingActivityTasksResponse;
import software.amazon.awssdk.services.swf.model.DomainDeprecatedException;
import software.amazon.awssdk.services.swf.model.DomainInfo;
import software.amazon.awssdk.services.swf.model.ExecutionTimeFilter;
import software.amazon.awssdk.services.swf.model.ListActivityTypesResponse;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.ResourceTag;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskFailedCause;
import software.amazon.awssdk.services.swf.model.TooManyTagsException;
import software.amazon.awssdk.services.swf.model.TypeDeprecatedException;
import software.amazon.awssdk.services.swf.model.TypeNotDeprecatedException;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;
import software.amazon.awssdk.services.swf.model.WorkflowTypeInfo;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.CompleteWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.ContinueAsNewWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.DescribeActivityTypeResponse;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowExecutionResponse;
import software.amazon.awssdk.services.swf.model.DomainAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.ExecutionStatus;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.RequestCancelActivityTaskFailedCause;
import software.amazon.awssdk.services.swf.model.RequestCancelExternalWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.ScheduleLambdaFunctionFailedCause;
import software.amazon.awssdk.services.swf.model.SignalExternalWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.StartTimerFailedCause;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.TypeAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionAlreadyStartedException;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionCancelRequestedCause;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionTerminatedCause;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionTimeoutType;
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
	void aDeprecatedWorkflowTypeStartsNoChildAndNoNewRun() {
		WorkflowType retired = WorkflowType.builder().name(workflowType.name()).version(target.unique("retired")).build();
		client.registerWorkflowType((request) -> request.domain(domain)
			.name(retired.name())
			.version(retired.version())
			.defaultTaskStartToCloseTimeout("30")
			.defaultExecutionStartToCloseTimeout("600")
			.defaultChildPolicy("TERMINATE")
			.defaultTaskList((taskList) -> taskList.name("unused")));
		client.deprecateWorkflowType((request) -> request.domain(domain).workflowType(retired));
		eventually().untilAsserted(() -> assertThatExceptionOfType(TypeDeprecatedException.class)
			.isThrownBy(() -> WorkflowRun.start(target, domain, retired)));
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), WorkflowRun.startChild(retired, "child-" + UUID.randomUUID(), (attributes) -> {
		}));
		PollForDecisionTaskResponse afterChild = run.nextDecisionTask();
		assertThat(run.last(afterChild.events(), EventType.START_CHILD_WORKFLOW_EXECUTION_FAILED)
			.startChildWorkflowExecutionFailedEventAttributes()
			.cause()).isEqualTo(StartChildWorkflowExecutionFailedCause.WORKFLOW_TYPE_DEPRECATED);
		run.decide(afterChild, Decision.builder()
			.decisionType(DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION)
			.continueAsNewWorkflowExecutionDecisionAttributes(
					(attributes) -> attributes.workflowTypeVersion(retired.version()))
			.build());
		assertThat(run.last(run.nextDecisionTask().events(), EventType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION_FAILED)
			.continueAsNewWorkflowExecutionFailedEventAttributes()
			.cause()).isEqualTo(ContinueAsNewWorkflowExecutionFailedCause.WORKFLOW_TYPE_DEPRECATED);
		client.terminateWorkflowExecution((request) -> request.domain(domain)
			.workflowId(run.execution.workflowId())
			.runId(run.execution.runId()));
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
		target.passTime(Duration.ofSeconds(1));
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
		target.passTime(Duration.ofSeconds(2));
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
		target.passTime(Duration.ofSeconds(1));
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
		target.passTime(Duration.ofSeconds(2));
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
	void aTimerFiresAfterItsStartToFireTimeoutAndAsksForADecision() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), WorkflowRun.startTimer("t1", "2"));
		target.passTime(Duration.ofSeconds(2));
		PollForDecisionTaskResponse next = run.nextDecisionTask();
		List<HistoryEvent> history = next.events();
		HistoryEvent started = run.last(history, EventType.TIMER_STARTED);
		assertThat(started.timerStartedEventAttributes().timerId()).isEqualTo("t1");
		assertThat(started.timerStartedEventAttributes().startToFireTimeout()).isEqualTo("2");
		assertThat(started.timerStartedEventAttributes().control()).isEqualTo("control of t1");
		assertThat(started.timerStartedEventAttributes().decisionTaskCompletedEventId())
			.isEqualTo(run.last(history, EventType.DECISION_TASK_COMPLETED).eventId());
		HistoryEvent fired = run.last(history, EventType.TIMER_FIRED);
		assertThat(fired.timerFiredEventAttributes().timerId()).isEqualTo("t1");
		assertThat(fired.timerFiredEventAttributes().startedEventId()).isEqualTo(started.eventId());
		assertThat(fired.eventTimestamp()).isAfterOrEqualTo(started.eventTimestamp().plusSeconds(2));
		assertThat(WorkflowRun.types(history).subList(history.size() - 3, history.size())).containsExactly(
				EventType.TIMER_FIRED, EventType.DECISION_TASK_SCHEDULED, EventType.DECISION_TASK_STARTED);
	}

	@Test
	void timersAreCanceledByIdAndTheirIdsAreUniqueWhileOpen() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), WorkflowRun.startTimer("t1", "600"), WorkflowRun.startTimer("t1", "600"));
		assertThat(describe(run.execution).openCounts().openTimers()).isOne();
		// The failed decision asks for a decision task of its own.
		PollForDecisionTaskResponse afterFailure = run.nextDecisionTask();
		var failedStart = run.last(afterFailure.events(), EventType.START_TIMER_FAILED).startTimerFailedEventAttributes();
		assertThat(failedStart.timerId()).isEqualTo("t1");
		assertThat(failedStart.cause()).isEqualTo(StartTimerFailedCause.TIMER_ID_ALREADY_IN_USE);
		run.decide(afterFailure, WorkflowRun.cancelTimer("t1"), WorkflowRun.cancelTimer("unknown"));
		PollForDecisionTaskResponse afterCancel = run.nextDecisionTask();
		List<HistoryEvent> history = afterCancel.events();
		HistoryEvent canceled = run.last(history, EventType.TIMER_CANCELED);
		assertThat(canceled.timerCanceledEventAttributes().timerId()).isEqualTo("t1");
		assertThat(canceled.timerCanceledEventAttributes().startedEventId())
			.isEqualTo(run.last(history, EventType.TIMER_STARTED).eventId());
		assertThat(canceled.timerCanceledEventAttributes().decisionTaskCompletedEventId())
			.isEqualTo(run.last(history, EventType.DECISION_TASK_COMPLETED).eventId());
		var failedCancel = run.last(history, EventType.CANCEL_TIMER_FAILED).cancelTimerFailedEventAttributes();
		assertThat(failedCancel.timerId()).isEqualTo("unknown");
		assertThat(failedCancel.cause()).isEqualTo(CancelTimerFailedCause.TIMER_ID_UNKNOWN);
		// A canceled timer's id is free again.
		run.decide(afterCancel, WorkflowRun.startTimer("t1", "600"), WorkflowRun.complete("done"));
		assertThat(WorkflowRun.types(run.history())).doesNotContain(EventType.TIMER_FIRED)
			.containsSubsequence(EventType.TIMER_CANCELED, EventType.TIMER_STARTED,
					EventType.WORKFLOW_EXECUTION_COMPLETED);
	}

	@Test
	void aDecisionCannotCloseTheExecutionOverATimerItHasNotSeen() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), WorkflowRun.startTimer("t1", "1"));
		run.signal("wake up");
		PollForDecisionTaskResponse held = run.nextDecisionTask();
		target.passTime(Duration.ofSeconds(2));
		run.decide(held, WorkflowRun.complete("too early"));
		PollForDecisionTaskResponse next = run.nextDecisionTask();
		assertThat(run.last(next.events(), EventType.COMPLETE_WORKFLOW_EXECUTION_FAILED)
			.completeWorkflowExecutionFailedEventAttributes()
			.cause()).isEqualTo(CompleteWorkflowExecutionFailedCause.UNHANDLED_DECISION);
		assertThat(WorkflowRun.types(next.events())).containsSubsequence(EventType.DECISION_TASK_STARTED,
				EventType.TIMER_FIRED, EventType.DECISION_TASK_COMPLETED);
		run.decide(next, WorkflowRun.complete("seen"));
		assertThat(client.describeWorkflowExecution((request) -> request.domain(domain).execution(run.execution))
			.executionInfo()
			.closeStatus()).isEqualTo(CloseStatus.COMPLETED);
	}

	@Test
	void aDecisionTaskNotCompletedInTimeTimesOutAndAnotherIsScheduled() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType, (request) -> request.taskStartToCloseTimeout("2"));
		PollForDecisionTaskResponse late = run.nextDecisionTask();
		target.passTime(Duration.ofSeconds(3));
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> run.decide(late));
		PollForDecisionTaskResponse next = run.nextDecisionTask();
		var timedOut = run.last(next.events(), EventType.DECISION_TASK_TIMED_OUT).decisionTaskTimedOutEventAttributes();
		assertThat(timedOut.timeoutType()).isEqualTo(DecisionTaskTimeoutType.START_TO_CLOSE);
		assertThat(timedOut.startedEventId()).isEqualTo(late.startedEventId());
		assertThat(timedOut.scheduledEventId())
			.isEqualTo(run.last(late.events(), EventType.DECISION_TASK_SCHEDULED).eventId());
		assertThat(WorkflowRun.types(next.events()).subList(next.events().size() - 3, next.events().size()))
			.containsExactly(EventType.DECISION_TASK_TIMED_OUT, EventType.DECISION_TASK_SCHEDULED,
					EventType.DECISION_TASK_STARTED);
		run.decide(next, WorkflowRun.complete("in time"));
	}

	@Test
	void aTaskListChosenForAWhileIsLeftWhenNoDeciderStartsATaskOnIt() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		String elsewhere = target.unique("elsewhere-" + run.execution.workflowId());
		PollForDecisionTaskResponse first = run.nextDecisionTask();
		client.respondDecisionTaskCompleted((request) -> request.taskToken(first.taskToken())
			.taskList((taskList) -> taskList.name(elsewhere))
			.taskListScheduleToStartTimeout("2"));
		run.signal("for the other task list");
		target.passTime(Duration.ofSeconds(3));
		// Back on the execution's own task list.
		PollForDecisionTaskResponse next = run.nextDecisionTask();
		List<HistoryEvent> history = next.events();
		var completed = run.last(history, EventType.DECISION_TASK_COMPLETED).decisionTaskCompletedEventAttributes();
		assertThat(completed.taskList().name()).isEqualTo(elsewhere);
		assertThat(completed.taskListScheduleToStartTimeout()).isEqualTo("2");
		HistoryEvent timedOut = run.last(history, EventType.DECISION_TASK_TIMED_OUT);
		assertThat(timedOut.decisionTaskTimedOutEventAttributes().timeoutType())
			.isEqualTo(DecisionTaskTimeoutType.SCHEDULE_TO_START);
		HistoryEvent scheduledElsewhere = history.stream()
			.filter((event) -> event.eventId() == timedOut.decisionTaskTimedOutEventAttributes().scheduledEventId())
			.findFirst()
			.orElseThrow();
		assertThat(scheduledElsewhere.decisionTaskScheduledEventAttributes().taskList().name()).isEqualTo(elsewhere);
		assertThat(scheduledElsewhere.decisionTaskScheduledEventAttributes().scheduleToStartTimeout()).isEqualTo("2");
		assertThat(run.last(history, EventType.DECISION_TASK_SCHEDULED).decisionTaskScheduledEventAttributes()
			.taskList()
			.name()).isEqualTo(run.decisionTaskList);
		run.decide(next, WorkflowRun.complete("home again"));
	}

	@Test
	void anExecutionPastItsStartToCloseTimesOutWithItsChildPolicy() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType,
				(request) -> request.executionStartToCloseTimeout("3").childPolicy(ChildPolicy.ABANDON));
		PollForDecisionTaskResponse held = run.nextDecisionTask();
		target.passTime(Duration.ofSeconds(4));
		assertThatExceptionOfType(UnknownResourceException.class).isThrownBy(() -> run.decide(held));
		var description = client.describeWorkflowExecution((request) -> request.domain(domain).execution(run.execution));
		assertThat(description.executionInfo().executionStatus()).isEqualTo(ExecutionStatus.CLOSED);
		assertThat(description.executionInfo().closeStatus()).isEqualTo(CloseStatus.TIMED_OUT);
		List<HistoryEvent> history = run.history();
		HistoryEvent timedOut = history.get(history.size() - 1);
		assertThat(timedOut.eventType()).isEqualTo(EventType.WORKFLOW_EXECUTION_TIMED_OUT);
		assertThat(timedOut.workflowExecutionTimedOutEventAttributes().timeoutType())
			.isEqualTo(WorkflowExecutionTimeoutType.START_TO_CLOSE);
		assertThat(timedOut.workflowExecutionTimedOutEventAttributes().childPolicy()).isEqualTo(ChildPolicy.ABANDON);
	}

	@Test
	void continuingAsNewClosesTheRunAndStartsAnotherOfTheSameWorkflowId() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		PollForDecisionTaskResponse first = run.nextDecisionTask();
		run.decide(first, Decision.builder()
			.decisionType(DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION)
			.continueAsNewWorkflowExecutionDecisionAttributes((attributes) -> attributes.input("next input")
				.taskList((taskList) -> taskList.name(run.decisionTaskList))
				.executionStartToCloseTimeout("900")
				.tagList("second"))
			.build());
		var description = client.describeWorkflowExecution((request) -> request.domain(domain).execution(run.execution));
		assertThat(description.executionInfo().closeStatus()).isEqualTo(CloseStatus.CONTINUED_AS_NEW);
		List<HistoryEvent> history = run.history();
		HistoryEvent continued = history.get(history.size() - 1);
		assertThat(continued.eventType()).isEqualTo(EventType.WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
		var attributes = continued.workflowExecutionContinuedAsNewEventAttributes();
		assertThat(attributes.input()).isEqualTo("next input");
		assertThat(attributes.decisionTaskCompletedEventId())
			.isEqualTo(run.last(history, EventType.DECISION_TASK_COMPLETED).eventId());
		assertThat(attributes.workflowType()).isEqualTo(workflowType);
		assertThat(attributes.taskList().name()).isEqualTo(run.decisionTaskList);
		assertThat(attributes.executionStartToCloseTimeout()).isEqualTo("900");
		// The type's defaults for what the decision left out.
		assertThat(attributes.taskStartToCloseTimeout()).isEqualTo("30");
		assertThat(attributes.childPolicy()).isEqualTo(ChildPolicy.TERMINATE);
		assertThat(attributes.tagList()).containsExactly("second");
		assertThat(attributes.newExecutionRunId()).isNotEqualTo(run.execution.runId());

		PollForDecisionTaskResponse next = run.nextDecisionTask();
		assertThat(next.workflowExecution().workflowId()).isEqualTo(run.execution.workflowId());
		assertThat(next.workflowExecution().runId()).isEqualTo(attributes.newExecutionRunId());
		var started = next.events().get(0).workflowExecutionStartedEventAttributes();
		assertThat(started.continuedExecutionRunId()).isEqualTo(run.execution.runId());
		assertThat(started.input()).isEqualTo("next input");
		assertThat(started.executionStartToCloseTimeout()).isEqualTo("900");
		assertThat(started.tagList()).containsExactly("second");
		run.decide(next, WorkflowRun.complete("second run done"));
	}

	@Test
	void continuingAsNewWithAnUnknownTypeVersionFails() {
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), Decision.builder()
			.decisionType(DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION)
			.continueAsNewWorkflowExecutionDecisionAttributes((attributes) -> attributes.workflowTypeVersion("0-none"))
			.build());
		PollForDecisionTaskResponse next = run.nextDecisionTask();
		assertThat(run.last(next.events(), EventType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION_FAILED)
			.continueAsNewWorkflowExecutionFailedEventAttributes()
			.cause()).isEqualTo(ContinueAsNewWorkflowExecutionFailedCause.WORKFLOW_TYPE_DOES_NOT_EXIST);
		assertThat(next.workflowExecution()).isEqualTo(run.execution);
		run.decide(next, WorkflowRun.complete("done"));
	}

	@Test
	void aDeciderSignalsAnotherExecution() {
		WorkflowRun source = WorkflowRun.start(target, domain, workflowType);
		WorkflowRun signaled = WorkflowRun.start(target, domain, workflowType);
		// Its first decision task is done: the next one must come from the signal.
		signaled.decide(signaled.nextDecisionTask());
		String unknown = target.unique("no-such-workflow");
		source.decide(source.nextDecisionTask(),
				WorkflowRun.signalExternal(signaled.execution.workflowId(), signaled.execution.runId(), "hello"),
				WorkflowRun.signalExternal(unknown, null, "nobody"));
		List<HistoryEvent> history = source.historyWith(EventType.EXTERNAL_WORKFLOW_EXECUTION_SIGNALED,
				EventType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED);
		List<HistoryEvent> initiated = history.stream()
			.filter((event) -> event.eventType() == EventType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED)
			.toList();
		assertThat(initiated).hasSize(2);
		var hello = initiated.get(0).signalExternalWorkflowExecutionInitiatedEventAttributes();
		assertThat(hello.workflowId()).isEqualTo(signaled.execution.workflowId());
		assertThat(hello.runId()).isEqualTo(signaled.execution.runId());
		assertThat(hello.signalName()).isEqualTo("hello");
		assertThat(hello.input()).isEqualTo("input of hello");
		assertThat(hello.control()).isEqualTo("control of hello");
		assertThat(hello.decisionTaskCompletedEventId())
			.isEqualTo(source.last(history, EventType.DECISION_TASK_COMPLETED).eventId());
		var delivered = source.last(history, EventType.EXTERNAL_WORKFLOW_EXECUTION_SIGNALED)
			.externalWorkflowExecutionSignaledEventAttributes();
		assertThat(delivered.workflowExecution()).isEqualTo(signaled.execution);
		assertThat(delivered.initiatedEventId()).isEqualTo(initiated.get(0).eventId());
		var failed = source.last(history, EventType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED)
			.signalExternalWorkflowExecutionFailedEventAttributes();
		assertThat(failed.workflowId()).isEqualTo(unknown);
		assertThat(failed.cause()).isEqualTo(SignalExternalWorkflowExecutionFailedCause.UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION);
		assertThat(failed.initiatedEventId()).isEqualTo(initiated.get(1).eventId());
		assertThat(failed.control()).isEqualTo("control of nobody");

		PollForDecisionTaskResponse signaledTask = signaled.nextDecisionTask();
		var signal = signaled.last(signaledTask.events(), EventType.WORKFLOW_EXECUTION_SIGNALED)
			.workflowExecutionSignaledEventAttributes();
		assertThat(signal.signalName()).isEqualTo("hello");
		assertThat(signal.input()).isEqualTo("input of hello");
		assertThat(signal.externalWorkflowExecution()).isEqualTo(source.execution);
		assertThat(signal.externalInitiatedEventId()).isEqualTo(initiated.get(0).eventId());
		signaled.decide(signaledTask, WorkflowRun.complete("signaled"));
		source.decide(source.nextDecisionTask(), WorkflowRun.complete("sent"));
	}

	@Test
	void aDeciderRequestsCancellationOfAnotherExecution() {
		WorkflowRun source = WorkflowRun.start(target, domain, workflowType);
		WorkflowRun canceled = WorkflowRun.start(target, domain, workflowType);
		// Its first decision task is done: the next one must come from the cancellation request.
		canceled.decide(canceled.nextDecisionTask());
		String unknown = target.unique("no-such-workflow");
		source.decide(source.nextDecisionTask(),
				WorkflowRun.requestCancelExternal(canceled.execution.workflowId(), canceled.execution.runId()),
				WorkflowRun.requestCancelExternal(unknown, null));
		List<HistoryEvent> history = source.historyWith(EventType.EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED,
				EventType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED);
		List<HistoryEvent> initiated = history.stream()
			.filter((event) -> event.eventType() == EventType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED)
			.toList();
		assertThat(initiated).hasSize(2);
		var request = initiated.get(0).requestCancelExternalWorkflowExecutionInitiatedEventAttributes();
		assertThat(request.workflowId()).isEqualTo(canceled.execution.workflowId());
		assertThat(request.runId()).isEqualTo(canceled.execution.runId());
		assertThat(request.control()).isEqualTo("control of " + canceled.execution.workflowId());
		var delivered = source.last(history, EventType.EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED)
			.externalWorkflowExecutionCancelRequestedEventAttributes();
		assertThat(delivered.workflowExecution()).isEqualTo(canceled.execution);
		assertThat(delivered.initiatedEventId()).isEqualTo(initiated.get(0).eventId());
		var failed = source.last(history, EventType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED)
			.requestCancelExternalWorkflowExecutionFailedEventAttributes();
		assertThat(failed.workflowId()).isEqualTo(unknown);
		assertThat(failed.cause())
			.isEqualTo(RequestCancelExternalWorkflowExecutionFailedCause.UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION);
		assertThat(failed.initiatedEventId()).isEqualTo(initiated.get(1).eventId());

		assertThat(client.describeWorkflowExecution((describe) -> describe.domain(domain).execution(canceled.execution))
			.executionInfo()
			.cancelRequested()).isTrue();
		PollForDecisionTaskResponse canceledTask = canceled.nextDecisionTask();
		var cancelRequested = canceled.last(canceledTask.events(), EventType.WORKFLOW_EXECUTION_CANCEL_REQUESTED)
			.workflowExecutionCancelRequestedEventAttributes();
		assertThat(cancelRequested.externalWorkflowExecution()).isEqualTo(source.execution);
		assertThat(cancelRequested.externalInitiatedEventId()).isEqualTo(initiated.get(0).eventId());
		canceled.decide(canceledTask, Decision.builder()
			.decisionType(DecisionType.CANCEL_WORKFLOW_EXECUTION)
			.cancelWorkflowExecutionDecisionAttributes((attributes) -> attributes.details("as asked"))
			.build());
		assertThat(client.describeWorkflowExecution((describe) -> describe.domain(domain).execution(canceled.execution))
			.executionInfo()
			.closeStatus()).isEqualTo(CloseStatus.CANCELED);
		source.decide(source.nextDecisionTask(), WorkflowRun.complete("asked"));
	}

	@Test
	void aChildStartsWithItsParentAndItsCompletionIsReportedToIt() {
		WorkflowRun parent = WorkflowRun.start(target, domain, workflowType);
		String childId = "child-" + UUID.randomUUID();
		parent.decide(parent.nextDecisionTask(), WorkflowRun.startChild(workflowType, childId, (attributes) -> {
		}));
		PollForDecisionTaskResponse afterStart = parent.nextDecisionTask();
		List<HistoryEvent> history = afterStart.events();
		HistoryEvent initiated = parent.last(history, EventType.START_CHILD_WORKFLOW_EXECUTION_INITIATED);
		var request = initiated.startChildWorkflowExecutionInitiatedEventAttributes();
		assertThat(request.workflowId()).isEqualTo(childId);
		assertThat(request.workflowType()).isEqualTo(workflowType);
		assertThat(request.input()).isEqualTo("input of " + childId);
		assertThat(request.control()).isEqualTo("control of " + childId);
		assertThat(request.taskList().name()).isEqualTo("decisions-" + childId);
		assertThat(request.decisionTaskCompletedEventId())
			.isEqualTo(parent.last(history, EventType.DECISION_TASK_COMPLETED).eventId());
		// The type's defaults for what the decision left out.
		assertThat(request.childPolicy()).isEqualTo(ChildPolicy.TERMINATE);
		assertThat(request.executionStartToCloseTimeout()).isEqualTo("600");
		assertThat(request.taskStartToCloseTimeout()).isEqualTo("30");
		HistoryEvent childStarted = parent.last(history, EventType.CHILD_WORKFLOW_EXECUTION_STARTED);
		var started = childStarted.childWorkflowExecutionStartedEventAttributes();
		assertThat(started.initiatedEventId()).isEqualTo(initiated.eventId());
		assertThat(started.workflowType()).isEqualTo(workflowType);
		assertThat(started.workflowExecution().workflowId()).isEqualTo(childId);

		WorkflowRun child = parent.child(started.workflowExecution(), "decisions-" + childId);
		PollForDecisionTaskResponse childTask = child.nextDecisionTask();
		var childStart = childTask.events().get(0).workflowExecutionStartedEventAttributes();
		assertThat(childStart.parentWorkflowExecution()).isEqualTo(parent.execution);
		assertThat(childStart.parentInitiatedEventId()).isEqualTo(initiated.eventId());
		assertThat(childStart.input()).isEqualTo("input of " + childId);
		assertThat(client.describeWorkflowExecution((describe) -> describe.domain(domain).execution(child.execution))
			.executionInfo()
			.parent()).isEqualTo(parent.execution);
		assertThat(client.describeWorkflowExecution((describe) -> describe.domain(domain).execution(parent.execution))
			.openCounts()
			.openChildWorkflowExecutions()).isOne();
		child.decide(childTask, WorkflowRun.complete("child result"));

		parent.decide(afterStart);
		var completed = parent.last(parent.historyWith(EventType.CHILD_WORKFLOW_EXECUTION_COMPLETED),
				EventType.CHILD_WORKFLOW_EXECUTION_COMPLETED)
			.childWorkflowExecutionCompletedEventAttributes();
		assertThat(completed.workflowExecution()).isEqualTo(child.execution);
		assertThat(completed.workflowType()).isEqualTo(workflowType);
		assertThat(completed.result()).isEqualTo("child result");
		assertThat(completed.initiatedEventId()).isEqualTo(initiated.eventId());
		assertThat(completed.startedEventId()).isEqualTo(childStarted.eventId());
		parent.decide(parent.nextDecisionTask(), WorkflowRun.complete("parent done"));
	}

	@Test
	void everyWayAChildClosesIsReportedToItsParent() {
		WorkflowRun parent = WorkflowRun.start(target, domain, workflowType);
		String prefix = "child-" + UUID.randomUUID() + "-";
		parent.decide(parent.nextDecisionTask(), WorkflowRun.startChild(workflowType, prefix + "fails", (attributes) -> {
		}), WorkflowRun.startChild(workflowType, prefix + "cancels", (attributes) -> {
		}), WorkflowRun.startChild(workflowType, prefix + "terminated", (attributes) -> {
		}), WorkflowRun.startChild(workflowType, prefix + "times-out",
				(attributes) -> attributes.executionStartToCloseTimeout("3")));
		List<HistoryEvent> started = parent.historyWith(EventType.CHILD_WORKFLOW_EXECUTION_STARTED)
			.stream()
			.filter((event) -> event.eventType() == EventType.CHILD_WORKFLOW_EXECUTION_STARTED)
			.toList();
		assertThat(started).hasSize(4);
		WorkflowExecution[] children = started.stream()
			.map((event) -> event.childWorkflowExecutionStartedEventAttributes().workflowExecution())
			.toArray(WorkflowExecution[]::new);
		WorkflowRun fails = parent.child(children[0], "decisions-" + prefix + "fails");
		fails.decide(fails.nextDecisionTask(), WorkflowRun.fail("child broke"));
		WorkflowRun cancels = parent.child(children[1], "decisions-" + prefix + "cancels");
		cancels.decide(cancels.nextDecisionTask(), WorkflowRun.cancel("child gave up"));
		client.terminateWorkflowExecution((request) -> request.domain(domain)
			.workflowId(children[2].workflowId())
			.runId(children[2].runId())
			.reason("test"));
		target.passTime(Duration.ofSeconds(4));

		List<HistoryEvent> history = parent.historyWith(EventType.CHILD_WORKFLOW_EXECUTION_FAILED,
				EventType.CHILD_WORKFLOW_EXECUTION_CANCELED, EventType.CHILD_WORKFLOW_EXECUTION_TERMINATED,
				EventType.CHILD_WORKFLOW_EXECUTION_TIMED_OUT);
		var failed = parent.last(history, EventType.CHILD_WORKFLOW_EXECUTION_FAILED)
			.childWorkflowExecutionFailedEventAttributes();
		assertThat(failed.workflowExecution()).isEqualTo(children[0]);
		assertThat(failed.reason()).isEqualTo("child broke");
		assertThat(failed.details()).isEqualTo("details");
		assertThat(failed.startedEventId()).isEqualTo(started.get(0).eventId());
		var canceled = parent.last(history, EventType.CHILD_WORKFLOW_EXECUTION_CANCELED)
			.childWorkflowExecutionCanceledEventAttributes();
		assertThat(canceled.workflowExecution()).isEqualTo(children[1]);
		assertThat(canceled.details()).isEqualTo("child gave up");
		assertThat(parent.last(history, EventType.CHILD_WORKFLOW_EXECUTION_TERMINATED)
			.childWorkflowExecutionTerminatedEventAttributes()
			.workflowExecution()).isEqualTo(children[2]);
		var timedOut = parent.last(history, EventType.CHILD_WORKFLOW_EXECUTION_TIMED_OUT)
			.childWorkflowExecutionTimedOutEventAttributes();
		assertThat(timedOut.workflowExecution()).isEqualTo(children[3]);
		assertThat(timedOut.timeoutType()).isEqualTo(WorkflowExecutionTimeoutType.START_TO_CLOSE);
		client.terminateWorkflowExecution((request) -> request.domain(domain).workflowId(parent.execution.workflowId()));
	}

	@Test
	void aChildThatCannotStartIsReportedWithSwfsCause() {
		WorkflowRun parent = WorkflowRun.start(target, domain, workflowType);
		WorkflowType unknownType = WorkflowType.builder().name(workflowType.name()).version("0-none").build();
		parent.decide(parent.nextDecisionTask(),
				WorkflowRun.startChild(unknownType, "child-" + UUID.randomUUID(), (attributes) -> {
				}), WorkflowRun.startChild(workflowType, parent.execution.workflowId(), (attributes) -> {
				}));
		List<HistoryEvent> history = parent.historyWith(EventType.START_CHILD_WORKFLOW_EXECUTION_FAILED);
		List<StartChildWorkflowExecutionFailedCause> causes = parent.historyWith(
				EventType.START_CHILD_WORKFLOW_EXECUTION_FAILED)
			.stream()
			.filter((event) -> event.eventType() == EventType.START_CHILD_WORKFLOW_EXECUTION_FAILED)
			.map((event) -> event.startChildWorkflowExecutionFailedEventAttributes().cause())
			.toList();
		assertThat(causes).containsExactlyInAnyOrder(StartChildWorkflowExecutionFailedCause.WORKFLOW_TYPE_DOES_NOT_EXIST,
				StartChildWorkflowExecutionFailedCause.WORKFLOW_ALREADY_RUNNING);
		var alreadyRunning = history.stream()
			.map(HistoryEvent::startChildWorkflowExecutionFailedEventAttributes)
			.filter((failed) -> failed != null && failed.cause() == StartChildWorkflowExecutionFailedCause.WORKFLOW_ALREADY_RUNNING)
			.findFirst()
			.orElseThrow();
		assertThat(alreadyRunning.workflowId()).isEqualTo(parent.execution.workflowId());
		assertThat(alreadyRunning.control()).isEqualTo("control of " + parent.execution.workflowId());
		assertThat(history).extracting(HistoryEvent::eventType).doesNotContain(EventType.CHILD_WORKFLOW_EXECUTION_STARTED);
		parent.decide(parent.nextDecisionTask(), WorkflowRun.complete("alone"));
	}

	@Test
	void aTerminatedOrTimedOutParentAppliesItsChildPolicy() {
		WorkflowExecution terminatedChild = childOfAParentThatCloses(ChildPolicy.TERMINATE, (parent) -> client
			.terminateWorkflowExecution((request) -> request.domain(domain).workflowId(parent.workflowId())));
		var terminated = eventOf(terminatedChild, EventType.WORKFLOW_EXECUTION_TERMINATED);
		assertThat(terminated.workflowExecutionTerminatedEventAttributes().cause())
			.isEqualTo(WorkflowExecutionTerminatedCause.CHILD_POLICY_APPLIED);
		assertThat(describe(terminatedChild).executionInfo().closeStatus()).isEqualTo(CloseStatus.TERMINATED);

		WorkflowExecution cancelRequestedChild = childOfAParentThatCloses(ChildPolicy.REQUEST_CANCEL,
				(parent) -> target.passTime(Duration.ofSeconds(4)));
		var cancelRequested = eventOf(cancelRequestedChild, EventType.WORKFLOW_EXECUTION_CANCEL_REQUESTED);
		assertThat(cancelRequested.workflowExecutionCancelRequestedEventAttributes().cause())
			.isEqualTo(WorkflowExecutionCancelRequestedCause.CHILD_POLICY_APPLIED);
		assertThat(describe(cancelRequestedChild).executionInfo().executionStatus()).isEqualTo(ExecutionStatus.OPEN);

		WorkflowExecution abandonedChild = childOfAParentThatCloses(ChildPolicy.ABANDON, (parent) -> client
			.terminateWorkflowExecution((request) -> request.domain(domain).workflowId(parent.workflowId())));
		assertThat(describe(abandonedChild).executionInfo().executionStatus()).isEqualTo(ExecutionStatus.OPEN);
		assertThat(describe(abandonedChild).executionInfo().cancelRequested()).isFalse();
		for (WorkflowExecution open : List.of(cancelRequestedChild, abandonedChild)) {
			client.terminateWorkflowExecution((request) -> request.domain(domain).workflowId(open.workflowId()));
		}
	}

	/**
	 * Starts a parent with a child policy and a 3-second start-to-close timeout, lets its decider
	 * start one child, closes the parent and waits until the parent has closed.
	 */
	private static WorkflowExecution childOfAParentThatCloses(ChildPolicy childPolicy,
			Consumer<WorkflowExecution> close) {
		WorkflowRun parent = WorkflowRun.start(target, domain, workflowType,
				(request) -> request.childPolicy(childPolicy).executionStartToCloseTimeout("3"));
		parent.decide(parent.nextDecisionTask(), WorkflowRun.startChild(workflowType, "child-" + UUID.randomUUID(),
				(attributes) -> attributes.executionStartToCloseTimeout("600")));
		WorkflowExecution child = parent.last(parent.historyWith(EventType.CHILD_WORKFLOW_EXECUTION_STARTED),
				EventType.CHILD_WORKFLOW_EXECUTION_STARTED)
			.childWorkflowExecutionStartedEventAttributes()
			.workflowExecution();
		close.accept(parent.execution);
		await().atMost(target.patience())
			.pollInterval(Duration.ofMillis(100))
			.until(() -> describe(parent.execution).executionInfo().executionStatus() == ExecutionStatus.CLOSED);
		return child;
	}

	private static DescribeWorkflowExecutionResponse describe(WorkflowExecution execution) {
		return client.describeWorkflowExecution((request) -> request.domain(domain).execution(execution));
	}

	/**
	 * Waits for the first event of a type in an execution's history: SWF applies a child policy a
	 * moment after the parent closes.
	 */
	private static HistoryEvent eventOf(WorkflowExecution execution, EventType type) {
		return await().atMost(target.patience())
			.pollInterval(Duration.ofMillis(100))
			.until(() -> WorkflowRun.history(client, domain, execution).stream().filter((event) -> event.eventType() == type).findFirst(),
					Optional::isPresent)
			.orElseThrow();
	}

	@Test
	void aLambdaFunctionIsRefusedWithAFailureEventNotAnError() {
		// The embedded endpoint has no Lambda behind it; SWF with a lambdaRole would run the function.
		assumeTrue(target.isEmbedded());
		WorkflowRun run = WorkflowRun.start(target, domain, workflowType);
		run.decide(run.nextDecisionTask(), Decision.builder()
			.decisionType(DecisionType.SCHEDULE_LAMBDA_FUNCTION)
			.scheduleLambdaFunctionDecisionAttributes(
					(attributes) -> attributes.id("l1").name("resize").input("{}").startToCloseTimeout("60"))
			.build());
		PollForDecisionTaskResponse next = run.nextDecisionTask();
		HistoryEvent failedEvent = run.last(next.events(), EventType.SCHEDULE_LAMBDA_FUNCTION_FAILED);
		var failed = failedEvent.scheduleLambdaFunctionFailedEventAttributes();
		assertThat(failed.id()).isEqualTo("l1");
		assertThat(failed.name()).isEqualTo("resize");
		assertThat(failed.cause()).isEqualTo(ScheduleLambdaFunctionFailedCause.LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION);
		assertThat(failed.decisionTaskCompletedEventId())
			.isEqualTo(run.last(next.events(), EventType.DECISION_TASK_COMPLETED).eventId());
		run.decide(next, WorkflowRun.complete("without Lambda"));
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
