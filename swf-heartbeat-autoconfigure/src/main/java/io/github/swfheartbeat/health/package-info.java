/**
 * Health of the heartbeat engine for Spring Boot's health endpoint.
 */
@NullMarked
package io.github.swfheartbeat.health;

import org.jspecify.annotations.NullMarked;
