package io.github.swfheartbeat.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

import io.github.swfheartbeat.aspect.HeartbeatingActivity;
import io.github.swfheartbeat.aspect.HeartbeatingActivityAspect;
import io.github.swfheartbeat.aspect.TaskToken;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;

/**
 * The cost of calling an {@link HeartbeatingActivity @HeartbeatingActivity} method through the
 * aspect's proxy, against the same method on the plain bean and against starting and stopping the
 * task's heartbeats with {@link HeartbeatTemplate} alone. The engine's transport answers from
 * memory; the heartbeat timeout is long, so no call is made while the method runs: what is
 * measured is registering the task with the engine and releasing it, binding the context, and the
 * proxy.
 * <p>
 * Starting and stopping a task each hand a command to the engine's scheduler thread. Left alone, a
 * loop that calls faster than that thread works would pile commands up and measure the garbage
 * collector instead; so every {@value #PACE} calls the benchmark waits until the scheduler has
 * processed them, and the time per call includes the scheduler's share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AspectOverheadBenchmark {

	private static final int PACE = 1024;

	/** Length of the task token: the embedded endpoint's, and a long one (SWF allows 1,024 characters). */
	@Param({ "68", "900" })
	public int tokenLength;

	private HeartbeatEngine engine;

	private HeartbeatTemplate template;

	private Activity plain;

	private Activity advised;

	private String token;

	private int input;

	private int sincePace;

	@Setup(Level.Trial)
	public void setUp() {
		this.engine = new HeartbeatEngine(new InMemoryTransport(), HeartbeatEngineSettings.defaults());
		this.template = new HeartbeatTemplate(this.engine);
		this.plain = new Activity();
		AspectJProxyFactory proxies = new AspectJProxyFactory(new Activity());
		proxies.setProxyTargetClass(true);
		proxies.addAspect(new HeartbeatingActivityAspect(this.template, new InMemoryTransport()));
		this.advised = proxies.getProxy();
		this.token = "AAAA" + "x".repeat(this.tokenLength - 4);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.engine.close();
	}

	/**
	 * The method on the bean itself: no proxy, no heartbeats.
	 */
	@Benchmark
	public int plainCall() {
		return this.plain.transcode(this.token, this.input++);
	}

	/**
	 * The same method through the aspect's proxy: heartbeats start on entry and stop on return.
	 */
	@Benchmark
	public int advisedCall() {
		int result = this.advised.transcode(this.token, this.input++);
		pace();
		return result;
	}

	/**
	 * Starting and stopping the task's heartbeats with the template, without the aspect.
	 */
	@Benchmark
	public int templateStartStop() {
		int result;
		try (HeartbeatHandle handle = this.template.start(this.token, Activity.OPTIONS)) {
			result = this.plain.transcode(this.token, this.input++);
		}
		pace();
		return result;
	}

	private void pace() {
		if (++this.sincePace < PACE) {
			return;
		}
		this.sincePace = 0;
		// Every started task counts as active until the scheduler thread has processed its close.
		while (this.engine.stats().activeTasks() > 0) {
			Thread.yield();
		}
	}

	/**
	 * An activity bean with one annotated method that does almost nothing.
	 */
	public static class Activity {

		static final HeartbeatOptions OPTIONS = HeartbeatOptions.defaults()
			.withHeartbeatTimeout(java.time.Duration.ofSeconds(60));

		@HeartbeatingActivity(heartbeatTimeout = "60s")
		public int transcode(@TaskToken String taskToken, int chunk) {
			return chunk + taskToken.length();
		}

	}

}
