/**
 * Micrometer instrumentation of the heartbeat engine: meters fed by engine notifications and an
 * observation of each heartbeat call. Task tokens never become tags; at most their fingerprints
 * are high-cardinality observation values.
 */
@NullMarked
package io.github.swfheartbeat.metrics;

import org.jspecify.annotations.NullMarked;
