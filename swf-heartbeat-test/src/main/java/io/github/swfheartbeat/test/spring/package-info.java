/**
 * Spring TestContext support: {@link io.github.swfheartbeat.test.spring.AutoConfigureEmbeddedSwf}
 * runs an embedded SWF endpoint for a test's application context and points the swf-heartbeat
 * client properties at it.
 */
package io.github.swfheartbeat.test.spring;
