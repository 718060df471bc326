/**
 * The SWF model behind the embedded endpoint: domains, types, workflow executions and their
 * histories, decision and activity tasks, timers, child executions and requests between
 * executions, their timeouts and the long polls that hand tasks out.
 *
 * <p>Every operation takes and returns the JSON members SWF's API defines, so the HTTP layer only
 * moves bodies. All state is guarded by one lock: each operation is short, and a single lock keeps
 * history, timeouts and task hand-off consistent without lock ordering.
 */
package io.github.swfheartbeat.test.state;
