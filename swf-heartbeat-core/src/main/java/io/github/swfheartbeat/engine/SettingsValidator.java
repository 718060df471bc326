package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.swfheartbeat.core.DetailsOverflow;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.engine.InvalidHeartbeatSettingsException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Checks engine settings and explains every setting that cannot work.
 */
final class SettingsValidator {

	private final List<Problem> problems = new ArrayList<>();

	private SettingsValidator() {
	}

	@SuppressWarnings("NullAway")
	static void validate(Duration defaultHeartbeatTimeout, @Nullable Duration maxCancellationLatency,
			Duration minSendInterval, Duration minSafetyMargin, double rateLimit, int rateLimitBurst,
			int maxDetailsLength, DetailsOverflow detailsOverflow, Duration callTimeout, Duration retryInitialBackoff,
			Duration retryMaxBackoff, Duration shutdownGracePeriod) {
		SettingsValidator validator = new SettingsValidator();
		boolean timeoutOk = validator.positive("default-heartbeat-timeout", defaultHeartbeatTimeout);
		boolean intervalOk = validator.positive("min-send-interval", minSendInterval);
		boolean marginOk = validator.positive("min-safety-margin", minSafetyMargin);
		if (timeoutOk && intervalOk && marginOk
				&& minSendInterval.plus(minSafetyMargin).compareTo(defaultHeartbeatTimeout) >= 0) {
			validator.problem("min-send-interval", minSendInterval,
					"with min-safety-margin (" + minSafetyMargin + ") it leaves no time to heartbeat within "
							+ "default-heartbeat-timeout (" + defaultHeartbeatTimeout + "), so a task could not be kept alive",
					"Lower swf.heartbeat.min-send-interval or swf.heartbeat.min-safety-margin so that together they "
							+ "are less than swf.heartbeat.default-heartbeat-timeout");
		}
		if (maxCancellationLatency != null && validator.positive("max-cancellation-latency", maxCancellationLatency)
				&& intervalOk && maxCancellationLatency.compareTo(minSendInterval) < 0) {
			validator.problem("max-cancellation-latency", maxCancellationLatency,
					"it is shorter than min-send-interval (" + minSendInterval + "), so it cannot be met",
					"Raise swf.heartbeat.max-cancellation-latency or lower swf.heartbeat.min-send-interval");
		}
		if (!(rateLimit > 0) || Double.isInfinite(rateLimit)) {
			validator.problem("rate-limit", rateLimit, "it must be a positive number of calls per second",
					"Set swf.heartbeat.rate-limit to a positive value below your account's RecordActivityTaskHeartbeat "
							+ "quota (SWF refills 160 per second)");
		}
		if (rateLimitBurst < 1) {
			validator.problem("rate-limit-burst", rateLimitBurst, "it must be at least 1",
					"Set swf.heartbeat.rate-limit-burst to at least 1 (SWF's bucket holds 2000)");
		}
		if (maxDetailsLength < 1 || maxDetailsLength > HeartbeatEngineSettings.SWF_MAX_DETAILS_LENGTH) {
			validator.problem("max-details-length", maxDetailsLength,
					"SWF accepts heartbeat details of at most " + HeartbeatEngineSettings.SWF_MAX_DETAILS_LENGTH
							+ " characters",
					"Set swf.heartbeat.max-details-length between 1 and " + HeartbeatEngineSettings.SWF_MAX_DETAILS_LENGTH);
		}
		if (detailsOverflow == null) {
			validator.problem("details-overflow", "null", "it must be set", "Set swf.heartbeat.details-overflow to TRUNCATE or FAIL");
		}
		validator.positive("call-timeout", callTimeout);
		boolean initialOk = validator.positive("retry.initial-backoff", retryInitialBackoff);
		boolean maxOk = validator.positive("retry.max-backoff", retryMaxBackoff);
		if (initialOk && maxOk && retryInitialBackoff.compareTo(retryMaxBackoff) > 0) {
			validator.problem("retry.initial-backoff", retryInitialBackoff,
					"it is longer than retry.max-backoff (" + retryMaxBackoff + ")",
					"Make swf.heartbeat.retry.initial-backoff at most swf.heartbeat.retry.max-backoff");
		}
		if (shutdownGracePeriod == null || shutdownGracePeriod.isNegative()) {
			validator.problem("shutdown-grace-period", shutdownGracePeriod, "it must not be negative",
					"Set swf.heartbeat.shutdown-grace-period to zero or a positive duration");
		}
		else {
			validator.notTooLong("shutdown-grace-period", shutdownGracePeriod);
		}
		if (!validator.problems.isEmpty()) {
			throw new InvalidHeartbeatSettingsException(validator.problems);
		}
	}

	private boolean positive(String setting, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			problem(setting, value, "it must be a positive duration",
					"Set swf.heartbeat." + setting + " to a positive duration such as 30s");
			return false;
		}
		return notTooLong(setting, value);
	}

	/**
	 * The engine computes in nanoseconds of {@link System#nanoTime()}: a duration of centuries
	 * would overflow, so anything past SWF's own one-year limits is refused.
	 */
	private boolean notTooLong(String setting, Duration value) {
		if (value.compareTo(HeartbeatOptions.MAX_DURATION) > 0) {
			problem(setting, value, "it is longer than " + HeartbeatOptions.MAX_DURATION.toDays()
					+ " days, past any SWF timeout", "Set swf.heartbeat." + setting + " to at most "
							+ HeartbeatOptions.MAX_DURATION.toDays() + "d");
			return false;
		}
		return true;
	}

	private void problem(String setting, @Nullable Object value, String reason, String action) {
		this.problems.add(new Problem(setting, String.valueOf(value), reason, action));
	}

}
