package io.github.swfheartbeat.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * {@link FailureAnalyzer} for {@link MissingSwfClientException}.
 */
class MissingSwfClientFailureAnalyzer extends AbstractFailureAnalyzer<MissingSwfClientException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSwfClientException cause) {
		return new FailureAnalysis(
				"The SWF heartbeat engine needs an Amazon SWF client to send heartbeats, but the application "
						+ "context contains neither an SwfAsyncClient nor an SwfClient bean.",
				"Define an SwfAsyncClient (preferred) or SwfClient bean, or let swf-heartbeat create them from "
						+ "swf.client.* (region, endpoint, credentials) by not excluding SwfClientAutoConfiguration. "
						+ "Set swf.heartbeat.enabled=false if the application sends no heartbeats.",
				cause);
	}

}
