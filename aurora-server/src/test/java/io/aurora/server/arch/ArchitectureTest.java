package io.aurora.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.regex.Pattern;

/**
 * The architecture of the whole project as rules over its compiled main classes: which modules may
 * depend on which, no cycles between packages, no two top-level types with one simple name,
 * which packages are pure ({@link PurityRules}) and what package-info files forbid ({@link
 * PackageInfoRules}). A new class is checked by being compiled; nobody lists it.
 *
 * <p>All rules live here, in aurora-server, because it is the one module that has every other
 * module on its classpath: the module, cycle and name rules need all classes at once, and keeping
 * the purity rules beside them means one import of the classes, one place to read what "pure" means
 * and one dependency on ArchUnit. The price: building a library module alone does not check it;
 * the full build (CI) always does.
 *
 * <p>There is no list of tolerated violations ({@code archunit_ignore_patterns.txt}): a rule
 * that finds something fails the build.
 */
@AnalyzeClasses(
    packages = "io.aurora",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ArchitectureTest.NoTestJars.class,
      ArchitectureTest.OnlyTopLevelGeneratedClasses.class
    })
class ArchitectureTest {

  /** Module arrows of DESIGN.md and the poms; every module may use aurora-api's types. */
  @ArchTest
  static final ArchRule modules_dependOnlyAlongTheDesignArrows = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("api").definedBy("io.aurora.api..", "io.aurora.gen..")
      .layer("log").definedBy("io.aurora.log..")
      .layer("storage").definedBy("io.aurora.storage..")
      .layer("scheduling").definedBy("io.aurora.scheduling..")
      .layer("http").definedBy("io.aurora.http..")
      .layer("server").definedBy("io.aurora.server..")
      .whereLayer("api").mayNotAccessAnyLayer()
      // "Byte entries and positions only": no Aurora type, not even the API's.
      .whereLayer("log").mayNotAccessAnyLayer()
      .whereLayer("storage").mayOnlyAccessLayers("api", "log")
      .whereLayer("scheduling").mayOnlyAccessLayers("api", "storage")
      .whereLayer("http").mayOnlyAccessLayers("api", "scheduling")
      .whereLayer("server").mayOnlyAccessLayers("api", "log", "storage", "scheduling", "http");

  /**
   * Every package below a module's root package is a slice of its own (so {@code mesos} and
   * {@code mesos.http} may not depend on each other both ways). A module's root package is left
   * out: it is the module's public face and its Dagger wiring, which both serves and assembles the
   * sub-packages. Module-level cycles cannot happen: the module arrows above form no loop.
   */
  @ArchTest
  static final ArchRule packages_haveNoCycles = slices()
      .assignedFrom(new SubPackagesOfModules())
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule topLevelTypes_haveUniqueSimpleNames = classes()
      .that().areTopLevelClasses()
      .and().doNotHaveSimpleName("package-info")
      .should(new UniqueSimpleNames())
      .because("a twin name makes every reader check the imports (DESIGN.md, STYLE.md)");

  @ArchTest
  static final ArchTests pureCores = ArchTests.in(PurityRules.class);

  @ArchTest
  static final ArchTests packageInfoPromises = ArchTests.in(PackageInfoRules.class);

  @ArchTest
  static final ArchTests monotonicTime = ArchTests.in(MonotonicTimeRules.class);

  /** Slices: {@code io.aurora.<module>.<sub>...}, one per package; roots and generated code out. */
  static final class SubPackagesOfModules implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass type) {
      String pkg = type.getPackageName();
      String[] parts = pkg.split("\\.");
      if (parts.length < 4 || !pkg.startsWith("io.aurora.") || parts[2].equals("gen")) {
        return SliceIdentifier.ignore();
      }
      return SliceIdentifier.of(pkg.substring("io.aurora.".length()));
    }

    @Override
    public String getDescription() {
      return "packages below each module's root package";
    }
  }

  /**
   * The generated Thrift code (io.aurora.gen) is needed only for its top-level names (the name
   * rule) and as a target of dependencies; its nested classes (field enums, schemes: 1,400 of
   * the 2,100 classes under io.aurora) would make most of the import time for nothing.
   */
  static final class OnlyTopLevelGeneratedClasses implements ImportOption {
    private static final Pattern GENERATED_NESTED = Pattern.compile(".*/io/aurora/gen/.*\\$.*");

    @Override
    public boolean includes(Location location) {
      return !location.matches(GENERATED_NESTED);
    }
  }

  /** Test-jars (aurora-scheduling's fakes) are test code too. */
  static final class NoTestJars implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    @Override
    public boolean includes(Location location) {
      return !location.matches(TEST_JAR);
    }
  }
}
