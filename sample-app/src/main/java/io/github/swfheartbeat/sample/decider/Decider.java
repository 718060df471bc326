package io.github.swfheartbeat.sample.decider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.sample.config.SampleProperties;
import io.github.swfheartbeat.sample.workflow.TranscodeTypes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

import org.springframework.stereotype.Component;

/**
 * The decider: long-polls decision tasks of the transcode workflow, reads each execution's full
 * history and answers with what {@link TranscodeDecisions} decides.
 */
@Component
public class Decider extends DecisionPollLoop<PollForDecisionTaskResponse> {

	private static final Logger logger = LoggerFactory.getLogger(Decider.class);

	private static final String IDENTITY = "swf-heartbeat-sample-decider";

	/** A decision is quick; let one in progress finish when stopping. */
	private static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(5);

	private final SwfAsyncClient swfAsync;

	private final SwfClient swf;

	private final TranscodeTypes types;

	private final TranscodeDecisions decisions;

	Decider(SwfAsyncClient swfAsync, SwfClient swf, TranscodeTypes types, SampleProperties properties) {
		super("transcode-decider", properties.getDecider().getThreads(), STOP_GRACE_PERIOD);
		this.swfAsync = swfAsync;
		this.swf = swf;
		this.types = types;
		this.decisions = new TranscodeDecisions(types.activityType(), types.taskList());
	}

	@Override
	protected CompletableFuture<PollForDecisionTaskResponse> poll() {
		return this.swfAsync.pollForDecisionTask((request) -> request.domain(this.types.domain())
			.taskList(this.types.taskList())
			.identity(IDENTITY));
	}

	@Override
	protected @Nullable String taskToken(PollForDecisionTaskResponse answer) {
		return answer.taskToken();
	}

	@Override
	protected void handle(PollForDecisionTaskResponse task) {
		String workflowId = task.workflowExecution().workflowId();
		try {
			List<Decision> decided = this.decisions.decide(history(task));
			this.swf.respondDecisionTaskCompleted((request) -> request.taskToken(task.taskToken()).decisions(decided));
			decided.forEach((decision) -> logger.info("Transcode {}: {}", workflowId, decision.decisionTypeAsString()));
		}
		catch (UnknownResourceException ex) {
			// The decision task timed out or the execution closed meanwhile; SWF schedules another if needed.
			logger.warn("Decision task of transcode {} is gone: {}", workflowId, ex.getMessage());
		}
	}

	private List<HistoryEvent> history(PollForDecisionTaskResponse firstPage) {
		List<HistoryEvent> events = new ArrayList<>(firstPage.events());
		String nextPageToken = firstPage.nextPageToken();
		while (nextPageToken != null && !nextPageToken.isEmpty()) {
			String pageToken = nextPageToken;
			PollForDecisionTaskResponse page = this.swf.pollForDecisionTask((request) -> request
				.domain(this.types.domain())
				.taskList(this.types.taskList())
				.identity(IDENTITY)
				.nextPageToken(pageToken));
			events.addAll(page.events());
			nextPageToken = page.nextPageToken();
		}
		return events;
	}

}
