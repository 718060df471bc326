package io.github.swfheartbeat.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Short, stable fingerprint of a task token, safe for logs, metrics and health details.
 * <p>
 * A task token is a credential for its task: whoever holds it can heartbeat, complete or
 * fail the task. The fingerprint identifies a token without revealing it.
 */
public final class TaskTokenFingerprint {

	private static final String PREFIX = "tt-";

	private TaskTokenFingerprint() {
	}

	/**
	 * Returns the fingerprint of a task token: {@code tt-} followed by the first 8 hex digits of
	 * its SHA-256 hash.
	 * @param taskToken the task token, may be {@code null}
	 * @return the fingerprint, or {@code tt-none} for {@code null}
	 */
	public static String of(@Nullable String taskToken) {
		if (taskToken == null) {
			return PREFIX + "none";
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(taskToken.getBytes(StandardCharsets.UTF_8));
			return PREFIX + HexFormat.of().formatHex(hash, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform is required to support SHA-256.
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The fingerprint of one task token, worked out the first time it is asked for: hashing a
	 * long token costs about a microsecond, which code that may never log it need not pay on the
	 * caller's thread. Two threads asking at once compute the same string twice, which is
	 * harmless; a string is safe to share without a volatile field.
	 */
	public static final class Lazy {

		private final @Nullable String taskToken;

		private @Nullable String fingerprint;

		/**
		 * Creates the lazy fingerprint of a token.
		 * @param taskToken the task token, may be {@code null}
		 */
		public Lazy(@Nullable String taskToken) {
			this.taskToken = taskToken;
		}

		/**
		 * Returns the fingerprint, as {@link TaskTokenFingerprint#of(String)} does.
		 * @return the fingerprint
		 */
		public String get() {
			String known = this.fingerprint;
			if (known == null) {
				known = of(this.taskToken);
				this.fingerprint = known;
			}
			return known;
		}

		@Override
		public String toString() {
			return get();
		}

	}

}
