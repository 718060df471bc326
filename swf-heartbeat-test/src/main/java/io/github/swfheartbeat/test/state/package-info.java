/**
 * The SWF model behind the embedded endpoint: domains, types, workflow executions and their
 * histories, decision and activity tasks, timers, child executions and requests between
 * executions, their timeouts and the long polls that hand tasks out.
 *
 * <p>Every operation takes and returns the JSON members SWF's API defines, so the HTTP layer only
 * moves bodies. All state is guarded by one lock: each operation is short, and a single lock keeps
 * history, timeouts and task hand-off consistent without lock ordering. On virtual time,
 * {@code VirtualTimeDriver} has a lock of its own for the work in flight it counts; it is taken
 * before the model's, never while holding it.
 */
package io.github.swfheartbeat.test.state;
