/**
 * The embedded SWF endpoint as a program of its own: {@code java -jar embedded-swf.jar --port 8090}.
 */
package io.github.swfheartbeat.test.standalone;
