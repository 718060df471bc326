package io.github.swfheartbeat.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.swfheartbeat.core.ActivityTaskInfo;

/**
 * Turns a task's activity type into the value of the {@code activity.type} tag, keeping the
 * number of distinct values bounded: an application that registers activity types at run time
 * would otherwise create meters without limit.
 */
final class ActivityTypeTags {

	static final String UNKNOWN = "unknown";

	static final String OTHER = "other";

	private final int maxActivityTypes;

	private final Set<String> tagged = ConcurrentHashMap.newKeySet();

	ActivityTypeTags(int maxActivityTypes) {
		this.maxActivityTypes = maxActivityTypes;
	}

	/**
	 * Returns the tag value for a task: its type as {@code name:version}; {@code unknown} when the
	 * type is not known; {@code other} once the limit of distinct types has been reached.
	 * @param activityTask what is known about the task
	 * @return the tag value
	 */
	String valueOf(ActivityTaskInfo activityTask) {
		String type = activityTask.activityType();
		if (type == null) {
			return UNKNOWN;
		}
		if (this.tagged.contains(type)) {
			return type;
		}
		synchronized (this.tagged) {
			if (this.tagged.size() < this.maxActivityTypes) {
				this.tagged.add(type);
				return type;
			}
		}
		return OTHER;
	}

}
