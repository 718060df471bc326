package io.github.swfheartbeat.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.DomainDeprecatedException;
import software.amazon.awssdk.services.swf.model.DomainInfo;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.ListDomainsResponse;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.ResourceTag;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskFailedCause;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.TooManyTagsException;
import software.amazon.awssdk.services.swf.model.TypeDeprecatedException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;

import io.github.swfheartbeat.test.state.SwfModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded endpoint's listings, deprecations, tags and visibility operations where the
 * conformance scenarios cannot reach: page tokens, deadlines that passed unnoticed (on virtual
 * time), limits, and what a deprecation leaves running. Through the real SDK client.
 */
class AdministrationAndVisibilityTests {

	private static final ActivityType WORK = ActivityType.builder().name("Work").version("1").build();

	private static EmbeddedSwf swf;

	private static SwfClient client;

	private static int domains;

	@BeforeAll
	static void start() {
		swf = EmbeddedSwf.builder().virtualTime().longPollTimeout(Duration.ofSeconds(1)).start();
		client = swf.syncClient();
	}

	@AfterAll
	static void stop() {
		swf.close();
	}

	/** A domain of its own for each test, with one activity type of a 60-second heartbeat timeout. */
	private static String newDomain() {
		String domain = "domain-" + (++domains);
		swf.registerDomain(domain);
		swf.registerActivityType(domain, "Work", "1", Duration.ofSeconds(60));
		return domain;
	}

	@Test
	void pageTokensContinueAfterTheirLastItemAndBelongToTheirListing() {
		newDomain();
		newDomain();
		ListDomainsResponse first = client
			.listDomains((request) -> request.registrationStatus(RegistrationStatus.REGISTERED).maximumPageSize(1));
		assertThat(first.domainInfos()).hasSize(1);
		String firstName = first.domainInfos().get(0).name();
		// A domain that sorts before the page already read neither shifts nor repeats the next page.
		client.registerDomain((request) -> request.name("a-" + firstName).workflowExecutionRetentionPeriodInDays("1"));
		List<String> rest = new ArrayList<>();
		String token = first.nextPageToken();
		while (token != null) {
			// A page token that does not move on would page forever.
			assertThat(rest).hasSizeLessThan(100);
			String pageToken = token;
			ListDomainsResponse page = client.listDomains((request) -> request
				.registrationStatus(RegistrationStatus.REGISTERED)
				.maximumPageSize(1)
				.nextPageToken(pageToken));
			page.domainInfos().forEach((info) -> rest.add(info.name()));
			token = page.nextPageToken();
		}
		assertThat(rest).doesNotContain(firstName, "a-" + firstName)
			.isNotEmpty()
			.allMatch((name) -> name.compareTo(firstName) > 0);
		assertValidationError(() -> client.listDomains((request) -> request
			.registrationStatus(RegistrationStatus.REGISTERED)
			.nextPageToken("not a token")));
		assertValidationError(() -> client.listActivityTypes((request) -> request.domain(firstName)
			.registrationStatus(RegistrationStatus.REGISTERED)
			.nextPageToken(first.nextPageToken())));
		assertValidationError(() -> client.listDomains((request) -> request.registrationStatus("RETIRED")));
	}

