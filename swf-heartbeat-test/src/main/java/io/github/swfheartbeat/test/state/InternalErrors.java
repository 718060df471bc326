package io.github.swfheartbeat.test.state;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Faults of the endpoint's own code (a bug, an unexpected exception) on a request thread or the
 * timer thread. SWF never has them; a client sees them as a 500, which the SDK retries, so they are
 * kept here for tests to fail on rather than left to a log line.
 */
public final class InternalErrors {

	private static final System.Logger logger = System.getLogger(InternalErrors.class.getName());

	private final List<Throwable> errors = new ArrayList<>();

	/**
	 * Records a fault of the endpoint's own code.
	 * @param where what the endpoint was doing, e.g. the operation's name
	 * @param error the fault
	 */
	public void record(String where, Throwable error) {
		logger.log(Level.ERROR, "Embedded SWF internal error in " + where, error);
		synchronized (this.errors) {
			this.errors.add(new IllegalStateException("Embedded SWF internal error in " + where + ": " + error, error));
		}
	}

	/**
	 * Returns the faults recorded so far, oldest first.
	 * @return a copy of the faults
	 */
	public List<Throwable> list() {
		synchronized (this.errors) {
			return List.copyOf(this.errors);
		}
	}

	/**
	 * Returns the faults recorded so far and forgets them.
	 * @return the faults, oldest first
	 */
	public List<Throwable> drain() {
		synchronized (this.errors) {
			List<Throwable> drained = new ArrayList<>(this.errors);
			this.errors.clear();
			return drained;
		}
	}

}
