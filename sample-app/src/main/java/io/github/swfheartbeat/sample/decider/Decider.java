package io.github.swfheartbeat.sample.decider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.sample.config.SampleProperties;
import io.github.swfheartbeat.sample.polling.LongPollLoop;
import io.github.swfheartbeat.sample.polling.PollingPhase;
import io.github.swfheartbeat.sample.workflow.TranscodeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The decider: long-polls decision tasks of the transcode workflow, reads each execution's full
 * history and answers with what {@link TranscodeDecisions} decides.
 */
@Component
public class Decider implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Decider.class);

	private static final String IDENTITY = "swf-heartbeat-sample-decider";

	/** A decision is quick; let one in progress finish when stopping. */
	private static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(5);

	private final SwfClient swf;

	private final TranscodeTypes types;

	private final TranscodeDecisions decisions;

	private final LongPollLoop<PollForDecisionTaskResponse> loop;

	Decider(SwfAsyncClient swfAsync, SwfClient swf, TranscodeTypes types, SampleProperties properties) {
		this.swf = swf;
		this.types = types;
		this.decisions = new TranscodeDecisions(types.activityType(), types.taskList());
		this.loop = new LongPollLoop<>("transcode-decider", properties.getDecider().getThreads(),
				() -> poll(swfAsync, types), (task) -> task.taskToken() != null && !task.taskToken().isEmpty(),
				this::decide);
	}

	private static CompletableFuture<PollForDecisionTaskResponse> poll(SwfAsyncClient swf, TranscodeTypes types) {
		return swf.pollForDecisionTask(
				(request) -> request.domain(types.domain()).taskList(types.taskList()).identity(IDENTITY));
	}

	private void decide(PollForDecisionTaskResponse task) {
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

	@Override
	public void start() {
		this.loop.start();
	}

	@Override
	public void stop() {
		this.loop.stop(STOP_GRACE_PERIOD);
	}

	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}

	@Override
	public int getPhase() {
		return PollingPhase.PHASE;
	}

}
