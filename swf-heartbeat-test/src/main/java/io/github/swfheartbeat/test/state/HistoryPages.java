package io.github.swfheartbeat.test.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * Cuts an execution's history into pages for GetWorkflowExecutionHistory and PollForDecisionTask.
 *
 * <p>A page token names the execution, the history's length when the first page was cut (so later
 * events do not shift the pages of a read in progress) and where the next page starts.
 */
final class HistoryPages {

	static final int MAXIMUM_PAGE_SIZE = 1000;

	private HistoryPages() {
	}

	/**
	 * A decoded page token.
	 */
	record Cursor(String workflowId, String runId, int upTo, int next) {

		String encode() {
			String text = this.workflowId + '\n' + this.runId + '\n' + this.upTo + '\n' + this.next;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String token) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n");
				return new Cursor(parts[0], parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
				throw SwfFault.validation("Invalid nextPageToken");
			}
		}

	}

	static int pageSize(JsonObject input) {
		Long size = input.integer("maximumPageSize");
		if (size == null || size == 0) {
			return MAXIMUM_PAGE_SIZE;
		}
		if (size < 0 || size > MAXIMUM_PAGE_SIZE) {
			throw SwfFault.validation("1 validation error detected: Value '" + size
					+ "' at 'maximumPageSize' failed to satisfy constraint: Member must have value less than or equal to "
					+ MAXIMUM_PAGE_SIZE);
		}
		return size.intValue();
	}

	/**
	 * Returns the page a cursor points at, or the first page if there is none, as {@code events} and
	 * {@code nextPageToken} members added to {@code response}.
	 */
	static JsonObject page(WorkflowExecution execution, Cursor cursor, int pageSize, boolean reverseOrder,
			JsonObject response) {
		int upTo = (cursor != null) ? Math.min(cursor.upTo(), execution.history.size()) : execution.history.size();
		List<JsonObject> events = new ArrayList<>(Math.min(pageSize, upTo));
		String nextPageToken = null;
		if (!reverseOrder) {
			int from = (cursor != null) ? cursor.next() : 0;
			int to = Math.min(upTo, from + pageSize);
			events.addAll(execution.history.subList(Math.min(from, to), to));
			if (to < upTo) {
				nextPageToken = new Cursor(execution.workflowId, execution.runId, upTo, to).encode();
			}
		}
		else {
			int from = (cursor != null) ? cursor.next() : upTo - 1;
			int to = Math.max(-1, from - pageSize);
			for (int i = from; i > to; i--) {
				events.add(execution.history.get(i));
			}
			if (to >= 0) {
				nextPageToken = new Cursor(execution.workflowId, execution.runId, upTo, to).encode();
			}
		}
		return response.put("events", events).put("nextPageToken", nextPageToken);
	}

}
