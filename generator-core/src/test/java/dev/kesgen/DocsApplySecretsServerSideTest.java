package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code kubectl apply} the documentation, the templates and the generated Secret manifests tell a user to run
 * is server-side: a client-side apply copies the whole object, {@code tls.key} included, into the
 * {@code kubectl.kubernetes.io/last-applied-configuration} annotation, where anyone who may read the Secret's metadata
 * finds it again.
 */
class DocsApplySecretsServerSideTest {
  @Test
  void everyKubectlApplyIsServerSide() throws Exception {
    List<Path> files = new ArrayList<>(List.of(Path.of("../README.md"), Path.of("../CONTRIBUTING.md"), Path.of("../charts/kes/README.md"),
        Path.of("../examples/molgenis/README.md")));
    for (String dir : List.of("../docs", "../templates/src/main/resources/dev/kesgen/templates", "src/main/java")) {
      try (Stream<Path> walk = Files.walk(Path.of(dir))) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    List<String> clientSide = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.contains("kubectl apply") && !line.contains("--server-side")) {
          clientSide.add(file + ":" + (i + 1) + ": " + line.strip());
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(20);
    assertThat(clientSide).isEmpty();
  }
}
