package io.github.swfheartbeat.test.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.swfheartbeat.test.json.JsonFieldException;
import io.github.swfheartbeat.test.json.JsonObject;

/**
 * SWF's visibility operations on executions: ListOpenWorkflowExecutions,
 * ListClosedWorkflowExecutions, CountOpenWorkflowExecutions and CountClosedWorkflowExecutions, with
 * their time, execution, type, tag and close status filters.
 *
 * <p>Lists come in descending order of start time (of close time for closed executions filtered by
 * it), ascending with {@code reverseOrder}, as SWF's API reference describes.
 */
final class Visibility {

	private static final List<String> CLOSE_STATUSES = List.of("COMPLETED", "FAILED", "CANCELED", "TERMINATED",
			"CONTINUED_AS_NEW", "TIMED_OUT");

	private final SwfModel model;

	private final ModelContext context;

	Visibility(SwfModel model) {
		this.model = model;
		this.context = model.context;
	}

	JsonObject listOpen(JsonObject input) {
		Query query = Query.read(input, false);
		return this.context.locked(() -> page("ListOpenWorkflowExecutions", query, input, matching(query)));
	}

	JsonObject listClosed(JsonObject input) {
		Query query = Query.read(input, true);
		return this.context.locked(() -> page("ListClosedWorkflowExecutions", query, input, matching(query)));
	}

	JsonObject countOpen(JsonObject input) {
		Query query = Query.read(input, false);
		return this.context.locked(() -> count(matching(query)));
	}

	JsonObject countClosed(JsonObject input) {
		Query query = Query.read(input, true);
		return this.context.locked(() -> count(matching(query)));
	}

	private static JsonObject count(List<WorkflowExecution> executions) {
		// Counted exactly: SWF sets truncated only when its count stops short of the real number.
		return new JsonObject().put("count", (long) executions.size()).put("truncated", false);
	}

	private JsonObject page(String operation, Query query, JsonObject input,
			List<WorkflowExecution> executions) {
		boolean reverseOrder = input.bool("reverseOrder", false);
		Function<WorkflowExecution, String> key = (execution) -> sortable(query.time.apply(execution)) + '\u0000'
				+ execution.workflowId + '\u0000' + execution.runId;
		return ListPages.page(this.context, operation + '\n' + query.domain, executions, key, !reverseOrder, input,
				"executionInfos", WorkflowExecution::info);
	}

	/**
	 * Returns the executions of the query's domain and state that pass its filters, with every
	 * execution timeout that is due applied first, so that an execution past its deadline is closed.
	 */
	private List<WorkflowExecution> matching(Query query) {
		Domain domain = this.context.domain(query.domain);
		for (WorkflowExecution open : new ArrayList<>(domain.openExecutions.values())) {
			this.model.executions.timeOutIfDue(open);
		}
		return domain.executions.values()
			.stream()
			.filter((execution) -> execution.isOpen() != query.closed)
			.filter(query.filter)
			.toList();
	}

	private static String sortable(BigDecimal timestamp) {
		long millis = timestamp.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValue();
		return String.format("%020d", millis);
	}

	/**
	 * A visibility request's domain, filters and the time it sorts by.
	 */
	private record Query(String domain, boolean closed, Predicate<WorkflowExecution> filter,
			Function<WorkflowExecution, BigDecimal> time) {

		static Query read(JsonObject input, boolean closed) {
			String domain = input.requiredString("domain", 1, 256);
			JsonObject startTimeFilter = input.object("startTimeFilter");
			JsonObject closeTimeFilter = closed ? input.object("closeTimeFilter") : null;
			if (!closed && startTimeFilter == null) {
				throw new JsonFieldException("startTimeFilter", null, "Member must not be null");
			}
			if (closed && (startTimeFilter == null) == (closeTimeFilter == null)) {
				// SWF: "startTimeFilter and closeTimeFilter are mutually exclusive. You must specify
				// one of these in a request but not both."
				throw SwfFault.validation("Exactly one of startTimeFilter and closeTimeFilter must be specified");
			}
			Function<WorkflowExecution, BigDecimal> time = (startTimeFilter != null)
					? (execution) -> execution.startTimestamp : (execution) -> execution.closeTimestamp;
			Predicate<WorkflowExecution> filter = timeFilter(
					(startTimeFilter != null) ? startTimeFilter : closeTimeFilter, time);
			List<String> given = new ArrayList<>();
			JsonObject executionFilter = input.object("executionFilter");
			if (executionFilter != null) {
				given.add("executionFilter");
				String workflowId = executionFilter.requiredString("workflowId", 1, 256);
				filter = filter.and((execution) -> execution.workflowId.equals(workflowId));
			}
			JsonObject typeFilter = input.object("typeFilter");
			if (typeFilter != null) {
				given.add("typeFilter");
				String name = typeFilter.requiredString("name", 1, 256);
				String version = typeFilter.string("version", 0, 64);
				filter = filter.and((execution) -> execution.type.name().equals(name)
						&& (version == null || execution.type.version().equals(version)));
			}
			JsonObject tagFilter = input.object("tagFilter");
			if (tagFilter != null) {
				given.add("tagFilter");
				String tag = tagFilter.requiredString("tag", 0, 256);
				filter = filter.and((execution) -> execution.tagList.contains(tag));
			}
			JsonObject closeStatusFilter = closed ? input.object("closeStatusFilter") : null;
			if (closeStatusFilter != null) {
				given.add("closeStatusFilter");
				String status = closeStatusFilter.requiredEnum("status", CLOSE_STATUSES);
				filter = filter.and((execution) -> status.equals(execution.closeStatus));
			}
			if (given.size() > 1) {
				// SWF: these filters "are mutually exclusive. You can specify at most one of these in a request."
				throw SwfFault.validation(String.join(", ", given) + " are mutually exclusive; specify at most one");
			}
			return new Query(domain, closed, filter, time);
		}

		private static Predicate<WorkflowExecution> timeFilter(JsonObject filter,
				Function<WorkflowExecution, BigDecimal> time) {
			BigDecimal oldest = filter.decimal("oldestDate");
			if (oldest == null) {
				throw new JsonFieldException("oldestDate", null, "Member must not be null");
			}
			BigDecimal latest = filter.decimal("latestDate");
			return (execution) -> {
				BigDecimal moment = time.apply(execution);
				return moment != null && moment.compareTo(oldest) >= 0
						&& (latest == null || moment.compareTo(latest) <= 0);
			};
		}

	}

}
