package io.github.swfheartbeat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The Spring layer's packages depend on each other without cycles; the core module's own rules live in
 * its {@code CoreArchitectureTests}.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.swfheartbeat");

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("io.github.swfheartbeat.(*)..").should().beFreeOfCycles().check(this.classes);
	}

}
