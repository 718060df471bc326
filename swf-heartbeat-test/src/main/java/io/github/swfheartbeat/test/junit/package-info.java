/**
 * JUnit Jupiter support: an extension that runs an embedded SWF endpoint for a test class.
 */
package io.github.swfheartbeat.test.junit;