	@Test
	void pageTokensExpireAfterSixtySecondsAsSwfs() {
		String domain = newDomain();
		swf.registerActivityType(domain, "Work", "2", Duration.ofSeconds(60));
		swf.registerActivityType(domain, "Work", "3", Duration.ofSeconds(60));
		String token = client.listActivityTypes((request) -> request.domain(domain)
			.registrationStatus(RegistrationStatus.REGISTERED)
			.maximumPageSize(1)).nextPageToken();
		swf.advance(Duration.ofSeconds(60));
		String next = client.listActivityTypes((request) -> request.domain(domain)
			.registrationStatus(RegistrationStatus.REGISTERED)
			.maximumPageSize(1)
			.nextPageToken(token)).nextPageToken();
		assertThat(next).isNotNull();
		swf.advance(Duration.ofSeconds(61));
		assertThatExceptionOfType(SwfException.class).isThrownBy(() -> client.listActivityTypes((request) -> request
			.domain(domain)
			.registrationStatus(RegistrationStatus.REGISTERED)
			.maximumPageSize(1)
			.nextPageToken(next))).satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("Specified token has exceeded its maximum lifetime");
			});
	}

	@Test
	void anExecutionPastItsTimeoutIsListedClosedAsTimedOut() {
		String domain = newDomain();
		client.registerWorkflowType((request) -> request.domain(domain)
			.name("Short")
			.version("1")
			.defaultTaskList((taskList) -> taskList.name("decisions"))
			.defaultChildPolicy("TERMINATE")
			.defaultTaskStartToCloseTimeout("NONE")
			.defaultExecutionStartToCloseTimeout("60"));
		Instant before = swf.currentTime();
		String runId = client.startWorkflowExecution((request) -> request.domain(domain)
			.workflowId("short")
			.workflowType((type) -> type.name("Short").version("1"))).runId();
		assertThat(countOpen(domain, before)).isEqualTo(1);
		assertThat(client.countPendingDecisionTasks((request) -> request.domain(domain)
			.taskList((taskList) -> taskList.name("decisions"))).count()).isEqualTo(1);
		swf.advance(Duration.ofSeconds(61));
		assertThat(countOpen(domain, before)).isZero();
		assertThat(client.countPendingDecisionTasks((request) -> request.domain(domain)
			.taskList((taskList) -> taskList.name("decisions"))).count()).isZero();
		List<WorkflowExecutionInfo> closed = client.listClosedWorkflowExecutions((request) -> request.domain(domain)
			.closeTimeFilter((filter) -> filter.oldestDate(before))
			.closeStatusFilter((filter) -> filter.status(CloseStatus.TIMED_OUT))).executionInfos();
		assertThat(closed).singleElement().satisfies((info) -> {
			assertThat(info.execution().runId()).isEqualTo(runId);
			// Closed when the deadline passed, on the endpoint's clock.
			assertThat(info.closeTimestamp()).isEqualTo(info.startTimestamp().plusSeconds(60));
		});
	}

	private static long countOpen(String domain, Instant since) {
		return client.countOpenWorkflowExecutions(
				(request) -> request.domain(domain).startTimeFilter((filter) -> filter.oldestDate(since)))
			.count();
	}

	@Test
	void aTaskWhoseScheduleToStartTimeoutPassedIsNoLongerPending() {
		String domain = newDomain();
		swf.scheduleActivity(ActivitySpec.builder(domain, "Work", "1")
			.taskList("waiting")
			.scheduleToStartTimeout(Duration.ofSeconds(10))
			.build());
		assertThat(pendingActivityTasks(domain, "waiting")).isEqualTo(1);
		swf.advance(Duration.ofSeconds(10));
		assertThat(pendingActivityTasks(domain, "waiting")).isZero();
	}

	private static long pendingActivityTasks(String domain, String taskList) {
		return client
			.countPendingActivityTasks((request) -> request.domain(domain).taskList((list) -> list.name(taskList)))
			.count();
	}

	@Test
	void deprecationsLeaveWhatRunsAlone() {
		String domain = newDomain();
		StartedActivity running = swf.startActivity(ActivitySpec.of(domain, "Work", "1"));
		client.deprecateDomain((request) -> request.name(domain));
		// Executions and tasks started before the deprecation run on.
		client.recordActivityTaskHeartbeat((request) -> request.taskToken(running.taskToken()));
		client.respondActivityTaskCompleted((request) -> request.taskToken(running.taskToken()));
		assertThatExceptionOfType(DomainDeprecatedException.class).isThrownBy(() -> client.registerWorkflowType(
				(request) -> request.domain(domain).name("Late").version("1")));
		assertThatExceptionOfType(TypeDeprecatedException.class).isThrownBy(() -> client.startWorkflowExecution(
				(request) -> request.domain(domain)
					.workflowId("late")
					.workflowType((type) -> type.name(SwfModel.HELPER_WORKFLOW_TYPE).version("1"))));
		assertThat(client.listDomains((request) -> request.registrationStatus(RegistrationStatus.DEPRECATED))
			.domainInfos()).extracting(DomainInfo::name).contains(domain);
	}

	@Test
	void aDeletedActivityTypeIsUnknownToNewDecisionsWhileItsTasksRunOn() {
		String domain = newDomain();
		StartedActivity running = swf.startActivity(ActivitySpec.of(domain, "Work", "1"));
		client.deprecateActivityType((request) -> request.domain(domain).activityType(WORK));
		assertThatIllegalStateException().isThrownBy(() -> swf.scheduleActivity(ActivitySpec.of(domain, "Work", "1")))
			.withMessageContaining("ACTIVITY_TYPE_DEPRECATED");
		client.deleteActivityType((request) -> request.domain(domain).activityType(WORK));
		client.recordActivityTaskHeartbeat((request) -> request.taskToken(running.taskToken()));
		assertThatIllegalStateException().isThrownBy(() -> swf.scheduleActivity(ActivitySpec.of(domain, "Work", "1")))
			.withMessageContaining(ScheduleActivityTaskFailedCause.ACTIVITY_TYPE_DOES_NOT_EXIST.toString());
		client.respondActivityTaskCompleted((request) -> request.taskToken(running.taskToken()).result("done"));
		List<HistoryEvent> history = swf.history(running.scheduled());
		assertThat(history).extracting(HistoryEvent::eventType).contains(EventType.ACTIVITY_TASK_COMPLETED);
	}

	@Test
	void tagsKeepToSwfsLimits() {
		List<ResourceTag> tooMany = new ArrayList<>();
		for (int i = 0; i <= 50; i++) {
			tooMany.add(ResourceTag.builder().key("k" + i).value("v").build());
		}
		assertThatExceptionOfType(TooManyTagsException.class).isThrownBy(() -> client.registerDomain(
				(request) -> request.name("over-tagged").workflowExecutionRetentionPeriodInDays("1").tags(tooMany)));
		// Refused whole: no domain without its tags.
		assertThatExceptionOfType(UnknownResourceException.class)
			.isThrownBy(() -> client.describeDomain((request) -> request.name("over-tagged")));
		String domain = newDomain();
		String arn = client.describeDomain((request) -> request.name(domain)).domainInfo().arn();
		assertValidationError(() -> client.tagResource((request) -> request.resourceArn(arn)
			.tags(ResourceTag.builder().key("k".repeat(129)).value("v").build())));
		assertValidationError(() -> client.tagResource((request) -> request.resourceArn(arn)
			.tags(ResourceTag.builder().key("k").value("v".repeat(257)).build())));
		assertValidationError(() -> client.tagResource((request) -> request.resourceArn(arn)
			.tags(ResourceTag.builder().key("").value("v").build())));
		client.tagResource((request) -> request.resourceArn(arn)
			.tags(ResourceTag.builder().key("k".repeat(128)).value("Grüße: a/b=c+d-e@f_g.h").build()));
		assertThat(client.listTagsForResource((request) -> request.resourceArn(arn)).tags()).hasSize(1);
	}

	private static void assertValidationError(Runnable call) {
		assertThatExceptionOfType(SwfException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.statusCode()).isEqualTo(400);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
		});
	}

}
