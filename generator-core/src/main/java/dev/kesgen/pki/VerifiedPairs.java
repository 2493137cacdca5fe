package dev.kesgen.pki;

import dev.kesgen.topology.KeyType;
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
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The certificate and key pairs an earlier run in this secrets directory verified, with the facts of each
 * certificate (the facts cache). Each entry is the certificate's path in the output directory, the SHA-256 of the
 * certificate file's exact bytes, the SHA-256 of the key file's bytes, and what a decision needs that is derived from
 * those certificate bytes alone: the KES identity and the {@link CertificateFacts} (use, key type, validity, subject,
 * DNS and IP names). An entry is only ever written for a certificate that had no {@link CertificateIntegrity}
 * problem (kept, or just issued by kesgen) and whose file is kesgen's own PEM encoding, so it says: these exact bytes
 * are self-signed by their own key, a kesgen certificate, with these facts, and the local key of exactly these bytes
 * belongs to it. A swapped or edited certificate (another hash), another key, or the same certificate committed at
 * another certificate's path (another tenant's), is parsed and verified afresh.
 *
 * <p>It saves the X.509 parse, the integrity checks (the signature check among them), the key-pair check, the
 * identity and the PEM encoding of a kept certificate. Everything that depends on the topology or the clock is still
 * decided every run from the cached facts ({@link RenewalPolicy#decide(CertificateFacts, CertificateProfile,
 * java.time.Instant)}): subject, use, names, key type, lifetime, validity against the run's clock, and rotation by
 * name. The file ({@value #FILE}) lives only in the secrets directory, beside the keys it vouches for, owner-only
 * (0600) and written like a key (a 0600 temporary file and a rename, never through a symbolic link); it holds no key
 * material. Whoever can write it can also replace the keys themselves. A missing, linked, oversized, malformed or
 * other-format file, one owned by another user, or one its group or others may access, is ignored, which only means
 * every certificate is parsed and verified again; the next {@code generate} replaces it with one of its own.
 *
 * <p>Format 3, one line per certificate after the header, fields separated by one space: path, certificate file
 * sha256, key file sha256, identity, kind ({@code SERVER}, {@code CLIENT} or {@code -}), key type (a
 * {@link KeyType} name or {@code -}), notBefore and notAfter (ISO-8601 instants), then the subject, the DNS names and
 * the IP addresses, each value as {@code b} and its UTF-8 in unpadded base64url, list values separated by commas,
 * an empty list as {@code -}.
 */
public final class VerifiedPairs {
  /** The file name below the secrets directory. */
  public static final String FILE = ".kesgen-verified";
  /** No pair is known: everything is verified. */
  public static final VerifiedPairs NONE = new VerifiedPairs(Map.of());

  /**
   * The first line, which names the format's version: a file of another version (version 1 had no paths, version 2
   * no facts) is ignored, never misread.
   */
  private static final String HEADER = "# kesgen verified pairs, format 3: certificates and key pairs verified in this"
      + " secrets directory (certificate path, sha256 of the certificate file, sha256 of the key file, the"
      + " certificate's facts); not a secret, never committed, safe to delete\n";
  /** A certificate path as {@link CertificateTarget#certificatePath()} spells it; another is never recorded. */
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern VALUE = Pattern.compile("b[A-Za-z0-9_-]*");
  private static final Pattern VALUES = Pattern.compile("-|" + VALUE.pattern() + "(," + VALUE.pattern() + ")*");
  private static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final HexFormat HEX = HexFormat.of();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** Certificate path → what an earlier run verified there. */
  private final Map<String, Entry> entries;

  /**
   * One verified certificate.
   *
   * @param certificate sha256 of the certificate file
   * @param key sha256 of the key file it was verified with
   * @param identity the certificate's identity
   * @param facts the certificate's facts
   */
  record Entry(String certificate, String key, Identity identity, CertificateFacts facts) {}

  private VerifiedPairs(Map<String, Entry> entries) {
    this.entries = entries;
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
      Map<String, Entry> entries = new java.util.HashMap<>();
      for (String line : text.substring(HEADER.length()).split("\n", -1)) {
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split(" ", -1);
        Optional<Entry> entry = f.length == 11 && PATH.matcher(f[0]).matches() ? entry(f) : Optional.empty();
        if (entry.isEmpty() || entries.put(f[0], entry.get()) != null) {
          return NONE; // not what kesgen writes: trust none of it
        }
      }
      return new VerifiedPairs(entries);
    } catch (IOException | UnsafeKeyLocationException | SecurityException e) {
      return NONE;
    }
  }

  private static Optional<Entry> entry(String[] f) {
    try {
      if (!HASH.matcher(f[1]).matches() || !HASH.matcher(f[2]).matches() || !VALUE.matcher(f[8]).matches()
          || !VALUES.matcher(f[9]).matches() || !VALUES.matcher(f[10]).matches()) {
        return Optional.empty();
      }
      Optional<CertificateProfile.Kind> kind = f[4].equals("-") ? Optional.empty()
          : Optional.of(CertificateProfile.Kind.valueOf(f[4]));
      Optional<KeyType> keyType = f[5].equals("-") ? Optional.empty() : Optional.of(KeyType.valueOf(f[5]));
      CertificateFacts facts = new CertificateFacts(kind, decode(f[8]), decodeAll(f[9]), decodeAll(f[10]), keyType,
          Instant.parse(f[6]), Instant.parse(f[7]));
      return Optional.of(new Entry(f[1], f[2], new Identity(f[3]), facts));
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String encode(String value) {
    return "b" + B64.encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String encodeAll(List<String> values) {
    return values.isEmpty() ? "-" : String.join(",", values.stream().map(VerifiedPairs::encode).toList());
  }

  private static String decode(String value) {
    return new String(Base64.getUrlDecoder().decode(value.substring(1)), StandardCharsets.UTF_8);
  }

  private static List<String> decodeAll(String values) {
    return values.equals("-") ? List.of()
        : java.util.Arrays.stream(values.split(",", -1)).map(VerifiedPairs::decode).toList();
  }

  /**
   * What an earlier run recorded for the certificate file at this path of the output directory with exactly these
   * bytes (their SHA-256); empty if nothing, or something for other bytes.
   */
  Optional<Entry> known(String certificatePath, String certificateSha256) {
    Entry entry = entries.get(certificatePath);
    return entry != null && entry.certificate().equals(certificateSha256) ? Optional.of(entry) : Optional.empty();
  }

  /**
   * Whether an earlier run verified this certificate, at this path of the output directory, with a key; cheap, so the
   * key need not be read otherwise.
   */
  boolean knows(String certificatePath, X509Certificate certificate) {
    return known(certificatePath, certificateHash(certificate)).isPresent();
  }

  /** Whether an earlier run verified exactly this certificate at this path with exactly this key file text. */
  boolean verified(String certificatePath, X509Certificate certificate, String keyPem) {
    return verified(certificatePath, certificateHash(certificate), keyPem);
  }

  /** Whether an earlier run verified exactly the certificate file with this hash at this path with this key text. */
  boolean verified(String certificatePath, String certificateSha256, String keyPem) {
    Optional<Entry> entry = known(certificatePath, certificateSha256);
    return entry.isPresent() && MessageDigest.isEqual(entry.get().key().getBytes(StandardCharsets.US_ASCII),
        keyHash(keyPem).getBytes(StandardCharsets.US_ASCII));
  }

  /** How many pairs are known. */
  public int size() {
    return entries.size();
  }

  /**
   * The file's text for these outcomes: every certificate that is kept with its local key (so this run verified it,
   * or an earlier one did with the same bytes) or that this run issued (kesgen signed it with the new key); sorted.
   */
  static String text(Collection<CertificateOutcome> outcomes) {
    TreeMap<String, String> lines = new TreeMap<>();
    for (CertificateOutcome outcome : outcomes) {
      boolean verified = outcome.action() == CertificateOutcome.Action.KEPT || outcome.hasNewKey();
      String path = outcome.target().certificatePath();
      if (verified && outcome.privateKeyPem().isPresent() && PATH.matcher(path).matches()) {
        lines.put(path, line(path, new Entry(outcome.committed().sha256(), keyHash(outcome.privateKeyPem().get()),
            outcome.identity(), outcome.committed().facts())));
      }
    }
    StringBuilder text = new StringBuilder(HEADER);
    lines.values().forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  /** The line of one entry, without its newline. */
  static String line(String path, Entry entry) {
    CertificateFacts facts = entry.facts();
    return String.join(" ", path, entry.certificate(), entry.key(), entry.identity().hex(),
        facts.kind().map(Enum::name).orElse("-"), facts.keyType().map(Enum::name).orElse("-"),
        facts.notBefore().toString(), facts.notAfter().toString(), encode(facts.subject()),
        encodeAll(facts.dnsNames()), encodeAll(facts.ipAddresses()));
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

  /** The SHA-256 of this certificate's file as kesgen writes it (its PEM encoding). */
  static String certificateHash(X509Certificate certificate) {
    return CommittedCertificate.sha256(Pem.encodeCertificate(certificate));
  }

  static String keyHash(String keyPem) {
    byte[] bytes = keyPem.getBytes(StandardCharsets.UTF_8);
    try {
      return sha256(bytes);
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
