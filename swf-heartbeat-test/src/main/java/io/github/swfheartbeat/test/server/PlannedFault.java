package io.github.swfheartbeat.test.server;

/**
 * What the endpoint does instead of running a call.
 *
 * @param kind the kind of fault
 * @param httpStatus the status of a server fault
 */
record PlannedFault(Kind kind, int httpStatus) {

	/**
	 * The kinds of fault.
	 */
	enum Kind {

		/** Answer with a 5xx server fault. */
		FAIL,

		/** Answer with SWF's throttling fault. */
		THROTTLE,

		/** Close the connection without an answer. */
		RESET

	}

}
