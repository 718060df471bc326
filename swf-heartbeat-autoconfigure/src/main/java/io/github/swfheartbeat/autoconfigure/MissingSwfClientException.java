package io.github.swfheartbeat.autoconfigure;

/**
 * Thrown when the heartbeat engine has no SWF client to send heartbeats with.
 */
public class MissingSwfClientException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 */
	public MissingSwfClientException() {
		super("The heartbeat engine needs an SwfAsyncClient or SwfClient bean, and the context has neither");
	}

}
