package io.github.swfheartbeat.sample.embedded;

import io.github.swfheartbeat.core.TaskTokenFingerprint;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.test.EmbeddedSwf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loses a running transcode on purpose: the embedded endpoint times its activity task out at once,
 * as SWF does when a worker stops heartbeating. The worker learns of it from its next heartbeat
 * (UnknownResource), which the engine reports as a lost task. Only the embedded endpoint can do
 * this, so the bean exists only with it.
 */
public class TaskTimeOuts {

	private static final Logger logger = LoggerFactory.getLogger(TaskTimeOuts.class);

	private final EmbeddedSwf swf;

	private final TranscodeRegistry registry;

	TaskTimeOuts(EmbeddedSwf swf, TranscodeRegistry registry) {
		this.swf = swf;
		this.registry = registry;
	}

	/**
	 * Times out the activity task of a running transcode.
	 * @param transcodeId the transcode's id (its workflow id)
	 * @return whether a running task was timed out; false if the transcode is unknown, not
	 * started yet or already closed
	 */
	public boolean timeOut(String transcodeId) {
		return this.registry.runningTaskToken(transcodeId).map((taskToken) -> {
			try {
				this.swf.timeOut(taskToken);
				logger.info("Timed out activity task {} of transcode {} on the embedded endpoint",
						TaskTokenFingerprint.of(taskToken), transcodeId);
				return true;
			}
			catch (IllegalStateException ex) {
				// It closed in the meantime.
				return false;
			}
		}).orElse(false);
	}

}
