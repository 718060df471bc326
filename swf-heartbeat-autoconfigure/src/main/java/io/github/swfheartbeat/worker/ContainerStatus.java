package io.github.swfheartbeat.worker;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a listener container is doing, for health.
 *
 * @param taskList the domain and task list it polls
 * @param running whether it polls
 * @param lastSuccessfulPoll when a poll last succeeded, {@code null} before the first
 * @param consecutivePollErrors polls that failed since the last success
 * @param lastPollError the last poll error, {@code null} when the last poll succeeded
 * @param slotsInUse tasks running or being polled for
 * @param concurrency slots in all
 * @param runningTasks tasks between their poll and their respond
 */
public record ContainerStatus(TaskListKey taskList, boolean running, @Nullable Instant lastSuccessfulPoll,
		int consecutivePollErrors, @Nullable String lastPollError, int slotsInUse, int concurrency, int runningTasks) {

}
