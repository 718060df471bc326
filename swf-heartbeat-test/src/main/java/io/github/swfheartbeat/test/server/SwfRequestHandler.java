package io.github.swfheartbeat.test.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.github.swfheartbeat.test.json.JsonFieldException;
import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.json.JsonReader;
import io.github.swfheartbeat.test.json.JsonSyntaxException;
import io.github.swfheartbeat.test.json.JsonWriter;
import io.github.swfheartbeat.test.state.Operation;
import io.github.swfheartbeat.test.state.SwfFault;
import io.github.swfheartbeat.test.state.SwfModel;

/**
 * Handles {@code POST /} requests of SWF's AWS JSON 1.0 protocol: finds the operation in the
 * {@code X-Amz-Target} header, counts the call, applies planned faults and rate limits, runs the
 * operation and answers with its output or its fault.
 *
 * <p>SigV4 headers are accepted as they come and not verified: the endpoint serves tests on
 * loopback, with any credentials.
 */
final class SwfRequestHandler implements HttpHandler {

	private static final System.Logger logger = System.getLogger(SwfRequestHandler.class.getName());

	static final String TARGET_PREFIX = "SimpleWorkflowService.";

	/** Marks calls of the endpoint's own helpers, which are neither counted, faulted nor throttled. */
	static final String INTERNAL_CALL_HEADER = "X-Embedded-Swf-Internal";

	private static final String UNKNOWN_OPERATION = "com.amazon.coral.service#UnknownOperationException";

	private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";

	private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

	private static final String NOT_PERMITTED = "com.amazonaws.swf.base.model#OperationNotPermittedFault";

	private static final String THROTTLING = "com.amazon.coral.availability#ThrottlingException";

	private static final String INTERNAL_FAILURE = "com.amazon.coral.service#InternalFailure";

	private static final String SERVICE_UNAVAILABLE = "com.amazon.coral.availability#ServiceUnavailableException";

	private final SwfModel model;

	private final FaultPlan faults;

	private final ThrottlePolicy throttling;

	private final CallCounter calls;

	private final Executor executor;

	private final ScheduledExecutorService delays;

	SwfRequestHandler(SwfModel model, FaultPlan faults, ThrottlePolicy throttling, CallCounter calls,
			Executor executor, ScheduledExecutorService delays) {
		this.model = model;
		this.faults = faults;
		this.throttling = throttling;
		this.calls = calls;
		this.executor = executor;
		this.delays = delays;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
		String operationName = (target != null && target.startsWith(TARGET_PREFIX))
				? target.substring(TARGET_PREFIX.length()) : null;
		boolean internal = exchange.getRequestHeaders().containsKey(INTERNAL_CALL_HEADER);
		long latency = (operationName != null && !internal) ? this.faults.latencyNanos(operationName) : 0;
		ExchangeReply reply = new ExchangeReply(exchange, this.executor, this.delays, latency);
		try {
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (!"POST".equals(exchange.getRequestMethod()) || operationName == null) {
				fault(reply, 400, UNKNOWN_OPERATION, "Expected POST / with X-Amz-Target: " + TARGET_PREFIX
						+ "<Operation>");
				return;
			}
			if (!internal && !admit(operationName, body, reply)) {
				return;
			}
			Operation operation = this.model.operation(operationName);
			if (operation == null) {
				fault(reply, 400, UNKNOWN_OPERATION, "Unknown operation " + operationName);
				return;
			}
			JsonObject input = JsonReader.parseObject(new String(body, StandardCharsets.UTF_8));
			operation.invoke(input, (output) -> reply.send(200, JsonWriter.write(output)));
		}
		catch (SwfFault ex) {
			fault(reply, 400, ex.type(), ex.getMessage());
		}
		catch (JsonFieldException ex) {
			fault(reply, 400, VALIDATION, ex.getMessage());
		}
		catch (JsonSyntaxException ex) {
			fault(reply, 400, SERIALIZATION, ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.log(Level.ERROR, "Operation " + operationName + " failed", ex);
			fault(reply, 500, INTERNAL_FAILURE, "Internal failure: " + ex);
		}
		finally {
			reply.handlerReturned();
		}
	}

	/**
	 * Counts the call and decides whether it runs: a planned fault or an empty bucket answers it
	 * instead.
	 */
	private boolean admit(String operationName, byte[] body, ExchangeReply reply) {
		this.calls.increment(operationName);
		PlannedFault fault = this.faults.next(operationName, () -> taskTokenOf(body));
		if (fault != null) {
			switch (fault.kind()) {
				case RESET -> reply.reset();
				case THROTTLE -> fault(reply, 400, THROTTLING, "Rate exceeded");
				case DENY -> fault(reply, 400, NOT_PERMITTED,
						"User is not authorized to perform: swf:" + operationName + " (injected)");
				case FAIL -> fault(reply, fault.httpStatus(), (fault.httpStatus() == 503) ? SERVICE_UNAVAILABLE
						: INTERNAL_FAILURE, "Injected server fault");
			}
			return false;
		}
		if (!this.throttling.tryAcquire(operationName)) {
			fault(reply, 400, THROTTLING, "Rate exceeded");
			return false;
		}
		return true;
	}

	private static String taskTokenOf(byte[] body) {
		try {
			return JsonReader.parseObject(new String(body, StandardCharsets.UTF_8)).string("taskToken");
		}
		catch (RuntimeException ex) {
			// Not a call about a task; the operation reports malformed input itself.
			return null;
		}
	}

	private static void fault(ExchangeReply reply, int status, String type, String message) {
		reply.send(status, JsonWriter.write(new JsonObject().put("__type", type).put("message", message)));
	}

}
