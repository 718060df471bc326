package io.github.swfheartbeat.flow;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

/**
 * Makes the embedded endpoint's empty activity polls look as SWF's do on the wire: SWF omits the
 * task token ({@code {"startedEventId":0}}), where the embedded endpoint sends an empty one. The
 * Flow Framework's activity poller takes only a missing token for "no task" and fails on an empty
 * one (a NullPointerException in its metrics, then exponential poll back-off). To be removed once
 * the embedded endpoint omits the token itself.
 */
final class SwfEmptyPolls {

	private SwfEmptyPolls() {
	}

	static SwfClient asSwfSendsThem(SwfClient client) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			Object result;
			try {
				result = method.invoke(client, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
			if (result instanceof PollForActivityTaskResponse task && task.taskToken() != null
					&& task.taskToken().isEmpty()) {
				return task.toBuilder().taskToken(null).build();
			}
			return result;
		};
		return (SwfClient) Proxy.newProxyInstance(SwfEmptyPolls.class.getClassLoader(), new Class<?>[] { SwfClient.class },
				handler);
	}

}
