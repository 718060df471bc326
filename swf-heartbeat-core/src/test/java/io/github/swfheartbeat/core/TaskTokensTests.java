package io.github.swfheartbeat.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link TaskTokens} and {@link TaskTokenFingerprint}: SWF's token limits, and a fingerprint that
 * identifies a token without revealing it.
 */
class TaskTokensTests {

	@Test
	void aTokenOfSwfsMaximumLengthIsAccepted() {
		String longest = "t".repeat(TaskTokens.MAX_LENGTH);
		assertThat(TaskTokens.requireValid(longest)).isSameAs(longest);
		assertThatIllegalArgumentException().isThrownBy(() -> TaskTokens.requireValid(longest + "t"))
			.withMessage("taskToken is 1025 characters long; SWF accepts at most 1024 ("
					+ TaskTokenFingerprint.of(longest + "t") + ")");
	}

	@Test
	void fingerprintIsTheStartOfTheTokensSha256() {
		// SHA-256("abc") = ba7816bf 8f01cfea ...
		assertThat(TaskTokenFingerprint.of("abc")).isEqualTo("tt-ba7816bf");
		assertThat(TaskTokenFingerprint.of(null)).isEqualTo("tt-none");
		assertThat(TaskTokenFingerprint.of("abd")).isNotEqualTo(TaskTokenFingerprint.of("abc"));
	}

	@Test
	void lazyFingerprintIsTheSameString() {
		TaskTokenFingerprint.Lazy lazy = new TaskTokenFingerprint.Lazy("abc");
		assertThat(lazy.get()).isEqualTo("tt-ba7816bf");
		assertThat(lazy).hasToString("tt-ba7816bf");
		assertThat(new TaskTokenFingerprint.Lazy(null)).hasToString("tt-none");
	}

}
