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

	/**
	 * Returns a new random token, long and opaque like SWF's.
	 * @return the token
	 */
	public static String newToken() {
		byte[] bytes = new byte[48];
		RANDOM.nextBytes(bytes);
		return "AAAA" + ENCODER.encodeToString(bytes);
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
