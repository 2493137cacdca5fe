package dev.kesgen.topology;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificates of a {@code vault.caCertificate} file, re-encoded: canonical PEM (64 base64 characters a line, LF),
 * one block per certificate, nothing else. Its text goes into committed values, so the file must hold PEM
 * {@code CERTIFICATE} blocks and blank lines only: any other text (a comment, a token, a base64 key) is refused rather
 * than dropped, because it shows the file is not what it is taken for; a {@code PRIVATE KEY} line anywhere, even
 * commented or indented, is refused with its own message. Whitespace around a line is allowed, as RFC 7468 allows.
 */
final class CaCertificateFile {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";
  private static final Pattern PRIVATE_KEY = Pattern.compile("PRIVATE KEY");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

  private CaCertificateFile() {}

  /** Why a file is not a CA certificate file; the message completes "file "x" ...". */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The certificates in canonical PEM, in the file's order. */
  static String canonical(byte[] bytes) throws Refused {
    String text = new String(bytes, StandardCharsets.ISO_8859_1); // every byte one char: binary is searched too
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (PRIVATE_KEY.matcher(lines[i]).find()) {
        throw new Refused("holds private-key material at line " + (i + 1) + " (\"PRIVATE KEY\"); kesgen commits this"
            + " file's certificates, so it must hold only the CA's certificates: remove the key from it (and, if the"
            + " file was ever shared, rotate that key)");
      }
    }
    if (java.util.Arrays.stream(lines).noneMatch(line -> line.strip().equals(BEGIN))) {
      throw new Refused("does not hold a PEM certificate (" + BEGIN + ")");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    StringBuilder body = null;
    int begun = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (body == null) {
        if (line.equals(BEGIN)) {
          body = new StringBuilder();
          begun = i + 1;
        } else if (!line.isEmpty()) {
          throw new Refused("holds text outside its PEM certificates at line " + (i + 1) + "; kesgen commits this"
              + " file's certificates into the values, so it must hold nothing but -----BEGIN CERTIFICATE----- blocks"
              + " (remove the other text: it may be a comment, a token or a key)");
        }
      } else if (line.equals(END)) {
        certificates.add(certificate(body.toString(), begun));
        body = null;
      } else if (BASE64.matcher(line).matches()) {
        body.append(line);
      } else if (!line.isEmpty()) {
        throw new Refused("has a line that is not base64 inside the certificate that begins at line " + begun
            + " (line " + (i + 1) + "); restore the CA certificate as Vault's CA issued it");
      }
    }
    if (body != null) {
      throw new Refused("has a certificate that begins at line " + begun + " but never ends (" + END + ")");
    }
    StringBuilder pem = new StringBuilder();
    Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
    for (X509Certificate certificate : certificates) {
      try {
        pem.append(BEGIN).append('\n').append(encoder.encodeToString(certificate.getEncoded())).append('\n')
            .append(END).append('\n');
      } catch (CertificateEncodingException e) {
        throw new Refused("has a certificate that cannot be encoded again: " + e.getMessage());
      }
    }
    return pem.toString();
  }

  /** The one X.509 certificate the base64 body encodes, and nothing after it. */
  private static X509Certificate certificate(String base64, int begun) throws Refused {
    String refused = "has a block at line " + begun + " that is not an X.509 certificate";
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new Refused(refused + " (its base64 is damaged)");
    }
    try {
      X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      if (!java.util.Arrays.equals(certificate.getEncoded(), der)) {
        throw new Refused(refused + " alone (it has bytes after the certificate)");
      }
      return certificate;
    } catch (CertificateException | RuntimeException e) {
      throw new Refused(refused);
    }
  }
}
