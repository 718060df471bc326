package io.github.swfheartbeat.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the CPU time of the client side of a scenario whose SWF endpoint runs in the same JVM:
 * the sum of the per-thread CPU time of every live Java thread except the endpoint's own
 * ({@code embedded-swf-*}, the HTTP server's {@code HTTP-Dispatcher}) and the harness's
 * ({@code benchmark-*}, {@code main}). GC and JIT threads are not Java threads and are not counted.
 */
final class ClientCpu {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Map<Long, Long> start;

	private ClientCpu(Map<Long, Long> start) {
		this.start = start;
	}

	/**
	 * Starts measuring.
	 */
	static ClientCpu start() {
		if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
			THREADS.setThreadCpuTimeEnabled(true);
		}
		return new ClientCpu(clientThreadCpu());
	}

	/**
	 * Returns the client's CPU time since {@link #start()}: threads that started since count from
	 * zero; threads that ended since are lost, which the scenarios avoid by keeping their pools.
	 */
	long elapsedNanos() {
		return elapsedNanosByName().values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Returns the client's CPU time since {@link #start()} by thread name, each run of digits
	 * replaced by {@code *}, as in {@link #threadsSince}.
	 */
	Map<String, Long> elapsedNanosByName() {
		Map<String, Long> byName = new TreeMap<>();
		clientThreads().forEach((id, thread) -> byName.merge(inventoryName(thread.name()),
				thread.cpuNanos() - this.start.getOrDefault(id, 0L), Long::sum));
		return byName;
	}

	/**
	 * Returns how many live threads the client has.
	 */
	static int clientThreadCount() {
		return clientThreadCpu().size();
	}

	/**
	 * Returns the ids of the client's live threads, to take an inventory of the threads started
	 * since.
	 */
	static Set<Long> clientThreadIds() {
		return Set.copyOf(clientThreadCpu().keySet());
	}

	/**
	 * Returns the client's live threads that are not among {@code before}, counted by name with
	 * each run of digits replaced by {@code *} ({@code swf-heartbeat-sender-*}).
	 */
	static Map<String, Integer> threadsSince(Set<Long> before) {
		Map<String, Integer> inventory = new TreeMap<>();
		for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
			if (info != null && isClient(info.getThreadName()) && !before.contains(info.getThreadId())) {
				inventory.merge(inventoryName(info.getThreadName()), 1, Integer::sum);
			}
		}
		return inventory;
	}

	private static Map<Long, Long> clientThreadCpu() {
		Map<Long, Long> cpu = new HashMap<>();
		clientThreads().forEach((id, thread) -> cpu.put(id, thread.cpuNanos()));
		return cpu;
	}

	/**
	 * Returns the client's live threads by id, with their name and CPU time so far.
	 */
	private static Map<Long, ClientThread> clientThreads() {
		Map<Long, ClientThread> threads = new HashMap<>();
		for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
			if (info == null || !isClient(info.getThreadName())) {
				continue;
			}
			long nanos = THREADS.getThreadCpuTime(info.getThreadId());
			if (nanos >= 0) {
				threads.put(info.getThreadId(), new ClientThread(info.getThreadName(), nanos));
			}
		}
		return threads;
	}

	private static String inventoryName(String threadName) {
		return threadName.replaceAll("[0-9]+", "*");
	}

	private static boolean isClient(String name) {
		return !(name.startsWith("embedded-swf") || name.startsWith("HTTP-Dispatcher") || name.startsWith("benchmark-")
				|| name.equals("main"));
	}

	private record ClientThread(String name, long cpuNanos) {
	}

}
