/**
 * Long polls of SWF task lists on a few threads of their own.
 */
@NullMarked
package io.github.swfheartbeat.sample.polling;

import org.jspecify.annotations.NullMarked;
