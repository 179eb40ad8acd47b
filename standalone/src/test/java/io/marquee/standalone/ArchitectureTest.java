package io.marquee.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.marquee.infra.security.JwtKeyMaterial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtEncoder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of architecture.md, checked on the classes of the whole platform. */
class ArchitectureTest {

    static JavaClasses marquee;

    @BeforeAll
    static void importClasses() {
        marquee = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // in a reactor build other modules' test classes arrive as test jars, which the option above misses
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.marquee");
    }

    @Test
    void the_event_contract_depends_on_no_other_module() {
        noClasses().that().resideInAPackage("io.marquee.events..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.marquee.infra..", "io.marquee.command..", "io.marquee.projections..",
                        "io.marquee.query..", "io.marquee.standalone..")
                .check(marquee);
    }

    @Test
    void the_event_contract_uses_no_spring_and_no_axon() {
        noClasses().that().resideInAPackage("io.marquee.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
                .check(marquee);
    }

    @Test
    void the_write_side_knows_neither_projections_nor_the_read_side() {
        noClasses().that().resideInAPackage("io.marquee.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.marquee.projections..", "io.marquee.query..")
                .check(marquee);
    }

    @Test
    void projections_know_neither_the_write_side_nor_the_read_side() {
        noClasses().that().resideInAPackage("io.marquee.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("io.marquee.command..", "io.marquee.query..")
                .check(marquee);
    }

    @Test
    void the_read_side_knows_neither_the_write_side_nor_projections_nor_axon() {
        noClasses().that().resideInAPackage("io.marquee.query..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.marquee.command..", "io.marquee.projections..", "org.axonframework..")
                .check(marquee);
    }

    @Test
    void only_the_write_side_signs_access_tokens() {
        noClasses().that().resideOutsideOfPackage("io.marquee.command..")
                .should().callMethod(JwtKeyMaterial.class, "privateKey")
                .orShould().dependOnClassesThat().areAssignableTo(JwtEncoder.class)
                .check(marquee);
    }

    @Test
    void infra_is_plumbing_and_knows_no_role() {
        noClasses().that().resideInAPackage("io.marquee.infra..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.marquee.command..", "io.marquee.projections..", "io.marquee.query..")
                .check(marquee);
    }
}
