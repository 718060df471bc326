package io.github.swfheartbeat.test.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * Cuts the results of the List… operations into pages ({@code maximumPageSize}, {@code nextPageToken},
 * {@code reverseOrder}).
 *
 * <p>Each item has a sort key; a page token carries the key of the last item handed out, so that
 * the next page starts after it even if items were added or removed between the calls. Like SWF's,
 * a token expires 60 seconds after it was handed out.
 */
final class ListPages {

	/** SWF's API reference: "Each pagination token expires after 60 seconds." */
	static final long TOKEN_LIFETIME_MILLIS = 60_000;

	private ListPages() {
	}

	/**
	 * Sorts the items by key, ascending unless {@code descending}, and returns the page the
	 * request's token points at as {@code member} and {@code nextPageToken}.
	 * @param listing names the listing in its tokens, so that a token of another one is refused
	 */
	static <T> JsonObject page(ModelContext context, String listing, List<T> items, Function<T, String> key,
			boolean descending, JsonObject input, String member, Function<T, JsonObject> info) {
		int pageSize = HistoryPages.pageSize(input);
		String token = input.string("nextPageToken", 0, 2048);
		Comparator<String> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
		long now = context.timestamp().movePointRight(3).longValue();
		String after = (token != null) ? decode(listing, token, now) : null;
		List<T> sorted = items.stream()
			.sorted(Comparator.comparing(key, order))
			.filter((item) -> after == null || order.compare(key.apply(item), after) > 0)
			.toList();
		List<JsonObject> page = new ArrayList<>();
		for (T item : sorted.subList(0, Math.min(pageSize, sorted.size()))) {
			page.add(info.apply(item));
		}
		String next = (sorted.size() > pageSize) ? encode(listing, now, key.apply(sorted.get(pageSize - 1))) : null;
		return new JsonObject().put(member, page).put("nextPageToken", next);
	}

	private static String encode(String listing, long issuedMillis, String lastKey) {
		byte[] text = (listing + '\n' + issuedMillis + '\n' + lastKey).getBytes(StandardCharsets.UTF_8);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
	}

	private static String decode(String listing, String token, long nowMillis) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw SwfFault.validation("Invalid nextPageToken");
		}
		int issuedEnd = text.indexOf('\n', listing.length() + 1);
		if (!text.startsWith(listing + '\n') || issuedEnd < 0) {
			throw SwfFault.validation("Invalid nextPageToken");
		}
		long issuedMillis;
		try {
			issuedMillis = Long.parseLong(text.substring(listing.length() + 1, issuedEnd));
		}
		catch (NumberFormatException ex) {
			throw SwfFault.validation("Invalid nextPageToken");
		}
		if (nowMillis - issuedMillis > TOKEN_LIFETIME_MILLIS) {
			throw SwfFault.validation("Specified token has exceeded its maximum lifetime");
		}
		return text.substring(issuedEnd + 1);
	}

}
