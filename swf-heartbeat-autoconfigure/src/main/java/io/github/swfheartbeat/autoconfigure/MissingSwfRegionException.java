package io.github.swfheartbeat.autoconfigure;

/**
 * Thrown when an SWF client cannot be built because neither {@code swf.client.region} nor the
 * AWS SDK's default region provider chain names a region.
 */
public class MissingSwfRegionException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param cause the SDK's error
	 */
	public MissingSwfRegionException(Throwable cause) {
		super("No AWS region for the SWF client: set swf.client.region", cause);
	}

}
