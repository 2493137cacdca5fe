package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kesgen-helm is not in kesgen.jar; on the class path beside it, with helm-java, it renders manifests.yaml, as the
 * README's {@code java -cp kesgen.jar:...} line says.
 */
class HelmExtensionIT {
  @TempDir
  Path dir;

  @Test
  void kesgenHelmBesideTheJarRendersTheManifests() throws IOException {
    Jar.project(dir);
    List<Path> classPath = new ArrayList<>(List.of(Jar.JAR));
    // failsafe lists the test class path here; take kesgen-helm and its run-time dependencies from it
    Arrays.stream(System.getProperty("surefire.test.class.path", "").split(File.pathSeparator))
        .filter(e -> e.contains("kesgen-helm") || e.contains(File.separator + "helm" + File.separator + "target")
            || e.contains("helm-java") || e.contains(File.separator + "jna"))
        .map(Path::of)
        .forEach(classPath::add);
    assertThat(classPath).as("kesgen-helm and helm-java on the test class path").hasSizeGreaterThan(4);

    Jar.Run run = Jar.runWithClassPath(dir, classPath, "generate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.readString(dir.resolve("generated/kes/dev/manifests.yaml")))
        .startsWith("# Rendered by kesgen-helm").contains("kind: Deployment");
    assertThat(Jar.run(dir, "check", "--clock", CLOCK).exit()).as("without kesgen-helm, manifests.yaml is extra")
        .isEqualTo(1);
  }
}
