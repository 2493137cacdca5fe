package dev.kesgen.maven;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import dev.kesgen.pki.Identity;
import dev.kesgen.pki.Pem;
import dev.kesgen.pki.PkiException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints the KES identity of a certificate (hex SHA-256 of its public key), like {@code kes identity of}. */
@Mojo(name = "identity", requiresProject = false, threadSafe = true)
public final class IdentityMojo extends AbstractMojo {
  /** The certificate, a PEM file; a relative path resolves against the project (or current) directory. */
  @Parameter(property = "kesgen.certificate", required = true)
  File certificate;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    try {
      // At most 1 MiB of a regular file, as the command line reads it; ISO-8859-1 never fails to decode, so text
      // around the PEM block cannot make the read fail.
      String pem = new String(RegularFiles.read(certificate.toPath(), InputKind.IDENTITY_INPUT),
          StandardCharsets.ISO_8859_1);
      getLog().info(Identity.of(Pem.decodeCertificate(pem)).hex());
    } catch (UnsafeFileException e) {
      throw new MojoFailureException("kesgen.certificate: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoFailureException("kesgen.certificate: cannot read " + certificate + ": " + e.getMessage(), e);
    } catch (PkiException e) {
      throw new MojoFailureException("kesgen.certificate: " + certificate + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen identity failed unexpectedly (a bug in kesgen; mvn -e shows where): "
          + dev.kesgen.files.Failures.describe(e), e);
    }
  }
}
