package io.github.swfheartbeat.sample.workflow;

import java.time.Duration;

/**
 * The input of a transcode workflow and of its activity: which video, in how many steps of what
 * duration (the sample simulates the work).
 *
 * @param video the video to transcode
 * @param steps the number of steps
 * @param stepMillis milliseconds each step takes
 */
public record TranscodeJob(String video, int steps, long stepMillis) {

	/**
	 * Creates a job.
	 * @param video the video to transcode
	 * @param steps the number of steps
	 * @param stepDuration the time each step takes
	 * @return the job
	 * @throws IllegalArgumentException if the video is blank, or steps or duration not positive
	 */
	public static TranscodeJob of(String video, int steps, Duration stepDuration) {
		if (video.isBlank()) {
			throw new IllegalArgumentException("A transcode needs a video name");
		}
		if (steps < 1 || steps > 10_000) {
			throw new IllegalArgumentException("A transcode needs 1 to 10000 steps, not " + steps);
		}
		if (stepDuration.isNegative() || stepDuration.isZero() || stepDuration.toMinutes() >= 10) {
			throw new IllegalArgumentException("A step must take more than zero and less than 10 minutes");
		}
		return new TranscodeJob(video, steps, stepDuration.toMillis());
	}

	/**
	 * Returns the time each step takes.
	 * @return the step duration
	 */
	public Duration stepDuration() {
		return Duration.ofMillis(this.stepMillis);
	}

}
