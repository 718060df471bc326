package io.github.swfheartbeat.test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link EmbeddedSwf#advance(Duration)}: time the test controls, through the real SDK
 * client. The open-task count is read because it judges no deadline itself: it drops only when a
 * timeout was applied as time passed.
 */
class VirtualTimeTests {

	private static final String DOMAIN = "virtual";

	@Test
	void aTaskOutlivesManyHeartbeatTimeoutsAndTimesOutExactlyTWhenItsHeartbeatsStop() {
		try (EmbeddedSwf swf = start()) {
			StartedActivity task = swf.startActivity(ActivitySpec.builder(DOMAIN, "Work", "1")
				.heartbeatTimeout(Duration.ofMinutes(10))
				.build());
			// Two hours of virtual time, a heartbeat every nine minutes.
			for (int i = 0; i < 13; i++) {
				swf.advance(Duration.ofMinutes(9));
				swf.syncClient().recordActivityTaskHeartbeat((request) -> request.taskToken(task.taskToken()).details("beat"));
			}
			Instant lastHeartbeat = swf.currentTime();
			swf.advance(Duration.ofMinutes(10).minusMillis(1));
			assertThat(swf.openActivityTaskCount()).isOne();
			swf.advance(Duration.ofMillis(1));
			assertThat(swf.openActivityTaskCount()).isZero();
			HistoryEvent timedOut = only(swf.history(task.scheduled()), EventType.ACTIVITY_TASK_TIMED_OUT);
			assertThat(timedOut.activityTaskTimedOutEventAttributes().timeoutType())
				.isEqualTo(ActivityTaskTimeoutType.HEARTBEAT);
			assertThat(timedOut.activityTaskTimedOutEventAttributes().details()).isEqualTo("beat");
			assertThat(timedOut.eventTimestamp()).isEqualTo(lastHeartbeat.plus(Duration.ofMinutes(10)));
		}
	}

	@Test
	void timeoutsFallingDueDuringOneAdvanceAreEachAppliedAtTheirMoment() {
		try (EmbeddedSwf swf = start()) {
			Instant start = swf.currentTime();
			List<Duration> timeouts = List.of(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(20));
			List<StartedActivity> tasks = timeouts.stream()
				.map((timeout) -> swf
					.startActivity(ActivitySpec.builder(DOMAIN, "Work", "1").heartbeatTimeout(timeout).build()))
				.toList();
			swf.advance(Duration.ofSeconds(25));
			assertThat(swf.openActivityTaskCount()).isOne();
			swf.advance(Duration.ofHours(1));
			assertThat(swf.openActivityTaskCount()).isZero();
			for (int i = 0; i < tasks.size(); i++) {
				List<HistoryEvent> history = swf.history(tasks.get(i).scheduled());
				assertThat(only(history, EventType.ACTIVITY_TASK_TIMED_OUT).eventTimestamp())
					.isEqualTo(start.plus(timeouts.get(i)));
				// The decision task the timeout asks for is scheduled at the same moment, after it.
				HistoryEvent decision = history.get(history.size() - 1);
				assertThat(decision.eventType()).isEqualTo(EventType.DECISION_TASK_SCHEDULED);
				assertThat(decision.eventTimestamp()).isEqualTo(start.plus(timeouts.get(i)));
			}
		}
	}

	@Test
	void virtualTimeStandsStillWhileRealTimePasses() {
		try (EmbeddedSwf swf = start()) {
			Instant start = swf.currentTime();
			swf.startActivity(ActivitySpec.builder(DOMAIN, "Work", "1").heartbeatTimeout(Duration.ofSeconds(1)).build());
			// Longer than the heartbeat timeout in real time: a check that nothing happens, not a measurement.
			await().during(Duration.ofMillis(1300))
				.atMost(Duration.ofSeconds(3))
				.until(() -> swf.openActivityTaskCount() == 1);
			assertThat(swf.currentTime()).isEqualTo(start);
		}
	}

	@Test
	void answersAreDatedInVirtualTime() {
		try (EmbeddedSwf swf = start()) {
			swf.advance(Duration.ofHours(3));
			Instant date = swf.syncClient()
				.describeDomain((request) -> request.name(DOMAIN))
				.sdkHttpResponse()
				.firstMatchingHeader("Date")
				.map((header) -> java.time.ZonedDateTime.parse(header, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
				.orElseThrow();
			// A worker reads a poll's instant from this header; it has whole seconds.
			assertThat(date).isEqualTo(swf.currentTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		}
	}

	@Test
	void anEndpointOnTheSystemsClockCannotBeAdvanced() throws Exception {
		try (EmbeddedSwf swf = EmbeddedSwf.start()) {
			assertThatIllegalStateException().isThrownBy(() -> swf.advance(Duration.ofSeconds(1)))
				.withMessageContaining("virtual time");
			HttpResponse<String> refused = postAdvance(swf, "{\"duration\":\"PT1S\"}");
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("virtual time");
		}
	}

	@Test
	void clientsInOtherLanguagesAdvanceTimeOverHttp() throws Exception {
		try (EmbeddedSwf swf = start()) {
			Instant start = swf.currentTime();
			swf.startActivity(ActivitySpec.builder(DOMAIN, "Work", "1").heartbeatTimeout(Duration.ofMinutes(10)).build());
			HttpResponse<String> advanced = postAdvance(swf, "{\"duration\":\"PT10M\"}");
			assertThat(advanced.statusCode()).isEqualTo(200);
			assertThat(advanced.body())
				.isEqualTo("{\"currentTime\":" + start.plus(Duration.ofMinutes(10)).toEpochMilli() + "}");
			assertThat(swf.openActivityTaskCount()).isZero();
			assertThat(postAdvance(swf, "{\"duration\":\"-PT1S\"}").statusCode()).isEqualTo(400);
			assertThat(postAdvance(swf, "{\"duration\":\"ten minutes\"}").statusCode()).isEqualTo(400);
		}
	}

	private static HttpResponse<String> postAdvance(EmbeddedSwf swf, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(swf.endpoint().resolve("/embedded-swf/advance"))
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static EmbeddedSwf start() {
		EmbeddedSwf swf = EmbeddedSwf.builder().virtualTime().longPollTimeout(Duration.ofSeconds(1)).start();
		swf.registerDomain(DOMAIN);
		swf.registerActivityType(DOMAIN, "Work", "1", Duration.ofMinutes(10));
		return swf;
	}

	private static HistoryEvent only(List<HistoryEvent> history, EventType type) {
		List<HistoryEvent> events = history.stream().filter((event) -> event.eventType() == type).toList();
		assertThat(events).hasSize(1);
		return events.get(0);
	}

}
