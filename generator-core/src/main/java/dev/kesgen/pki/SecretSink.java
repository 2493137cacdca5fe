package dev.kesgen.pki;

import dev.kesgen.topology.WarningId;
import dev.kesgen.warning.Warning;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where the private keys and Kubernetes Secrets of a run are delivered: the engine knows this interface only. A run
 * asks it, in this order: {@link #keys} and {@link #verified} (to keep certificates), {@link #warnings} and
 * {@link #committedFiles} (while planning, writing nothing), then, when generate writes, {@link #prepare} for every
 * certificate before the output is touched, {@link #store} for every delivery after it was written, and
 * {@link #finish} last. {@link SecretsDirectory} is the default sink; a new sink is one more implementation, chosen
 * by the topology's {@code secrets.sink}.
 */
public interface SecretSink {
  /** The private keys of kept certificates this sink can read back; {@link KeySource#NONE} when it cannot. */
  KeySource keys();

  /** The certificate and key pairs earlier runs verified ({@link VerifiedPairs}); {@link VerifiedPairs#NONE} for none. */
  default VerifiedPairs verified() {
    return VerifiedPairs.NONE;
  }

  /**
   * What a person should know about this sink before keys are kept in it, each with its stable id (a new kind of
   * warning is a new {@link WarningId}); reads only. A warning about this machine or run has a
   * {@link WarningId.Scope#RUN} id, so it is logged only.
   */
  default List<Warning> warnings() {
    return List.of();
  }

  /**
   * The files this sink adds to the committed output (sealed or encrypted Secret manifests), by output-relative
   * path: planned in memory like every other output file, compared by check and written by generate. Never holds a
   * plaintext key. The directory sink adds none. A delivery that cannot be made into a file (its key must be
   * encrypted again and is not at hand) keeps the committed file's text, if any, and puts why into
   * {@code problems} by path: generate refuses such a plan, check reports each problem.
   *
   * @throws PkiException if the committed files cannot be read
   */
  default SortedMap<String, String> committedFiles(List<SecretDelivery> deliveries, Map<String, String> problems) {
    return new TreeMap<>();
  }

  /**
   * Makes sure {@link #store} can deliver what this outcome needs, so that a sink that cannot take new keys fails
   * the run before certificates whose keys would be lost are committed.
   *
   * @throws PkiException if it cannot
   */
  void prepare(CertificateOutcome outcome);

  /**
   * Delivers what the outcome has outside the committed output: a new private key, and the Secret whenever the key
   * is at hand. A sink whose Secrets travel in {@link #committedFiles} stores nothing here.
   *
   * @throws PkiException if it cannot
   */
  StoredSecrets store(SecretDelivery delivery);

  /**
   * Where a person finds the Secret of this certificate to apply, for a message: the default is the secrets
   * directory's manifest, {@code secrets/<path>}.
   */
  default String whereSecret(CertificateTarget target) {
    return "secrets/" + target.secretPath();
  }

  /**
   * Called once after every delivery was stored (the directory sink records the pairs it verified).
   *
   * @throws PkiException if it cannot
   */
  default void finish(Collection<CertificateOutcome> outcomes) {}
}
