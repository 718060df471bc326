package io.github.swfheartbeat.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Applies {@code swf.client.*} to an SWF client builder, in the order customizers expect:
 * credentials, region, override configuration, endpoint override. Customizers run afterwards, so
 * they can override each of these.
 */
final class SwfClientBuilderConfigurer {

	private static final String ACCESS_KEY_ID = "swf.client.credentials.access-key-id";

	private static final String SECRET_ACCESS_KEY = "swf.client.credentials.secret-access-key";

	private final SwfClientProperties properties;

	SwfClientBuilderConfigurer(SwfClientProperties properties) {
		this.properties = properties;
	}

	<B extends AwsClientBuilder<B, ?>> B configure(B builder) {
		PropertyMapper map = PropertyMapper.get();
		StaticCredentialsProvider credentials = staticCredentials();
		// Without static credentials the SDK's default chain applies, and the client owns it.
		map.from(credentials).to(builder::credentialsProvider);
		map.from(this.properties::getRegion).as(Region::of).to(builder::region);
		if (this.properties.getApiCallTimeout() != null || this.properties.getApiCallAttemptTimeout() != null) {
			builder.overrideConfiguration(overrideConfiguration());
		}
		map.from(this.properties::getEndpoint).to(builder::endpointOverride);
		return builder;
	}

	/**
	 * Builds a client, explaining a missing region in terms of {@code swf.client.region}.
	 * @param <C> the client type
	 * @param build builds the client
	 * @return the client
	 */
	<C> C build(Supplier<C> build) {
		try {
			return build.get();
		}
		catch (SdkClientException ex) {
			// The SDK resolves the region only when the client is built; its message names no property.
			String message = ex.getMessage();
			if (this.properties.getRegion() == null && message != null && message.contains("region")) {
				throw new MissingSwfRegionException(ex);
			}
			throw ex;
		}
	}

	private @Nullable StaticCredentialsProvider staticCredentials() {
		SwfClientProperties.Credentials credentials = this.properties.getCredentials();
		String accessKeyId = credentials.getAccessKeyId();
		String secretAccessKey = credentials.getSecretAccessKey();
		if (accessKeyId == null && secretAccessKey == null) {
			return null;
		}
		// Name the missing property with no value: the one that is set may be the secret.
		if (accessKeyId == null) {
			throw new InvalidConfigurationPropertyValueException(ACCESS_KEY_ID, null,
					"Static credentials need both " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY);
		}
		if (secretAccessKey == null) {
			throw new InvalidConfigurationPropertyValueException(SECRET_ACCESS_KEY, null,
					"Static credentials need both " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY);
		}
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
	}

	private ClientOverrideConfiguration overrideConfiguration() {
		PropertyMapper map = PropertyMapper.get();
		ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
		map.from(this.properties::getApiCallTimeout)
			.as((timeout) -> requirePositive("swf.client.api-call-timeout", timeout))
			.to(override::apiCallTimeout);
		map.from(this.properties::getApiCallAttemptTimeout)
			.as((timeout) -> requirePositive("swf.client.api-call-attempt-timeout", timeout))
			.to(override::apiCallAttemptTimeout);
		return override.build();
	}

	private static Duration requirePositive(String property, Duration timeout) {
		if (timeout.isZero() || timeout.isNegative()) {
			// The SDK's own message would name no property.
			throw new InvalidConfigurationPropertyValueException(property, timeout, "It must be longer than zero");
		}
		return timeout;
	}

}
