package dev.kesgen.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate and key pairs an earlier run in this secrets directory verified: the committed certificate is
 * self-signed by its own key (its signature verifies) and the local private key belongs to it. Each entry is the
 * certificate's path in the output directory, the SHA-256 of its DER and the SHA-256 of the key file's bytes, so it
 * says something only about exactly those bytes at exactly that path: a swapped or edited certificate, another key,
 * or the same certificate committed at another certificate's path (another tenant's), is verified afresh.
 *
 * <p>It saves the two costly steps of keeping a certificate, the signature check and the key-pair check (a
 * scalar multiplication each), and nothing else: issuer, basic constraints, key usages, the topology's subject,
 * names, key type and lifetime, and validity against the run's clock are decided every run from the parsed
 * certificate. The file ({@value #FILE}) lives only in the secrets directory, beside the keys it vouches for, owner-only
 * (0600) and written like a key (a 0600 temporary file and a rename, never through a symbolic link); it holds no key
 * material. Whoever can write it can also replace the keys themselves. A missing, linked, malformed or older-format
 * file, one owned by another user, or one its group or others may access, is ignored, which only means every pair is
 * verified again; the next {@code generate} replaces it with one of its own.
 */
public final class VerifiedPairs {
  /** The file name below the secrets directory. */
  public static final String FILE = ".kesgen-verified";
  /** No pair is known: everything is verified. */
  public static final VerifiedPairs NONE = new VerifiedPairs(Map.of());

  /**
   * The first line, which names the format's version: a file of another version (version 1 had no paths) is
   * ignored, never misread.
   */
  private static final String HEADER = "# kesgen verified pairs, format 2: certificate and key pairs verified in this"
      + " secrets directory (certificate path, sha256 of its DER, sha256 of the key file); not a secret, never"
      + " committed, safe to delete\n";
  /** A certificate path as {@link CertificateTarget#certificatePath()} spells it; another is never recorded. */
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
  /** Path, certificate hash, key hash. */
  private static final Pattern LINE = Pattern.compile("(" + PATH.pattern() + ") ([0-9a-f]{64}) ([0-9a-f]{64})");
  private static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final HexFormat HEX = HexFormat.of();

  /** Certificate path → the SHA-256 of the certificate's DER and of the key file it was verified with. */
  private final Map<String, Pair> pairs;

  private record Pair(String certificate, String key) {}

  private VerifiedPairs(Map<String, Pair> pairs) {
    this.pairs = pairs;
  }

  /** The pairs in {@code <root>/}{@value #FILE}; {@link #NONE} when the file is absent or not trustworthy as it is. */
  public static VerifiedPairs read(Path root) {
    Path file = root.resolve(FILE);
    try {
      DirectoryGuard.requireNoLinkBelow(root, file);
      if (!trusted(file) || Files.size(file) > MAX_BYTES) {
        return NONE;
      }
      String text;
      try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      }
      if (!text.startsWith(HEADER)) {
        return NONE;
      }
      Map<String, Pair> pairs = new java.util.HashMap<>();
      for (String line : text.substring(HEADER.length()).split("\n", -1)) {
        if (line.isEmpty()) {
          continue;
        }
        Matcher entry = LINE.matcher(line);
        if (!entry.matches() || pairs.put(entry.group(1), new Pair(entry.group(2), entry.group(3))) != null) {
          return NONE; // not what kesgen writes: trust none of it
        }
      }
      return new VerifiedPairs(pairs);
    } catch (IOException | UnsafeKeyLocationException | SecurityException e) {
      return NONE;
    }
  }

  /**
   * Whether an earlier run verified this certificate, at this path of the output directory, with a key; cheap, so the
   * key need not be read otherwise.
   */
  boolean knows(String certificatePath, X509Certificate certificate) {
    Pair pair = pairs.get(certificatePath);
    return pair != null && pair.certificate().equals(certificateHash(certificate));
  }

  /** Whether an earlier run verified exactly this certificate at this path with exactly this key file text. */
  boolean verified(String certificatePath, X509Certificate certificate, String keyPem) {
    Pair pair = pairs.get(certificatePath);
    return pair != null && pair.certificate().equals(certificateHash(certificate))
        && MessageDigest.isEqual(pair.key().getBytes(StandardCharsets.US_ASCII),
            keyHash(keyPem).getBytes(StandardCharsets.US_ASCII));
  }

  /** How many pairs are known. */
  public int size() {
    return pairs.size();
  }

  /**
   * The file's text for these outcomes: every certificate that is kept with its local key (so this run verified it,
   * or an earlier one did with the same bytes) or that this run issued (kesgen signed it with the new key); sorted.
   */
  static String text(Collection<CertificateOutcome> outcomes) {
    TreeMap<String, Pair> entries = new TreeMap<>();
    for (CertificateOutcome outcome : outcomes) {
      boolean verified = outcome.action() == CertificateOutcome.Action.KEPT || outcome.hasNewKey();
      String path = outcome.target().certificatePath();
      if (verified && outcome.privateKeyPem().isPresent() && PATH.matcher(path).matches()) {
        entries.put(path, new Pair(certificateHash(outcome.certificate()), keyHash(outcome.privateKeyPem().get())));
      }
    }
    StringBuilder text = new StringBuilder(HEADER);
    entries.forEach((path, pair) -> text.append(path).append(' ').append(pair.certificate()).append(' ')
        .append(pair.key()).append('\n'));
    return text.toString();
  }

  /** Whether {@link #text} has no entries. */
  static boolean isEmpty(String text) {
    return text.equals(HEADER);
  }

  /**
   * Whether the file at this path may be read as a cache: a regular file (not a link), owned by the user this process
   * runs as, that neither its group nor others may access. A file another user owns could have been planted (in a
   * secrets directory others can write) to vouch for a forged certificate; {@link SecretsDirectory#storeVerified}
   * replaces such a file rather than keep it.
   */
  static boolean trusted(Path file) {
    try {
      return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && CurrentUser.owns(file) && ownerOnly(file);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static boolean ownerOnly(Path file) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (posix == null) {
      return true; // no POSIX permissions here (the secrets directory's own protection is all there is)
    }
    Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    others.retainAll(posix.readAttributes().permissions());
    return others.isEmpty();
  }

  static String certificateHash(X509Certificate certificate) {
    try {
      return sha256(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new PkiException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  static String keyHash(String keyPem) {
    byte[] bytes = keyPem.getBytes(StandardCharsets.UTF_8);
    try {
      return sha256(bytes);
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
