package io.kontak.whatsapp;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel's packages depend on each other one way only (e.g. outbox on graph, never back). */
class PackageCyclesTest {
  static final String ROOT = "io.kontak.whatsapp";

  /** Each package directly under the channel's is a slice, and the channel's own package one more. */
  static final SliceAssignment PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      if (name.equals(ROOT)) {
        return SliceIdentifier.of("whatsapp");
      }
      return name.startsWith(ROOT + ".")
          ? SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.")[0]) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of " + ROOT;
    }
  };

  @Test
  void thePackagesOfTheChannelHaveNoCycles() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOptions(List.of(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS, ImportOption.Predefined.DO_NOT_INCLUDE_JARS))
        .importPackages(ROOT);
    slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(classes);
  }
}
