/**
 * A small JSON reader and writer for the AWS JSON 1.0 bodies the endpoint receives and sends.
 *
 * <p>Kept in-house so that the module adds no JSON library to a user's test class path.
 */
package io.github.swfheartbeat.test.json;
