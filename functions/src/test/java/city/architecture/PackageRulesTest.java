package city.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import city.catalog.Catalog;
import city.catalog.CityModule;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The house rules, checked on the compiled main classes: no package cycles, a domain's core free of AWS and
 * Lambda types, Lambda types only in a domain's handlers, domains that do not know each other, and shared
 * rooms that name no domain.
 */
class PackageRulesTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("city");
  /** The domains' root packages, from the registered modules (ops is the platform's own and counts too). */
  private static final List<String> DOMAINS = Catalog.standard().modules().stream()
      .map(CityModule::getClass).map(Class::getPackageName).toList();

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("city.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void aDomainsCoreUsesNoAwsOrLambdaTypes() {
    noClasses().that().resideInAPackage("city.*.core..")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
        .check(MAIN);
  }

  @Test
  void lambdaTypesAppearOnlyInHandlersAndThePlatformsAdapters() {
    noClasses().that().resideOutsideOfPackages("city.*.api..", "city.platform..", "city.ops..")
        .should().dependOnClassesThat().resideInAPackage("com.amazonaws.services.lambda..")
        .check(MAIN);
  }

  @Test
  void domainsDoNotImportEachOther() {
    for (String domain : DOMAINS) {
      String[] others = DOMAINS.stream().filter(d -> !d.equals(domain)).map(d -> d + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage(domain + "..").should().dependOnClassesThat().resideInAnyPackage(others)
          .check(MAIN);
    }
  }

  @Test
  void sharedRoomsNameNoDomain() {
    String[] domains = DOMAINS.stream().map(d -> d + "..").toArray(String[]::new);
    noClasses().that().resideInAnyPackage("city.platform..", "city.catalog..")
        .should().dependOnClassesThat().resideInAnyPackage(domains)
        .check(MAIN);
  }
}
