/**
 * The transcode workflow as SWF sees it: registration of its domain and types, starting and cancelling executions.
 */
@NullMarked
package io.github.swfheartbeat.sample.workflow;

import org.jspecify.annotations.NullMarked;
