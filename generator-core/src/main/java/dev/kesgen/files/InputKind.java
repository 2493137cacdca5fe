package dev.kesgen.files;

/**
 * The kinds of file kesgen reads, each with the largest size it reads of it: generous for what kesgen writes or
 * expects, small enough that a link to {@code /dev/zero} or a huge file ends in a message, not a full heap.
 */
public enum InputKind {
  /** A committed PEM certificate of the output directory. */
  CERTIFICATE("a committed certificate", 1L << 20),
  /** A private key in the secrets directory, or a file kesgen keeps there. */
  SECRET("a secrets-directory file", 1L << 20),
  /** A template override. */
  TEMPLATE("a template", 1L << 20),
  /** A file the topology names beside it, such as {@code vault.caCertificate}. */
  SIDE_FILE("a file the topology names", 1L << 20),
  /** A PEM certificate given on the command line or standard input ({@code kesgen identity}). */
  IDENTITY_INPUT("a certificate to identify", 1L << 20),
  /** The CA file {@code kesgen vault plan} trusts ({@code VAULT_CACERT}): a bundle, so larger than one certificate. */
  VAULT_CA("the Vault CA file", 4L << 20),
  /** The manifest {@code .kesgen-manifest}: one line per generated file, so as large as a topology's output. */
  MANIFEST("the manifest", 64L << 20),
  /** Any other committed output file, read to compare or to check the access rules. */
  COMMITTED_OUTPUT("committed output", 64L << 20),
  /** The topology file (16 MiB, also SnakeYAML's code point limit in the topology loader). */
  TOPOLOGY("the topology", 16L << 20);

  private final String description;
  private final long limit;

  InputKind(String description, long limit) {
    this.description = description;
    this.limit = limit;
  }

  /** What the file is, in words, for messages: "a committed certificate". */
  public String description() {
    return description;
  }

  /**
   * Whether a symbolic link is followed (to a regular file; its target is checked as the file would be): only for
   * the topology file, a certificate to identify and the Vault CA file, which the user names on purpose on the
   * command line, in the POM or in {@code VAULT_CACERT} (a link such as {@code topology.yaml -> envs/prod.yaml} is a choice, not something found inside a directory,
   * committed output or a file the topology names).
   */
  public boolean followsLinks() {
    return this == TOPOLOGY || this == IDENTITY_INPUT || this == VAULT_CA;
  }

  /** The largest size read, in bytes. */
  public long limit() {
    return limit;
  }

  /** The limit in words: "1 MiB". */
  String limitText() {
    return limit % (1L << 20) == 0 ? (limit >> 20) + " MiB" : limit + " bytes";
  }
}
