package io.github.swfheartbeat.test.server;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;

import io.github.swfheartbeat.test.json.JsonFieldException;
import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.json.JsonReader;
import io.github.swfheartbeat.test.json.JsonSyntaxException;
import io.github.swfheartbeat.test.json.JsonTypeException;
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
@Sharable
final class SwfRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

	static final String TARGET_PREFIX = "SimpleWorkflowService.";

	/** The endpoint's own call that moves virtual time, outside SWF's API. */
	static final String ADVANCE_PATH = "/embedded-swf/advance";

	private static final String HEARTBEAT = "RecordActivityTaskHeartbeat";

	/** Marks calls of the endpoint's own helpers, which are neither counted, faulted nor throttled. */
	static final String INTERNAL_CALL_HEADER = "X-Embedded-Swf-Internal";

	static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

	private static final String UNKNOWN_OPERATION = "com.amazon.coral.service#UnknownOperationException";

	private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";


	private static final String NOT_PERMITTED = "com.amazonaws.swf.base.model#OperationNotPermittedFault";

	private static final String THROTTLING = "com.amazon.coral.availability#ThrottlingException";

	private static final String INTERNAL_FAILURE = "com.amazon.coral.service#InternalFailure";

	private static final String SERVICE_UNAVAILABLE = "com.amazon.coral.availability#ServiceUnavailableException";

	private final SwfModel model;

	private final FaultPlan faults;

	private final ThrottlePolicy throttling;

	private final CallCounter calls;

	SwfRequestHandler(SwfModel model, FaultPlan faults, ThrottlePolicy throttling, CallCounter calls) {
		this.model = model;
		this.faults = faults;
		this.throttling = throttling;
		this.calls = calls;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
		String target = request.headers().get("X-Amz-Target");
		String operationName = (target != null && target.startsWith(TARGET_PREFIX))
				? target.substring(TARGET_PREFIX.length()) : null;
		boolean internal = request.headers().contains(INTERNAL_CALL_HEADER);
		long latency = (operationName != null && !internal) ? this.faults.latencyNanos(operationName) : 0;
		ExchangeReply reply = new ExchangeReply(context.channel(), HttpUtil.isKeepAlive(request), latency,
				this.model::epochMillisNow);
		if (ADVANCE_PATH.equals(request.uri())) {
			advance(request, reply);
			return;
		}
		// Virtual time stands still while the endpoint handles a call.
		this.model.workStarted();
		try {
			handle(request, operationName, internal, reply);
		}
		finally {
			this.model.workFinished();
		}
	}

	private void handle(FullHttpRequest request, String operationName, boolean internal, ExchangeReply reply) {
		try {
			byte[] body = ByteBufUtil.getBytes(request.content());
			if (!HttpMethod.POST.equals(request.method()) || operationName == null) {
				fault(reply, 400, UNKNOWN_OPERATION, "Expected POST / with X-Amz-Target: " + TARGET_PREFIX
						+ "<Operation>");
				return;
			}
			if (!internal) {
				this.calls.increment(operationName);
			}
			JsonObject input = JsonReader.parseObject(body);
			if (!internal && !admit(operationName, input, reply)) {
				return;
			}
			Operation operation = this.model.operation(operationName);
			if (operation == null) {
				fault(reply, 400, UNKNOWN_OPERATION, "Unknown operation " + operationName);
				return;
			}
			operation.invoke(input, (output) -> answer(reply, operationName, output));
		}
		catch (SwfFault ex) {
			fault(reply, 400, ex.type(), ex.getMessage());
		}
		catch (JsonFieldException ex) {
			fault(reply, 400, VALIDATION, ex.getMessage());
		}
		catch (JsonSyntaxException | JsonTypeException ex) {
			fault(reply, 400, SERIALIZATION, ex.getMessage());
		}
		catch (RuntimeException | Error ex) {
			internalError(reply, operationName, ex);
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		// The connection broke, e.g. a client gave up on a long poll; nothing is left to answer.
		context.close();
	}

	/**
	 * Moves virtual time for clients that cannot call {@code EmbeddedSwf.advance}, e.g. tests in
	 * other languages against the standalone endpoint: {@code POST /embedded-swf/advance} with
	 * {@code {"duration":"PT10M"}} answers {@code {"currentTime":<epoch millis>}}.
	 */
	private void advance(FullHttpRequest request, ExchangeReply reply) {
		Duration duration;
		try {
			if (!HttpMethod.POST.equals(request.method())) {
				throw new IllegalArgumentException("Expected POST " + ADVANCE_PATH);
			}
			duration = Duration.parse(JsonReader.parseObject(ByteBufUtil.getBytes(request.content()))
				.requiredString("duration", 1, 64));
		}
		catch (IllegalArgumentException | DateTimeParseException | JsonSyntaxException | JsonTypeException
				| JsonFieldException ex) {
			fault(reply, 400, VALIDATION, ex.getMessage());
			return;
		}
		// Not on the event loop: time waits at each due moment for exchanges that this loop may serve.
		Thread advancing = new Thread(() -> {
			try {
				this.model.advance(duration);
				reply.send(200, JsonWriter.write(new JsonObject().put("currentTime", this.model.currentTimeMillis())));
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				fault(reply, 400, VALIDATION, ex.getMessage());
			}
			catch (RuntimeException | Error ex) {
				internalError(reply, ADVANCE_PATH, ex);
			}
		}, "embedded-swf-advance");
		advancing.setDaemon(true);
		advancing.start();
	}

	/**
	 * Sends an operation's output; it may run on any thread that hands a waiting poll its task, so a
	 * fault here is answered and recorded rather than thrown into that thread's work.
	 */
	private void answer(ExchangeReply reply, String operationName, JsonObject output) {
		String body;
		try {
			body = JsonWriter.write(output);
		}
		catch (RuntimeException | Error ex) {
			internalError(reply, operationName, ex);
			return;
		}
		reply.send(200, body);
	}

	private void internalError(ExchangeReply reply, String operationName, Throwable error) {
		this.model.internalErrors().record(String.valueOf(operationName), error);
		// Named in the body, so that whoever reads the SDK's exception sees it was the endpoint's own bug.
		fault(reply, 500, INTERNAL_FAILURE,
				"Embedded SWF internal error in " + operationName + ": " + error.getClass().getName() + ": "
						+ error.getMessage());
	}

	/**
	 * Decides whether a call runs: a planned fault or an empty bucket answers it instead.
	 */
	private boolean admit(String operationName, JsonObject input, ExchangeReply reply) {
		PlannedFault fault = this.faults.next(operationName, () -> taskTokenOf(input));
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
		if (!this.throttling.tryAcquire(operationName) || !withinWorkflowQuota(operationName, input)) {
			fault(reply, 400, THROTTLING, "Rate exceeded");
			return false;
		}
		return true;
	}

	/**
	 * Applies SWF's heartbeat quota per workflow execution, on top of the account's.
	 */
	private boolean withinWorkflowQuota(String operationName, JsonObject input) {
		if (!HEARTBEAT.equals(operationName) || !this.throttling.appliesWorkflowQuotas()) {
			return true;
		}
		String token = taskTokenOf(input);
		String execution = (token != null) ? this.model.executionOfActivityTask(token) : null;
		// A token of no task is not throttled here: the operation answers UnknownResourceFault.
		return execution == null || this.throttling.tryAcquireWorkflowHeartbeat(execution);
	}

	private static String taskTokenOf(JsonObject input) {
		try {
			return input.string("taskToken");
		}
		catch (RuntimeException ex) {
			// Not a call about a task; the operation reports malformed input itself.
			return null;
		}
	}

	private static void fault(ExchangeReply reply, int status, String type, String message) {
		reply.sendError(status, type, JsonWriter.write(new JsonObject().put("__type", type).put("message", message)));
	}

}
