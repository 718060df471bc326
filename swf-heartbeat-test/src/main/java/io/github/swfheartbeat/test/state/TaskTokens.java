package io.github.swfheartbeat.test.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes opaque task tokens and the short fingerprints that stand for them in messages.
 */
public final class TaskTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private TaskTokens() {
	}

	/** How long a token is: SWF's are opaque blobs of several hundred characters (at most 1,024). */
	public static final int TOKEN_LENGTH = 600;

	/**
	 * Returns a new random token of {@value #TOKEN_LENGTH} URL-safe characters, as long and as
	 * opaque as SWF's, so that hashing and sending tokens costs what it costs against SWF; every
	 * character is random, so a token cannot be guessed from another.
	 * @return the token
	 */
	public static String newToken() {
		byte[] bytes = new byte[TOKEN_LENGTH * 3 / 4];
		RANDOM.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

	/**
	 * Returns a new random identifier for a run.
	 * @return the identifier
	 */
	public static String newRunId() {
		byte[] bytes = new byte[33];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * Returns the first 8 hex digits of the token's SHA-256, safe to log or show.
	 * @param token the token
	 * @return the fingerprint
	 */
	public static String fingerprint(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
