package io.github.swfheartbeat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine is a plain Java core; Spring is a thin layer on top.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.swfheartbeat");

	@Test
	void coreAndEngineDoNotDependOnSpring() {
		noClasses().that()
			.resideInAnyPackage("io.github.swfheartbeat.core..", "io.github.swfheartbeat.engine..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "reactor..")
			.check(this.classes);
	}

	@Test
	void coreDoesNotDependOnTheEngine() {
		noClasses().that()
			.resideInAPackage("io.github.swfheartbeat.core..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.swfheartbeat.engine..")
			.check(this.classes);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("io.github.swfheartbeat.(*)..").should().beFreeOfCycles().check(this.classes);
	}

}
