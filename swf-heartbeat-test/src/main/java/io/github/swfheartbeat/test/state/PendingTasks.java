package io.github.swfheartbeat.test.state;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * CountPendingActivityTasks and CountPendingDecisionTasks: how many tasks wait in a task list for
 * a poller, with every deadline that passed applied first, so that a task that timed out waiting
 * is not counted.
 */
final class PendingTasks {

	private final SwfModel model;

	private final ModelContext context;

	PendingTasks(SwfModel model) {
		this.model = model;
		this.context = model.context;
	}

	JsonObject countActivityTasks(JsonObject input) {
		return count(input, (domain) -> domain.activityTaskLists, this.model.activities::isStillAvailable);
	}

	JsonObject countDecisionTasks(JsonObject input) {
		return count(input, (domain) -> domain.decisionTaskLists, (task) -> {
			this.model.executions.timeOutIfDue(task.execution);
			return task.isAvailable();
		});
	}

	private <T> JsonObject count(JsonObject input, Function<Domain, Map<String, TaskQueue<T>>> taskLists,
			Predicate<T> available) {
		String domainName = input.requiredString("domain", 1, 256);
		String taskList = input.requiredObject("taskList").requiredString("name", 1, 256);
		return this.context.locked(() -> {
			// A task list nobody used counts 0, as SWF's API reference says, and is not created.
			TaskQueue<T> queue = taskLists.apply(this.context.domain(domainName)).get(taskList);
			long count = (queue != null) ? queue.backlog(available) : 0;
			return new JsonObject().put("count", count).put("truncated", false);
		});
	}

}
