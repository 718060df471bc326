/**
 * Spring Boot auto-configuration of the Amazon SWF clients, the heartbeat engine, its health
 * indicator and its metrics, with the failure analyzers that explain invalid configuration.
 */
@NullMarked
package io.github.swfheartbeat.autoconfigure;

import org.jspecify.annotations.NullMarked;
