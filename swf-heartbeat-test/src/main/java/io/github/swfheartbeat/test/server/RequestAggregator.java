package io.github.swfheartbeat.test.server;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Gathers a request's body up to SWF's limit of 1 MB, and answers a larger one as SWF's validation
 * error instead of Netty's bare 413.
 */
final class RequestAggregator extends HttpObjectAggregator {

	/** SWF's limit of a request's size, 1 MB. */
	static final int MAXIMUM_REQUEST_BYTES = 1024 * 1024;

	private static final String MESSAGE = "Request size exceeds the limit of " + MAXIMUM_REQUEST_BYTES + " bytes";

	RequestAggregator() {
		super(MAXIMUM_REQUEST_BYTES);
	}

	@Override
	protected void handleOversizedMessage(ChannelHandlerContext context, HttpMessage oversized) {
		// As Netty's own answer does: a body already under way cannot be skipped reliably, so close
		// the connection unless the client waits for 100-continue on a keep-alive connection.
		boolean close = oversized instanceof FullHttpMessage
				|| (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized));
		FullHttpResponse response = ExchangeReply.response(400, ExchangeReply.errorType(SwfRequestHandler.VALIDATION),
				"{\"__type\":\"" + SwfRequestHandler.VALIDATION + "\",\"message\":\"" + MESSAGE + "\"}", !close, System.currentTimeMillis());
		ChannelFuture written = context.writeAndFlush(response);
		written.addListener(close ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
	}

}
