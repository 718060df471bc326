package io.github.swfheartbeat.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * {@link FailureAnalyzer} for {@link MissingSwfRegionException}.
 */
class MissingSwfRegionFailureAnalyzer extends AbstractFailureAnalyzer<MissingSwfRegionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSwfRegionException cause) {
		return new FailureAnalysis(
				"The Amazon SWF client could not be created: no AWS region is configured. "
						+ "swf.client.region is not set and the AWS SDK found no region either.",
				"Set swf.client.region (for example us-east-1), or provide a region the way the AWS SDK looks for "
						+ "one: the AWS_REGION environment variable, the aws.region system property or an AWS "
						+ "profile.",
				cause);
	}

}
