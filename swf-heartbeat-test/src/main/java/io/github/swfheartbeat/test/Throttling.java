package io.github.swfheartbeat.test;

/**
 * Rate limits of the embedded endpoint, as token buckets per SWF operation: a call takes a token or
 * is answered with SWF's {@code ThrottlingException}; a bucket starts full and refills at a steady
 * rate.
 *
 * <p>Two sources of limits: SWF's own quotas, off by default, and limits set per operation, which
 * apply whether or not SWF's quotas are on and take precedence over SWF's account-level quota of
 * that operation. SWF's quotas are the account-level bucket sizes and refill rates SWF documents
 * per operation, plus its workflow-level quota of {@code RecordActivityTaskHeartbeat}: a bucket of
 * 1,000 per workflow execution refilled at 1,000 a second, applied on top of the account's. Only
 * calls over HTTP from clients count; {@link EmbeddedSwf}'s own helpers are never throttled.
 */
public interface Throttling {

	/**
	 * Switches SWF's quotas on or off.
	 * @param enabled whether they apply
	 * @return this
	 */
	Throttling swfQuotas(boolean enabled);

	/**
	 * Tells whether SWF's quotas apply.
	 * @return whether they are on
	 */
	boolean swfQuotas();

	/**
	 * Sets the limit of one operation, replacing SWF's quota for it; its bucket starts full.
	 * @param operation the SWF operation, e.g. {@code "RecordActivityTaskHeartbeat"}
	 * @param bucketSize how many calls a full bucket allows at once
	 * @param refillPerSecond how many tokens return per second
	 * @return this
	 */
	Throttling limit(String operation, int bucketSize, double refillPerSecond);

	/**
	 * Removes the limit set for one operation; SWF's quota applies again if they are on.
	 * @param operation the SWF operation
	 * @return this
	 */
	Throttling removeLimit(String operation);

	/**
	 * Goes back to the limits the endpoint was built with, with full buckets.
	 */
	void reset();

}
