package io.github.swfheartbeat.sample.embedded;

import io.github.swfheartbeat.client.SwfAsyncClientCustomizer;
import io.github.swfheartbeat.client.SwfClientCustomizer;
import io.github.swfheartbeat.sample.config.SampleProperties;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.test.EmbeddedSwf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs an {@link EmbeddedSwf} endpoint in this JVM unless {@code sample.embedded-swf.enabled} is
 * {@code false}, and points the starter's SWF clients at it. The clients are built from
 * {@code swf.client.*} first and by customizers afterwards, so the customizers here win over any
 * region, endpoint or credentials configured for Amazon SWF; and since the clients need the
 * customizers, the endpoint runs before them and closes after them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.embedded-swf.enabled", matchIfMissing = true)
public class EmbeddedSwfConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedSwfConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedSwf embeddedSwf(SampleProperties properties) {
		SampleProperties.EmbeddedSwf settings = properties.getEmbeddedSwf();
		EmbeddedSwf swf = EmbeddedSwf.builder()
			.port(settings.getPort())
			.longPollTimeout(settings.getLongPollTimeout())
			.start();
		logger.info("Embedded SWF endpoint at {}; set sample.embedded-swf.enabled=false or use the aws profile "
				+ "to run against Amazon SWF", swf.endpoint());
		return swf;
	}

	@Bean
	SwfClientCustomizer embeddedSwfClient(EmbeddedSwf embeddedSwf) {
		return (builder) -> pointAt(embeddedSwf, builder);
	}

	@Bean
	SwfAsyncClientCustomizer embeddedSwfAsyncClient(EmbeddedSwf embeddedSwf) {
		return (builder) -> pointAt(embeddedSwf, builder);
	}

	@Bean
	TaskTimeOuts taskTimeOuts(EmbeddedSwf embeddedSwf, TranscodeRegistry registry) {
		return new TaskTimeOuts(embeddedSwf, registry);
	}

	private static void pointAt(EmbeddedSwf swf, AwsClientBuilder<?, ?> builder) {
		builder.endpointOverride(swf.endpoint())
			.region(Region.of(swf.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(EmbeddedSwf.ACCESS_KEY_ID, EmbeddedSwf.SECRET_ACCESS_KEY)));
	}

}
