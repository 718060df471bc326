/**
 * The HTTP side of the embedded endpoint: SWF's AWS JSON 1.0 protocol on the JDK's HTTP server,
 * faults and rate limits applied before an operation runs, and answers sent without holding a
 * thread per waiting poll or delayed response.
 */
package io.github.swfheartbeat.test.server;
