package io.github.swfheartbeat.test;

import java.lang.reflect.Field;

import io.github.swfheartbeat.test.state.SwfModel;

/**
 * Reaches the model behind an {@link EmbeddedSwf}, its private part, to stand in for a bug in the
 * endpoint's own code in tests of what notices such bugs.
 */
public final class EmbeddedSwfInternals {

	private EmbeddedSwfInternals() {
	}

	/**
	 * Records a fault as if the endpoint's own code had failed.
	 * @param swf the endpoint
	 * @param error the fault
	 */
	public static void recordInternalError(EmbeddedSwf swf, Throwable error) {
		try {
			Field model = EmbeddedSwf.class.getDeclaredField("model");
			model.setAccessible(true);
			((SwfModel) model.get(swf)).internalErrors().record("a test", error);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
