package io.github.swfheartbeat.flow;

import java.lang.reflect.Method;
import java.util.concurrent.CancellationException;

import com.amazonaws.services.simpleworkflow.flow.ActivityExecutionContext;
import com.amazonaws.services.simpleworkflow.flow.annotations.Activities;
import com.amazonaws.services.simpleworkflow.flow.model.ActivityTask;
import com.amazonaws.services.simpleworkflow.flow.model.ActivityType;
import com.amazonaws.services.simpleworkflow.flow.model.WorkflowExecution;
import com.amazonaws.services.simpleworkflow.flow.worker.CurrentActivityExecutionContext;
import io.github.swfheartbeat.aspect.ActivityTaskLocator;
import io.github.swfheartbeat.aspect.ActivityTaskReference;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the task of an AWS Flow Framework activity in Flow's current activity execution context,
 * which Flow's activity worker sets while it runs an activity method. A method of a bean that
 * implements an {@link Activities @Activities} interface therefore needs only
 * {@code @HeartbeatingActivity}.
 * <p>
 * Flow reports the end of its tasks to SWF itself: a method that ends because its task's
 * cancellation was requested throws a {@link CancellationException} to Flow, which then calls
 * {@code RespondActivityTaskCanceled}.
 */
public class FlowActivityTaskLocator implements ActivityTaskLocator {

	@Override
	public boolean supports(Method method, Class<?> targetClass) {
		for (Class<?> candidate : ClassUtils.getAllInterfacesForClassAsSet(targetClass)) {
			if (candidate.isAnnotationPresent(Activities.class)
					&& ClassUtils.hasMethod(candidate, method.getName(), method.getParameterTypes())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public @Nullable ActivityTaskReference locate() {
		if (!CurrentActivityExecutionContext.isSet()) {
			return null;
		}
		ActivityExecutionContext context = CurrentActivityExecutionContext.get();
		ActivityTask task = context.getTask();
		if (task == null || !StringUtils.hasLength(task.getTaskToken())) {
			return null;
		}
		ActivityType type = task.getActivityType();
		WorkflowExecution execution = task.getWorkflowExecution();
		ActivityTaskInfo info = new ActivityTaskInfo(context.getDomain(), task.getActivityId(),
				(type != null) ? type.getName() : null, (type != null) ? type.getVersion() : null,
				(execution != null) ? execution.getWorkflowId() : null, (execution != null) ? execution.getRunId() : null);
		return new ActivityTaskReference(task.getTaskToken(), info);
	}

	@Override
	public Throwable translateCancellation(Throwable failure) {
		if (failure instanceof CancellationException) {
			return failure;
		}
		// Flow's activity worker responds canceled only for a CancellationException; anything else fails the task.
		CancellationException cancellation = new CancellationException(failure.getMessage());
		cancellation.initCause(failure);
		return cancellation;
	}

	@Override
	public boolean respondsCanceled() {
		return true;
	}

}
