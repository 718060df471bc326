package io.github.swfheartbeat.sample.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The running application on a random port with short transcodes, shared by the web tests: one
 * application context, one embedded SWF endpoint.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.transcode.steps=5", "sample.transcode.step-duration=200ms",
				"sample.transcode.max-cancellation-latency=2s" })
@interface SampleWebTest {

}
