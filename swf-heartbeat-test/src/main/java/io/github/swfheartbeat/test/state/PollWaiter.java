package io.github.swfheartbeat.test.state;

import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * A long poll waiting for a task. It holds no thread: it is answered once, by whichever comes
 * first, a task or its timeout.
 */
final class PollWaiter {

	final String identity;

	final int maximumPageSize;

	final boolean reverseOrder;

	private final Consumer<JsonObject> reply;

	private ScheduledFuture<?> expiry;

	private boolean done;

	PollWaiter(String identity, int maximumPageSize, boolean reverseOrder, Consumer<JsonObject> reply) {
		this.identity = identity;
		this.maximumPageSize = maximumPageSize;
		this.reverseOrder = reverseOrder;
		this.reply = reply;
	}

	void expireAfter(ScheduledFuture<?> expiry) {
		this.expiry = expiry;
	}

	boolean isDone() {
		return this.done;
	}

	/**
	 * Answers the poll unless it was answered already.
	 */
	boolean complete(JsonObject response) {
		if (this.done) {
			return false;
		}
		this.done = true;
		if (this.expiry != null) {
			this.expiry.cancel(false);
		}
		this.reply.accept(response);
		return true;
	}

}
