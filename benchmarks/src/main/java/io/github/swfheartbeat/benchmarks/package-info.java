/**
 * Scenario benchmarks: each opens real SWF work on the embedded endpoint, drives it with the real
 * SDK clients for a fixed window and reports throughput and latency.
 */
package io.github.swfheartbeat.benchmarks;
