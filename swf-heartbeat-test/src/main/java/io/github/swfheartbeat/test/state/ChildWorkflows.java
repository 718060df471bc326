package io.github.swfheartbeat.test.state;

import java.util.List;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.Domain.RegisteredType;

/**
 * Child workflow executions: the StartChildWorkflowExecution decision, the child's close reported
 * to its parent, and the parent's child policy applied to its open children.
 *
 * <p>SWF's API reference applies the child policy when an execution "is terminated, by calling the
 * TerminateWorkflowExecution action explicitly or due to an expired timeout"; the events of those
 * two closes are the ones that record it. A parent that completes, fails, is canceled or continues
 * as new leaves its children running.
 */
final class ChildWorkflows {

	/** SWF's limit of open child executions per workflow execution. */
	static final int MAXIMUM_OPEN_CHILDREN = 1000;

	private final SwfModel model;

	private final ModelContext context;

	ChildWorkflows(SwfModel model) {
		this.model = model;
		this.context = model.context;
	}

	static void validateStart(JsonObject attributes) {
		JsonObject type = attributes.requiredObject("workflowType");
		type.requiredString("name", 1, 256);
		type.requiredString("version", 1, 64);
		attributes.requiredString("workflowId", 1, 256);
		attributes.string("control", 0, 32768);
		RunSettings.validate(attributes);
		if ("NONE".equals(attributes.string("executionStartToCloseTimeout"))) {
			throw SwfFault.validation("executionStartToCloseTimeout cannot be NONE");
		}
	}

	/**
	 * Carries out a StartChildWorkflowExecution decision. A decision SWF can refuse at once (type,
	 * defaults, limit) fails without an Initiated event; a workflow id already running is found
	 * when the child would start, after it.
	 */
	void start(WorkflowExecution parent, JsonObject attributes, long decisionTaskCompletedEventId) {
		JsonObject typeIdentity = attributes.object("workflowType");
		RegisteredType type = parent.domain.workflowTypes
			.get(Domain.typeKey(typeIdentity.string("name"), typeIdentity.string("version")));
		RunSettings.Decided decided = RunSettings.forDecision(attributes, type);
		String cause = (decided.settings() != null && parent.openChildren.size() >= MAXIMUM_OPEN_CHILDREN)
				? "OPEN_CHILDREN_LIMIT_EXCEEDED" : decided.cause();
		if (cause != null) {
			failed(parent, attributes, cause, 0, decisionTaskCompletedEventId);
			return;
		}
		RunSettings settings = decided.settings();
		String workflowId = attributes.string("workflowId");
		String input = attributes.string("input");
		long initiatedEventId = parent.append("StartChildWorkflowExecutionInitiated",
				settings.addTo(new JsonObject().put("workflowId", workflowId)
					.put("workflowType", type.identity())
					.put("control", attributes.string("control"))
					.put("input", input)
					.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId)),
				this.context.timestamp());
		WorkflowExecution running = parent.domain.openExecutions.get(workflowId);
		if (running != null) {
			this.model.executions.timeOutIfDue(running);
		}
		if (parent.domain.openExecutions.containsKey(workflowId)) {
			failed(parent, attributes, "WORKFLOW_ALREADY_RUNNING", initiatedEventId, decisionTaskCompletedEventId);
			return;
		}
		WorkflowExecution child = this.model.executions.open(parent.domain, workflowId, TaskTokens.newRunId(), type,
				settings, input, new JsonObject().put("parentWorkflowExecution", parent.identity())
					.put("parentInitiatedEventId", initiatedEventId));
		long startedEventId = parent.append("ChildWorkflowExecutionStarted",
				new JsonObject().put("workflowExecution", child.identity())
					.put("workflowType", type.identity())
					.put("initiatedEventId", initiatedEventId),
				this.context.timestamp());
		child.parentLink = new WorkflowExecution.ParentLink(parent, initiatedEventId, startedEventId);
		parent.openChildren.put(workflowId, child);
		this.model.decisions.schedule(parent);
	}

	private void failed(WorkflowExecution parent, JsonObject attributes, String cause, long initiatedEventId,
			long decisionTaskCompletedEventId) {
		parent.append("StartChildWorkflowExecutionFailed", new JsonObject()
			.put("workflowType", attributes.object("workflowType"))
			.put("cause", cause)
			.put("workflowId", attributes.string("workflowId"))
			.put("initiatedEventId", initiatedEventId)
			.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId)
			.put("control", attributes.string("control")), this.context.timestamp());
		this.model.decisions.schedule(parent);
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

	/**
	 * Follows an execution's close: applies its child policy to its open children if the close is
	 * one that applies it, and reports the close to its parent.
	 * @param eventType the closing event's type
	 * @param attributes the closing event's attributes
	 */
	void closed(WorkflowExecution execution, String eventType, JsonObject attributes) {
		if ("WorkflowExecutionTerminated".equals(eventType) || "WorkflowExecutionTimedOut".equals(eventType)) {
			applyChildPolicy(execution, attributes.string("childPolicy"));
		}
		if (!"WorkflowExecutionContinuedAsNew".equals(eventType)) {
			reportToParent(execution, eventType, attributes);
		}
	}

	private void applyChildPolicy(WorkflowExecution parent, String childPolicy) {
		for (WorkflowExecution child : List.copyOf(parent.openChildren.values())) {
			if (!child.isOpen()) {
				continue;
			}
			if ("TERMINATE".equals(childPolicy)) {
				this.model.executions.close(child, "TERMINATED", "WorkflowExecutionTerminated",
						new JsonObject().put("childPolicy", child.childPolicy).put("cause", "CHILD_POLICY_APPLIED"));
			}
			else if ("REQUEST_CANCEL".equals(childPolicy)) {
				child.cancelRequested = true;
				child.append("WorkflowExecutionCancelRequested", new JsonObject().put("cause", "CHILD_POLICY_APPLIED"),
						this.context.timestamp());
				this.model.decisions.schedule(child);
			}
		}
	}

	private void reportToParent(WorkflowExecution child, String eventType, JsonObject attributes) {
		WorkflowExecution.ParentLink link = child.parentLink;
		if (link == null) {
			return;
		}
		WorkflowExecution parent = link.parent();
		if (parent.openChildren.get(child.workflowId) == child) {
			parent.openChildren.remove(child.workflowId);
		}
		if (!parent.isOpen()) {
			return;
		}
		JsonObject report = new JsonObject().put("workflowExecution", child.identity())
			.put("workflowType", child.type.identity())
			.put("initiatedEventId", link.initiatedEventId())
			.put("startedEventId", link.startedEventId());
		if (!"WorkflowExecutionTerminated".equals(eventType)) {
			// What the child's closing event says of its outcome; a termination's reason stays there.
			for (String member : List.of("result", "reason", "details", "timeoutType")) {
				report.put(member, attributes.get(member));
			}
		}
		// At the child's close, which a timeout stamps with its deadline; never before an earlier event.
		parent.append("Child" + eventType, report, parent.notBefore(child.closeTimestamp));
		this.model.decisions.schedule(parent);
	}

}
