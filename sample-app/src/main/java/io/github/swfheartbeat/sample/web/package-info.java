/**
 * REST API and live dashboard of the transcodes.
 */
@NullMarked
package io.github.swfheartbeat.sample.web;

import org.jspecify.annotations.NullMarked;
