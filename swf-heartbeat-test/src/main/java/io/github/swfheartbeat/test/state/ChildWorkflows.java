package io.github.swfheartbeat.test.state;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * Child workflow executions: the StartChildWorkflowExecution decision, the child's close reported
 * to its parent, and the parent's child policy applied to its open children.
 */
final class ChildWorkflows {

	private final SwfModel model;

	private final ModelContext context;

	ChildWorkflows(SwfModel model) {
		this.model = model;
		this.context = model.context;
	}

	/**
	 * Adds a child's parent to its WorkflowExecutionStarted event, if it has one.
	 */
	void addParent(WorkflowExecution child, JsonObject started) {
		WorkflowExecution.ParentLink link = child.parentLink;
		if (link != null) {
			started.put("parentWorkflowExecution", link.parent().identity())
				.put("parentInitiatedEventId", link.initiatedEventId());
		}
	}

	/**
	 * Passes a child's place in its parent on to the run that continues it.
	 */
	void continued(WorkflowExecution previous, WorkflowExecution next) {
		WorkflowExecution.ParentLink link = previous.parentLink;
		next.parentLink = link;
		if (link != null && link.parent().openChildren.get(previous.workflowId) == previous) {
			link.parent().openChildren.put(next.workflowId, next);
		}
	}

}
