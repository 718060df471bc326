package io.github.swfheartbeat.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an {@link io.github.swfheartbeat.test.EmbeddedSwf} for the test's application context: the
 * endpoint is a bean of the context and closes with it, and these properties point the
 * swf-heartbeat client at it:
 * <ul>
 * <li>{@code swf.client.endpoint}: the endpoint's URL</li>
 * <li>{@code swf.client.region}: {@code us-east-1}</li>
 * <li>{@code swf.client.credentials.access-key-id} and
 * {@code swf.client.credentials.secret-access-key}: static dummy credentials</li>
 * </ul>
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureEmbeddedSwf
 * class OrderWorkerTests { &#64;Autowired EmbeddedSwf swf; … }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureEmbeddedSwf {

	/**
	 * How long an idle poll is held before it is answered with no task, in ISO-8601
	 * ({@code PT2S}) or as seconds ({@code 2}).
	 * @return the long-poll timeout
	 */
	String longPollTimeout() default "PT60S";

	/**
	 * Whether SWF's throttling quotas apply.
	 * @return whether they apply
	 */
	boolean throttling() default false;

	/**
	 * Whether the endpoint runs on virtual time, which only
	 * {@link io.github.swfheartbeat.test.EmbeddedSwf#advance(java.time.Duration)} moves. With
	 * swf-heartbeat's engine on the class path, the virtual time is also an {@code EngineClock}
	 * bean (unless the application defines one), so the auto-configured heartbeat engine runs on
	 * the same clock as the endpoint.
	 * @return whether it does
	 */
	boolean virtualTime() default false;

}
