/**
 * The AWS JSON 1.0 bodies the endpoint receives and sends: requests parsed by Jackson's streaming
 * parser (jackson-core only, no data binding) within SWF's limits, read through a validating
 * {@link io.github.swfheartbeat.test.json.JsonObject}; responses written by a small writer.
 */
package io.github.swfheartbeat.test.json;
