package dev.kesgen.topology;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a topology file (format version 1) into a {@link Topology} with every default resolved, or fails with
 * every problem in the file.
 *
 * <pre>{@code
 * try {
 *   Topology topology = TopologyLoader.load(Path.of("topology.yaml"));
 * } catch (TopologyException e) {
 *   e.problems().forEach(System.err::println); // topology.yaml:12:7: instances[0].name: ...
 * }
 * }</pre>
 */
public final class TopologyLoader {
  /** The classpath resource of the JSON Schema of topology format version 1. */
  public static final String SCHEMA_RESOURCE = "dev/kesgen/topology/topology-v1.schema.json";

  /**
   * The largest topology file read, in bytes (16 MiB, also SnakeYAML's code point limit below): a topology of
   * thousands of instances is a few MiB, and without a cap a link to {@code /dev/zero} fills the heap.
   */
  public static final long MAX_FILE_SIZE = InputKind.TOPOLOGY.limit();

  private TopologyLoader() {}

  /**
   * Reads and checks the topology file; nothing is written anywhere. Only a regular file (or a symbolic link to one)
   * of at most {@link #MAX_FILE_SIZE} bytes is read, as {@link RegularFiles} reads every file: a FIFO, a device or a
   * directory is refused before it is opened, so that a FIFO cannot hang the run.
   */
  public static Topology load(Path file) throws TopologyException {
    String text;
    try {
      text = RegularFiles.utf8(RegularFiles.read(file, InputKind.TOPOLOGY));
    } catch (UnsafeFileException e) {
      throw unreadable(file, switch (e.reason()) {
        case TOO_LARGE -> tooLarge();
        case DIRECTORY -> "the topology file is not a regular file but a directory (point kesgen at a YAML file)";
        case SPECIAL, LINK -> "the topology file is not a regular file but a device, FIFO or socket"
            + " (point kesgen at a YAML file)";
      });
    } catch (NoSuchFileException e) {
      throw unreadable(file, "the topology file does not exist (create it, or point kesgen at another file)");
    } catch (CharacterCodingException e) {
      throw single(file, "the topology file is not valid UTF-8 (save it as UTF-8)");
    } catch (java.nio.file.AccessDeniedException e) {
      throw unreadable(file, "the topology file cannot be read: permission denied");
    } catch (IOException e) {
      throw unreadable(file, "the topology file cannot be read: " + e.getMessage());
    }
    return parse(text, file);
  }

  /**
   * Reads and checks the topology a reader gives, at most {@link #MAX_FILE_SIZE} characters; {@code source} names it
   * in messages and anchors relative paths.
   *
   * @throws IOException if the reader fails
   */
  public static Topology load(java.io.Reader reader, Path source) throws TopologyException, IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
      text.append(buffer, 0, n);
      if (text.length() > MAX_FILE_SIZE) { // endless input (such as /dev/zero on standard input) ends here
        throw single(source, tooLarge());
      }
    }
    return parse(text.toString(), source);
  }

  /** Checks topology text as if it had been read from {@code file} (which names it in messages and anchors relative paths). */
  public static Topology parse(String text, Path file) throws TopologyException {
    if (!NameRules.isTopologyFileName(fileName(file))) {
      throw single(file, "the topology file name \"" + fileName(file) + "\" cannot go into the header of generated"
          + " files (a line break, a comment closer such as --> or a quote there would end the comment in a script,"
          + " HCL, YAML or Markdown file): rename the file using " + NameRules.TOPOLOGY_FILE_NAME_RULE);
    }
    Problems problems = new Problems(file);
    Optional<Node> root = compose(text, problems);
    if (root.isEmpty()) {
      if (problems.isEmpty()) {
        problems.at((org.yaml.snakeyaml.error.Mark) null, "", "the topology file is empty (start with version: 1)");
      }
      throw new TopologyException(problems.sorted());
    }
    Optional<Topology> topology = new TopologyReader(file, problems).read(root.get());
    if (topology.isEmpty() || !problems.isEmpty()) {
      throw new TopologyException(problems.sorted());
    }
    return topology.get();
  }

  private static Optional<Node> compose(String text, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported by Mapping with both positions
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit((int) MAX_FILE_SIZE);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try {
      Iterable<Node> documents = yaml.composeAll(new StringReader(text));
      Node first = null;
      for (Node document : documents) {
        if (first != null) {
          problems.at(document, "", "the topology file holds more than one YAML document (remove the second '---' and what follows)");
          break;
        }
        first = document;
      }
      return Optional.ofNullable(first);
    } catch (MarkedYAMLException e) {
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      String context = e.getContext() == null ? "" : " " + e.getContext();
      if (e.getContextMark() != null && e.getProblemMark() != null
          && e.getContextMark().getLine() != e.getProblemMark().getLine()) {
        context += " started at line " + (e.getContextMark().getLine() + 1) + ", column " + (e.getContextMark().getColumn() + 1);
      }
      problems.at(e.getProblemMark(), "", "YAML syntax error: " + problem + context + " (check indentation and quoting)");
      return Optional.empty();
    } catch (YAMLException e) {
      problems.at((org.yaml.snakeyaml.error.Mark) null, "", "YAML error: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static String tooLarge() {
    return "the topology file is larger than " + MAX_FILE_SIZE / (1024 * 1024) + " MiB, kesgen's limit"
        + " (is it the right file?)";
  }

  private static String fileName(Path file) {
    return file.getFileName() == null ? "" : file.getFileName().toString();
  }

  private static TopologyException unreadable(Path file, String message) {
    return new TopologyException(List.of(new Problem(file, 1, 1, "", message)), true);
  }

  private static TopologyException single(Path file, String message) {
    return new TopologyException(List.of(new Problem(file, 1, 1, "", message)));
  }
}
