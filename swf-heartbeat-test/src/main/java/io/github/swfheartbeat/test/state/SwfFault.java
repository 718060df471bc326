package io.github.swfheartbeat.test.state;

/**
 * A fault SWF returns as HTTP 400, named as the SDK maps it to an exception.
 */
public class SwfFault extends RuntimeException {

	private static final String SWF_MODEL = "com.amazonaws.swf.base.model#";

	private final String type;

	/**
	 * Creates a fault.
	 * @param type the fully qualified fault name sent as {@code __type}
	 * @param message the message sent to the client
	 */
	public SwfFault(String type, String message) {
		super(message);
		this.type = type;
	}

	/**
	 * Returns the fully qualified fault name, e.g.
	 * {@code com.amazonaws.swf.base.model#UnknownResourceFault}.
	 * @return the fault name
	 */
	public String type() {
		return this.type;
	}

	/**
	 * A named resource (domain, type, execution, task token) does not exist or is closed.
	 * @param message what is unknown
	 * @return the fault
	 */
	public static SwfFault unknownResource(String message) {
		return new SwfFault(SWF_MODEL + "UnknownResourceFault", message);
	}

	/**
	 * A domain of that name is already registered.
	 * @param name the domain
	 * @return the fault
	 */
	public static SwfFault domainAlreadyExists(String name) {
		return new SwfFault(SWF_MODEL + "DomainAlreadyExistsFault", name);
	}

	/**
	 * A type of that name and version is already registered.
	 * @param description the type, as SWF describes it
	 * @return the fault
	 */
	public static SwfFault typeAlreadyExists(String description) {
		return new SwfFault(SWF_MODEL + "TypeAlreadyExistsFault", description);
	}

	/**
	 * The domain is deprecated: no new types, no new executions; or it is deprecated already.
	 * @param name the domain
	 * @return the fault
	 */
	public static SwfFault domainDeprecated(String name) {
		return new SwfFault(SWF_MODEL + "DomainDeprecatedFault", name);
	}

	/**
	 * The type is deprecated: no new tasks or executions of it; or it is deprecated already.
	 * @param description the type, as SWF describes it
	 * @return the fault
	 */
	public static SwfFault typeDeprecated(String description) {
		return new SwfFault(SWF_MODEL + "TypeDeprecatedFault", description);
	}

	/**
	 * The type must be deprecated first, e.g. before it is deleted.
	 * @param description the type, as SWF describes it
	 * @return the fault
	 */
	public static SwfFault typeNotDeprecated(String description) {
		return new SwfFault(SWF_MODEL + "TypeNotDeprecatedFault", description);
	}

	/**
	 * The resource would carry more tags than SWF allows.
	 * @param message what was exceeded
	 * @return the fault
	 */
	public static SwfFault tooManyTags(String message) {
		return new SwfFault(SWF_MODEL + "TooManyTagsFault", message);
	}

	/**
	 * An open execution with the same workflow id exists in the domain.
	 * @param workflowId the workflow id
	 * @return the fault
	 */
	public static SwfFault workflowExecutionAlreadyStarted(String workflowId) {
		return new SwfFault(SWF_MODEL + "WorkflowExecutionAlreadyStartedFault", workflowId);
	}

	/**
	 * A value is neither given nor registered as the type's default.
	 * @param message which value
	 * @return the fault
	 */
	public static SwfFault defaultUndefined(String message) {
		return new SwfFault(SWF_MODEL + "DefaultUndefinedFault", message);
	}

	/**
	 * The input breaks a constraint of the API.
	 * @param message what is wrong
	 * @return the fault
	 */
	public static SwfFault validation(String message) {
		return new SwfFault("com.amazon.coral.validate#ValidationException", message);
	}

}
