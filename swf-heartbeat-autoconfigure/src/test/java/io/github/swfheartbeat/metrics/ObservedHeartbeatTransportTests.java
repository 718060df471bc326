package io.github.swfheartbeat.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.swfheartbeat.autoconfigure.StubHeartbeatTransport;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ObservedHeartbeatTransport}.
 */
class ObservedHeartbeatTransportTests {

	private static final String TASK_TOKEN = "AAAAKgAAAAEAAAAAAAAAAsecret-task-token";

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final StubHeartbeatTransport delegate = new StubHeartbeatTransport();

	private final ObservedHeartbeatTransport transport = new ObservedHeartbeatTransport(this.delegate, this.registry,
			null);

	ObservedHeartbeatTransportTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				ObservedHeartbeatTransportTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	@Test
	void observesASuccessfulCall() {
		assertThat(this.transport.recordHeartbeat(TASK_TOKEN, "50%", Duration.ofSeconds(1)).join()).isFalse();
		Observation.Context context = this.stopped.get(0);
		assertThat(context.getName()).isEqualTo("swf.heartbeat.call");
		assertThat(context.getContextualName()).isEqualTo("SWF RecordActivityTaskHeartbeat");
		assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("outcome", "success"),
				KeyValue.of("rpc.method", "RecordActivityTaskHeartbeat"));
		assertThat(context.getHighCardinalityKeyValues())
			.containsExactly(KeyValue.of("swf.task_token.fingerprint", TaskTokenFingerprint.of(TASK_TOKEN)));
		assertThat(context.getError()).isNull();
	}

	@Test
	void observesACancellationRequest() {
		this.delegate.thenCancelRequested();
		assertThat(this.transport.recordHeartbeat(TASK_TOKEN, null, Duration.ofSeconds(1)).join()).isTrue();
		assertThat(this.stopped.get(0).getLowCardinalityKeyValues()).contains(KeyValue.of("outcome", "cancel_requested"));
	}

	@Test
	void observesAFailedCallWithItsError() {
		Throwable failure = StubHeartbeatTransport.notPermitted();
		this.delegate.thenFail(failure);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.transport.recordHeartbeat(TASK_TOKEN, null, Duration.ofSeconds(1)).join());
		Observation.Context context = this.stopped.get(0);
		assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("outcome", "not_permitted"));
		assertThat(context.getError()).isSameAs(failure);
	}

	@Test
	void neverRecordsTheTaskToken() {
		this.transport.recordHeartbeat(TASK_TOKEN, null, Duration.ofSeconds(1)).join();
		Observation.Context context = this.stopped.get(0);
		assertThat(context.getAllKeyValues()).extracting(KeyValue::getValue).noneMatch((value) -> value.contains("secret"));
		assertThat(context.toString()).doesNotContain("secret");
	}

	@Test
	void passesOtherCallsThroughUnobserved() {
		this.transport.respondCanceled(TASK_TOKEN, null).join();
		this.transport.describeHeartbeatTimeout("domain", "type", "1").join();
		assertThat(this.stopped).isEmpty();
	}

	@Test
	void appliesACustomConvention() {
		ObservedHeartbeatTransport custom = new ObservedHeartbeatTransport(this.delegate, this.registry,
				new DefaultHeartbeatCallObservationConvention() {

					@Override
					public String getName() {
						return "custom.heartbeat";
					}

				});
		custom.recordHeartbeat(TASK_TOKEN, null, Duration.ofSeconds(1)).join();
		assertThat(this.stopped.get(0).getName()).isEqualTo("custom.heartbeat");
	}

}
