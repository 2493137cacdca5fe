package dev.kesgen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.List;

/** The package rules of kesgen-core, checked on its compiled classes. */
@AnalyzeClasses(packages = "dev.kesgen", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final List<String> THIRD_PARTY = List.of(
      "org.apache.maven", "com.github.jknack.handlebars", "org.bouncycastle");

  @ArchTest
  static final ArchRule topologyImportsNothingElseOfOurs = alone("topology");

  @ArchTest
  static final ArchRule renderImportsNothingElseOfOurs = alone("render");

  @ArchTest
  static final ArchRule outputImportsNothingElseOfOurs = alone("output");

  @ArchTest
  static final ArchRule filesImportsNothingElseOfOurs = alone("files");

  @ArchTest
  static final ArchRule onlyThePublicApiUsesTheEngine = noClasses()
      .that().resideOutsideOfPackages("dev.kesgen", "dev.kesgen.engine..")
      .should().dependOnClassesThat().resideInAPackage("dev.kesgen.engine..")
      .because("the engine is not API: front ends call dev.kesgen.Kesgen");

  @ArchTest
  static final ArchRule nothingUsesThePublicApiFromBelow = noClasses()
      .that().resideOutsideOfPackages("dev.kesgen", "dev.kesgen.report..")
      .should().dependOnClassesThat().resideInAPackage("dev.kesgen")
      .because("dev.kesgen composes the packages below it, so any use the other way round would be a cycle");

  @ArchTest
  static final ArchRule theReportLayerSitsAboveTheApi = noClasses()
      .that().resideOutsideOfPackage("dev.kesgen.report..")
      .should().dependOnClassesThat().resideInAPackage("dev.kesgen.report..")
      .because("dev.kesgen.report words what the front ends print from the API's results; the core never prints");

  @ArchTest
  static final ArchRule theReportLayerUsesNoEngine = noClasses()
      .that().resideInAPackage("dev.kesgen.report..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.kesgen.engine..", "dev.kesgen.output..",
          "dev.kesgen.render..", "dev.kesgen.access..", "dev.kesgen.view..")
      .because("the report layer words the results the API returns; it never does the work");

  @ArchTest
  static final ArchRule noCycles = slices().matching("dev.kesgen.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theRootPackageHoldsOnlyPublicTypes = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
      .classes().that().resideInAPackage("dev.kesgen").and().areTopLevelClasses()
      .should().bePublic()
      .because("the root package is the public API; the engine lives in dev.kesgen.engine");

  @ArchTest
  static final ArchRule nothingImportsMaven = noClasses()
      .should().dependOnClassesThat().resideInAPackage("org.apache.maven..");

  @ArchTest
  static final ArchRule noThirdPartyTypeInAPublicSignature = methods()
      .that().arePublic().and().areDeclaredInClassesThat().arePublic()
      .should(new ArchCondition<JavaMethod>("take and return no Maven, Handlebars or BouncyCastle type") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
          List<JavaClass> types = new java.util.ArrayList<>(method.getRawParameterTypes());
          types.add(method.getRawReturnType());
          for (JavaClass type : types) {
            if (THIRD_PARTY.stream().anyMatch(p -> type.getPackageName().startsWith(p))) {
              events.add(SimpleConditionEvent.violated(method, method.getFullName() + " uses " + type.getName()));
            }
          }
        }
      })
      .because("public methods take and return JDK types and our own (STYLE.md)");

  /**
   * Nothing else of kesgen but {@code dev.kesgen.files}, the one way every package reads a file (itself alone, so
   * this adds no cycle).
   */
  private static ArchRule alone(String pkg) {
    return noClasses().that().resideInAPackage("dev.kesgen." + pkg + "..")
        .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are kesgen classes outside " + pkg) {
          @Override
          public boolean test(JavaClass type) {
            String name = type.getPackageName();
            return name.startsWith("dev.kesgen") && !name.startsWith("dev.kesgen." + pkg)
                && !name.equals("dev.kesgen.files");
          }
        })
        .because(pkg + " knows nothing else of kesgen but how to read a file (dev.kesgen.files)");
  }

}
