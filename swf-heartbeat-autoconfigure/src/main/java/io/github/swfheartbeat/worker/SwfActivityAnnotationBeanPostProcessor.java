package io.github.swfheartbeat.worker;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Collects the {@link SwfActivity @SwfActivity} methods of every bean; the
 * {@link SwfActivityContainerRegistry} turns them into listener containers when the application
 * starts.
 */
public class SwfActivityAnnotationBeanPostProcessor implements BeanPostProcessor {

	private final List<SwfActivityMethod> methods = new CopyOnWriteArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (!targetClass.getName().startsWith("java.")) {
			Map<Method, SwfActivity> annotated = MethodIntrospector.selectMethods(targetClass,
					(MethodIntrospector.MetadataLookup<SwfActivity>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, SwfActivity.class));
			annotated.forEach((method, annotation) -> this.methods
				.add(new SwfActivityMethod(bean, AopUtils.selectInvocableMethod(method, bean.getClass()), annotation)));
		}
		return bean;
	}

	/**
	 * Returns the methods found so far.
	 * @return the methods
	 */
	public List<SwfActivityMethod> methods() {
		return List.copyOf(this.methods);
	}

}
