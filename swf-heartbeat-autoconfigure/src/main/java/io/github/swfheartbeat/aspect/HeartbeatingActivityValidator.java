package io.github.swfheartbeat.aspect;

import java.lang.reflect.Method;
import java.util.Map;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Checks every {@link HeartbeatingActivity @HeartbeatingActivity} method of the application's
 * beans once all singletons exist, so that a method that cannot find its task token fails the
 * start-up, naming the method, instead of running without heartbeats.
 */
public class HeartbeatingActivityValidator implements SmartInitializingSingleton, AopInfrastructureBean {

	private final ListableBeanFactory beanFactory;

	private final ActivityMethodInspector inspector;

	/**
	 * Creates a validator for the methods the given aspect advises.
	 * @param beanFactory the factory whose beans to check
	 * @param aspect the aspect
	 */
	public HeartbeatingActivityValidator(ListableBeanFactory beanFactory, HeartbeatingActivityAspect aspect) {
		this.beanFactory = beanFactory;
		this.inspector = aspect.inspector();
	}

	/**
	 * Checks every annotated method.
	 * @throws InvalidHeartbeatingActivityException for the first method that cannot work
	 */
	@Override
	public void afterSingletonsInstantiated() {
		for (String beanName : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type;
			try {
				type = this.beanFactory.getType(beanName, false);
			}
			catch (BeansException ex) {
				// A bean whose type cannot be determined is not ours to judge.
				continue;
			}
			if (type != null) {
				validate(ClassUtils.getUserClass(type));
			}
		}
	}

	/**
	 * Checks the annotated methods of one bean class.
	 * @param beanClass the class
	 * @throws InvalidHeartbeatingActivityException for the first method that cannot work
	 */
	public void validate(Class<?> beanClass) {
		if (!AnnotationUtils.isCandidateClass(beanClass, HeartbeatingActivity.class)) {
			return;
		}
		Map<Method, HeartbeatingActivity> methods = MethodIntrospector.selectMethods(beanClass,
				(MethodIntrospector.MetadataLookup<HeartbeatingActivity>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, HeartbeatingActivity.class));
		for (Method method : methods.keySet()) {
			this.inspector.validate(method, beanClass);
		}
	}

}
