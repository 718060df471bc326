package io.github.swfheartbeat.worker;

/**
 * A domain and a task list: one listener container polls each.
 *
 * @param domain the domain
 * @param taskList the task list
 */
public record TaskListKey(String domain, String taskList) {

	@Override
	public String toString() {
		return this.domain + "/" + this.taskList;
	}

}
