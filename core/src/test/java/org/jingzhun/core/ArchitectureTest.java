package org.jingzhun.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

/** The dependency direction and house rules of ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {
    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jingzhun.core", "org.jingzhun.spi");

    @Test
    void spiNeverDependsOnCore() {
        noClasses().that().resideInAPackage("org.jingzhun.spi..")
                .should().dependOnClassesThat().resideInAPackage("org.jingzhun.core..")
                .check(production);
    }

    @Test
    void coreNeverDependsOnPluginImplementations() {
        noClasses().that().resideInAPackage("org.jingzhun.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jingzhun.storage..", "org.jingzhun.policy..",
                        "org.jingzhun.export..", "org.jingzhun.exchange..", "org.jingzhun.testkit..")
                .check(production);
    }

    @Test
    void spiUsesNoFrameworks() {
        noClasses().that().resideInAPackage("org.jingzhun.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "org.jdbi..",
                        "com.zaxxer..", "org.hibernate..", "com.fasterxml.jackson.databind..", "org.slf4j..")
                .check(production);
    }

    @Test
    void libraryLogsThroughSlf4jOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "ch.qos.logback..",
                "org.apache.logging.log4j..").check(production);
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(production);
    }

    @Test
    void noGrabBagClassNames() {
        noClasses().should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils").check(production);
    }

    /**
     * Access is decided in one place, {@code AccessGuard}: the policy, benefit-statement and funds capabilities never
     * test a principal's scope or permissions themselves. (The registry and the two workflows still do in a few
     * places; they join this rule when their checks move into the guard.)
     */
    @Test
    void policyBenefitAndFundsDecideAccessOnlyThroughTheGuard() {
        noClasses().that().resideInAnyPackage("org.jingzhun.core.policy..", "org.jingzhun.core.benefit..",
                "org.jingzhun.core.funds..")
                .should().callMethod(Principal.class, "covers", RegionCode.class)
                .orShould().callMethod(Principal.class, "can", Permission.class)
                .orShould().callMethod(Principal.class, "scope")
                .check(production);
    }
}
