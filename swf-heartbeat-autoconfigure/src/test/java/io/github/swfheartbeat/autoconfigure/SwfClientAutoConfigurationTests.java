package io.github.swfheartbeat.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.swfheartbeat.client.SwfAsyncClientCustomizer;
import io.github.swfheartbeat.client.SwfClientCustomizer;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link SwfClientAutoConfiguration}.
 */
class SwfClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SwfClientAutoConfiguration.class))
		.withBean(SwfAsyncClientCustomizer.class, SharedNettyHttpClient::customizer)
		.withPropertyValues("swf.client.region=eu-west-1");

	@Test
	void createsBothClients() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SwfClient.class).hasSingleBean(SwfAsyncClient.class);
			assertThat(context.getBean(SwfAsyncClient.class).serviceClientConfiguration().region())
				.isEqualTo(Region.EU_WEST_1);
		});
	}

	@Test
	void closesClientsWithTheContext() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SwfClientAutoConfiguration.class))
			.withPropertyValues("swf.client.region=eu-west-1")
			.run((context) -> {
			for (String name : List.of("swfClient", "swfAsyncClient")) {
				AbstractBeanDefinition definition = (AbstractBeanDefinition) context.getBeanFactory()
					.getBeanDefinition(name);
				assertThat(definition.getDestroyMethodNames()).containsExactly("close");
			}
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAnSwfClient() {
		this.contextRunner.withUserConfiguration(UserSwfClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SwfClient.class).doesNotHaveBean(SwfAsyncClient.class);
			assertThat(context).getBean(SwfClient.class).isSameAs(context.getBean("userSwfClient"));
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAnSwfAsyncClient() {
		this.contextRunner.withUserConfiguration(UserSwfAsyncClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SwfAsyncClient.class).doesNotHaveBean(SwfClient.class);
			assertThat(context).getBean(SwfAsyncClient.class).isSameAs(context.getBean("userSwfAsyncClient"));
		});
	}

	@Test
	void createsOnlyTheBlockingClientWithoutNetty() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
			.run((context) -> assertThat(context).hasSingleBean(SwfClient.class).doesNotHaveBean(SwfAsyncClient.class));
	}

	@Test
	void createsNoClientWithoutTheSwfSdk() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SwfClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SwfClientProperties.class)
				.doesNotHaveBean("swfClient")
				.doesNotHaveBean("swfAsyncClient"));
	}

	@Test
	void appliesEndpointAndTimeouts() {
		this.contextRunner
			.withPropertyValues("swf.client.endpoint=http://localhost:8001", "swf.client.api-call-timeout=7s",
					"swf.client.api-call-attempt-timeout=3s")
			.run((context) -> {
				for (AwsServiceClientConfiguration configuration : configurations(context.getBean(SwfClient.class),
						context.getBean(SwfAsyncClient.class))) {
					assertThat(configuration.endpointOverride()).contains(URI.create("http://localhost:8001"));
					assertThat(configuration.overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(7));
					assertThat(configuration.overrideConfiguration().apiCallAttemptTimeout())
						.contains(Duration.ofSeconds(3));
				}
			});
	}

	@Test
	void usesStaticCredentialsWhenBothKeysAreSet() {
		this.contextRunner
			.withPropertyValues("swf.client.credentials.access-key-id=AKIDEXAMPLE",
					"swf.client.credentials.secret-access-key=secret-example")
			.run((context) -> {
				for (AwsServiceClientConfiguration configuration : configurations(context.getBean(SwfClient.class),
						context.getBean(SwfAsyncClient.class))) {
					AwsCredentialsIdentity credentials = configuration.credentialsProvider().resolveIdentity().join();
					assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
					assertThat(credentials.secretAccessKey()).isEqualTo("secret-example");
				}
			});
	}

	@Test
	void failsWhenOnlyTheAccessKeyIdIsSetWithoutShowingIt() {
		this.contextRunner.withPropertyValues("swf.client.credentials.access-key-id=AKIDEXAMPLE").run((context) -> {
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("swf.client.credentials.secret-access-key")
				.hasMessageNotContaining("AKIDEXAMPLE");
		});
	}

	@Test
	void failsWhenOnlyTheSecretIsSetWithoutShowingIt() {
		this.contextRunner.withPropertyValues("swf.client.credentials.secret-access-key=secret-example")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("swf.client.credentials.access-key-id")
					.hasMessageNotContaining("secret-example");
			});
	}

	@Test
	void namesNettyWithMaxConcurrency() {
		// The shared client would clash with the Netty builder that max-concurrency needs.
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SwfClientAutoConfiguration.class))
			.withPropertyValues("swf.client.region=eu-west-1", "swf.client.max-concurrency=16")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SwfAsyncClient.class);
				assertThat(context.getBean(SwfClientProperties.class).getMaxConcurrency()).isEqualTo(16);
			});
	}

	@Test
	void failsOnMaxConcurrencyBelowOne() {
		this.contextRunner.withPropertyValues("swf.client.max-concurrency=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("swf.client.max-concurrency"));
	}

	@Test
	void failsOnACallTimeoutThatIsNotPositive() {
		this.contextRunner.withPropertyValues("swf.client.region=eu-west-1", "swf.client.api-call-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("swf.client.api-call-timeout"));
		this.contextRunner.withPropertyValues("swf.client.region=eu-west-1", "swf.client.api-call-attempt-timeout=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("swf.client.api-call-attempt-timeout"));
	}

	@Test
	void appliesCustomizersInOrderAfterTheProperties() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			assertThat(context.getBean(SwfClient.class).serviceClientConfiguration().region())
				.isEqualTo(Region.AP_SOUTHEAST_2);
			assertThat(context.getBean(SwfAsyncClient.class).serviceClientConfiguration().region())
				.isEqualTo(Region.AP_SOUTHEAST_2);
			assertThat(((SwfAsyncClientTransport) context.getBean(HeartbeatTransport.class)).heartbeatClient()
				.serviceClientConfiguration()
				.region()).isEqualTo(Region.AP_SOUTHEAST_2);
			CustomizerConfiguration customizers = context.getBean(CustomizerConfiguration.class);
			assertThat(customizers.syncCalls).containsExactly("first", "second");
			// Once for the SwfAsyncClient bean, once for the heartbeat client.
			assertThat(customizers.asyncCalls).containsExactly("first", "second", "first", "second");
		});
	}

	@Test
	void heartbeatsGoOverAClientOfTheirOwnWithoutSdkRetries() {
		this.contextRunner.withPropertyValues("swf.client.endpoint=http://localhost:8001").run((context) -> {
			assertThat(context).hasSingleBean(HeartbeatTransport.class).hasSingleBean(SwfAsyncClient.class);
			SwfAsyncClientTransport transport = (SwfAsyncClientTransport) context.getBean(HeartbeatTransport.class);
			SwfAsyncClient heartbeatClient = transport.heartbeatClient();
			assertThat(heartbeatClient).isNotSameAs(context.getBean(SwfAsyncClient.class));
			assertThat(heartbeatClient.serviceClientConfiguration().endpointOverride())
				.contains(URI.create("http://localhost:8001"));
			assertThat(heartbeatClient.serviceClientConfiguration().overrideConfiguration().retryStrategy())
				.hasValueSatisfying((strategy) -> assertThat(strategy.maxAttempts()).isEqualTo(1));
			// Other calls keep the SDK's retries.
			assertThat(context.getBean(SwfAsyncClient.class).serviceClientConfiguration().overrideConfiguration()
				.retryStrategy()).hasValueSatisfying((strategy) -> assertThat(strategy.maxAttempts()).isGreaterThan(1));
		});
	}

	@Test
	void buildsTheHeartbeatClientWithItsOwnEventLoopWhenNoCustomizerGivesAnHttpClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SwfClientAutoConfiguration.class))
			.withPropertyValues("swf.client.region=eu-west-1", "swf.client.max-concurrency=16")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(HeartbeatTransport.class));
	}

	@Test
	void buildsNoHeartbeatClientWhenHeartbeatsAreOffOrTheApplicationHasATransport() {
		this.contextRunner.withPropertyValues("swf.heartbeat.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(SwfAsyncClient.class)
				.doesNotHaveBean(HeartbeatTransport.class));
		this.contextRunner.withBean("userTransport", HeartbeatTransport.class, StubHeartbeatTransport::new)
			.run((context) -> assertThat(context).getBean(HeartbeatTransport.class)
				.isSameAs(context.getBean("userTransport")));
	}

	@Test
	void explainsAMissingRegionInTermsOfTheProperty() {
		SwfClientBuilderConfigurer configurer = new SwfClientBuilderConfigurer(new SwfClientProperties());
		SdkClientException sdkError = SdkClientException
			.create("Unable to load region from any of the providers in the chain");
		assertThatExceptionOfType(MissingSwfRegionException.class).isThrownBy(() -> configurer.build(() -> {
			throw sdkError;
		})).withMessageContaining("swf.client.region").withCause(sdkError);
	}

	@Test
	void passesOtherClientErrorsThrough() {
		SwfClientProperties properties = new SwfClientProperties();
		properties.setRegion("eu-west-1");
		SwfClientBuilderConfigurer configurer = new SwfClientBuilderConfigurer(properties);
		SdkClientException sdkError = SdkClientException.create("Unable to load region");
		assertThatExceptionOfType(SdkClientException.class).isThrownBy(() -> configurer.build(() -> {
			throw sdkError;
		})).isSameAs(sdkError);
	}

	private static List<AwsServiceClientConfiguration> configurations(SwfClient client, SwfAsyncClient asyncClient) {
		return List.of(client.serviceClientConfiguration(), asyncClient.serviceClientConfiguration());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSwfClientConfiguration {

		@Bean
		SwfClient userSwfClient() {
			return mock(SwfClient.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSwfAsyncClientConfiguration {

		@Bean
		SwfAsyncClient userSwfAsyncClient() {
			return mock(SwfAsyncClient.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> syncCalls = new ArrayList<>();

		final List<String> asyncCalls = new ArrayList<>();

		@Bean
		@Order(2)
		SwfClientCustomizer secondSyncCustomizer() {
			return (builder) -> {
				this.syncCalls.add("second");
				builder.region(Region.AP_SOUTHEAST_2);
			};
		}

		@Bean
		@Order(1)
		SwfClientCustomizer firstSyncCustomizer() {
			return (builder) -> {
				this.syncCalls.add("first");
				builder.region(Region.US_WEST_2);
			};
		}

		@Bean
		@Order(2)
		SwfAsyncClientCustomizer secondAsyncCustomizer() {
			return (builder) -> {
				this.asyncCalls.add("second");
				builder.region(Region.AP_SOUTHEAST_2);
			};
		}

		@Bean
		@Order(1)
		SwfAsyncClientCustomizer firstAsyncCustomizer() {
			return (builder) -> {
				this.asyncCalls.add("first");
				builder.region(Region.US_WEST_2);
			};
		}

	}

}
