package io.github.swfheartbeat.worker;

import java.lang.reflect.Method;

/**
 * An {@link SwfActivity @SwfActivity} method as found on a bean, before its attributes are
 * resolved.
 *
 * @param bean the bean (a proxy, when the bean is advised)
 * @param method the method, invocable on the bean
 * @param annotation the annotation
 */
public record SwfActivityMethod(Object bean, Method method, SwfActivity annotation) {

}
