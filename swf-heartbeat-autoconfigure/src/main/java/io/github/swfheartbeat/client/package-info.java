/**
 * Hooks for the Amazon SWF clients that the starter builds from {@code swf.client.*}.
 */
@NullMarked
package io.github.swfheartbeat.client;

import org.jspecify.annotations.NullMarked;
