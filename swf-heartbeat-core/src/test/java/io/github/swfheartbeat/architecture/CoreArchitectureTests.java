package io.github.swfheartbeat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core module is a plain Java library: the Spring layer sits on top of it, never inside.
 */
class CoreArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("io.github.swfheartbeat");

	@Test
	void importsTheCoreModulesClasses() {
		// Guards the rules below against passing on an empty import.
		assertThat(this.classes.containPackage("io.github.swfheartbeat.engine")).isTrue();
		assertThat(this.classes.containPackage("io.github.swfheartbeat.core")).isTrue();
	}

	@Test
	void nothingInTheCoreDependsOnSpringMicrometerOrReactor() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "reactor..")
			.check(this.classes);
	}

	@Test
	void apiDoesNotDependOnTheEngine() {
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
