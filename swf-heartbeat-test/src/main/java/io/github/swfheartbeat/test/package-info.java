/**
 * An embedded Amazon SWF endpoint for tests: {@link io.github.swfheartbeat.test.EmbeddedSwf} serves
 * SWF's wire protocol on loopback to the unmodified AWS SDK clients, with one-line helpers to open
 * activity tasks, inspect them, force their timeouts, inject faults and switch on SWF's throttling.
 */
package io.github.swfheartbeat.test;
