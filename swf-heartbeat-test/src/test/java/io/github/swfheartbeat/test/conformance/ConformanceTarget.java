package io.github.swfheartbeat.test.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfClient;

import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * The SWF endpoint the conformance scenarios run against: the embedded one, or the one named by
 * the environment variable {@code SWF_ENDPOINT} (with {@code AWS_REGION} and the default credentials
 * chain), so that the same scenarios check the embedded endpoint against SWF itself.
 */
final class ConformanceTarget implements AutoCloseable {

	private final EmbeddedSwf embedded;

	private final SwfClient client;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private ConformanceTarget(EmbeddedSwf embedded, SwfClient client) {
		this.embedded = embedded;
		this.client = client;
	}

	static ConformanceTarget create() {
		String endpoint = System.getenv("SWF_ENDPOINT");
		if (endpoint == null || endpoint.isBlank()) {
			// Virtual time: scenarios that wait for a timeout or a timer pass it with passTime().
			EmbeddedSwf swf = EmbeddedSwf.builder().virtualTime().longPollTimeout(Duration.ofSeconds(1)).start();
			return new ConformanceTarget(swf, swf.syncClient());
		}
		String region = System.getenv("AWS_REGION");
		return new ConformanceTarget(null, SwfClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.of((region != null) ? region : "us-east-1"))
			.build());
	}

	/**
	 * Wraps an embedded endpoint a test built itself, e.g. on the system's clock.
	 */
	static ConformanceTarget of(EmbeddedSwf swf) {
		return new ConformanceTarget(swf, swf.syncClient());
	}

	SwfClient client() {
		return this.client;
	}

	boolean isEmbedded() {
		return this.embedded != null;
	}

	/**
	 * How long to wait for something SWF does by itself, such as a timeout; a remote service gets
	 * more time.
	 */
	Duration patience() {
		return isEmbedded() ? Duration.ofSeconds(10) : Duration.ofMinutes(3);
	}

	/**
	 * Lets time pass for timeouts and timers: the embedded endpoint's virtual time moves at once,
	 * against SWF the test sleeps.
	 */
	void passTime(Duration duration) {
		if (this.embedded != null) {
			this.embedded.advance(duration);
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while time passed", ex);
		}
	}

	/**
	 * Returns a name unique to this run, so that runs against a shared account never collide.
	 */
	String unique(String name) {
		return name + "-" + this.suffix;
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.close();
		}
		else {
			this.client.close();
		}
	}

}
