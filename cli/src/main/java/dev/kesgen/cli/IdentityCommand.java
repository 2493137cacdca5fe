package dev.kesgen.cli;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import dev.kesgen.pki.Identity;
import dev.kesgen.pki.Pem;
import dev.kesgen.pki.PkiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kesgen identity FILE}: the plugin's identity goal, and a drop-in for {@code kes identity of FILE}
 * ({@code kesgen identity of FILE} works too): prints the hex SHA-256 of the certificate's public key and nothing
 * else, so scripts can use it. {@code -} reads the certificate from standard input.
 */
@Command(name = "identity", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Prints the KES identity of a PEM certificate (hex SHA-256 of its public key), like 'kes identity "
        + "of'. FILE - reads standard input.")
final class IdentityCommand extends Subcommand {
  @Option(names = "--certificate", paramLabel = "FILE", description = "The PEM certificate, or - for standard input.")
  String certificate;

  @Parameters(paramLabel = "FILE", arity = "0..2",
      description = "The certificate, as --certificate; 'of FILE' is accepted as in the KES command line.")
  java.util.List<String> files = new java.util.ArrayList<>();

  @Override
  int run(Console console) throws Exception {
    String source = source();
    String pem;
    try {
      // At most 1 MiB, from a regular file (a link is followed: the user names the file), as every file is read.
      // ISO-8859-1 never fails to decode, so text around the PEM block cannot make the read fail.
      byte[] bytes = source.equals("-")
          ? RegularFiles.read(root().stdin(), InputKind.IDENTITY_INPUT, "standard input")
          : RegularFiles.read(Path.of(source), InputKind.IDENTITY_INPUT);
      pem = new String(bytes, StandardCharsets.ISO_8859_1);
    } catch (UnsafeFileException e) {
      console.error(e.getMessage());
      return ExitCodes.ENVIRONMENT;
    } catch (NoSuchFileException e) {
      console.error("cannot read the certificate " + source + ": there is no such file");
      return ExitCodes.ENVIRONMENT;
    } catch (IOException e) {
      console.error("cannot read the certificate " + (source.equals("-") ? "from standard input" : source) + ": "
          + e.getMessage());
      return ExitCodes.ENVIRONMENT;
    }
    try {
      console.result(Identity.of(Pem.decodeCertificate(pem)).hex());
      return ExitCodes.OK;
    } catch (PkiException e) {
      console.error((source.equals("-") ? "standard input" : source) + ": " + e.getMessage());
      return ExitCodes.FINDINGS;
    }
  }

  /** The one certificate named, by option or argument ({@code of} before it is the KES command line's word). */
  private String source() {
    java.util.List<String> named = new java.util.ArrayList<>(files);
    if (named.size() == 2 && named.get(0).equals("of")) {
      named.remove(0);
    }
    if (certificate != null) {
      named.add(0, certificate);
    }
    if (named.size() != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), named.isEmpty()
          ? "name the certificate: kesgen identity FILE (or - for standard input)"
          : "name one certificate, not " + named.size() + ": " + String.join(" ", named));
    }
    return named.get(0);
  }

  private KesgenCommand root() {
    return (KesgenCommand) spec.root().userObject();
  }
}
