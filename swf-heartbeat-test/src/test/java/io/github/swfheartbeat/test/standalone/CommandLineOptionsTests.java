package io.github.swfheartbeat.test.standalone;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CommandLineOptions}.
 */
class CommandLineOptionsTests {

	@Test
	void defaults() {
		CommandLineOptions options = CommandLineOptions.parse();
		assertThat(options.port()).isEqualTo(CommandLineOptions.DEFAULT_PORT);
		assertThat(options.longPollTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.swfQuotas()).isFalse();
		assertThat(options.limits()).isEmpty();
		assertThat(options.virtualTime()).isFalse();
		assertThat(options.help()).isFalse();
	}

	@Test
	void everyOption() {
		CommandLineOptions options = CommandLineOptions.parse("--port", "9000", "--long-poll-timeout=PT2S",
				"--throttling", "--throttle", "RecordActivityTaskHeartbeat=200:16.5", "--virtual-time");
		assertThat(options.port()).isEqualTo(9000);
		assertThat(options.longPollTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.swfQuotas()).isTrue();
		assertThat(options.limits().get("RecordActivityTaskHeartbeat")).containsExactly(200, 16.5);
		assertThat(options.virtualTime()).isTrue();
	}

	@Test
	void secondsAreADuration() {
		assertThat(CommandLineOptions.parse("--long-poll-timeout", "3").longPollTimeout())
			.isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void help() {
		assertThat(CommandLineOptions.parse("--help").help()).isTrue();
		assertThat(CommandLineOptions.parse("-h").help()).isTrue();
		assertThat(CommandLineOptions.usage()).contains("--port", "--long-poll-timeout", "--throttling", "--throttle");
	}

	@Test
	void badInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLineOptions.parse("--bogus"))
			.withMessageContaining("--bogus");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLineOptions.parse("--port"))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLineOptions.parse("--port", "70000"));
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLineOptions.parse("--port", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLineOptions.parse("--long-poll-timeout", "soon"));
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLineOptions.parse("--throttle", "Op=1"));
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLineOptions.parse("--throttle", "Op=0:1"));
	}

}
