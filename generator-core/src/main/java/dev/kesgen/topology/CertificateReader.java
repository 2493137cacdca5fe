package dev.kesgen.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a certificate profile ({@code certificate:} of a KES or tenant setting), each field from its override or else
 * from {@code defaults}, with the profile's defaults and its rules (validity, renewBefore shorter than it, names).
 */
final class CertificateReader {
  /** Default validity and renewal of every certificate. */
  static final String VALIDITY = "365d";
  static final String RENEW_BEFORE = "30d";

  private final Problems problems;
  private final ValueReader values;

  CertificateReader(Problems problems, ValueReader values) {
    this.problems = problems;
    this.values = values;
  }

  /** The profile of these layers, with {@code defaultKey} unless one names a key type; empty after a problem. */
  Optional<CertificateSpec> certificate(Layers owner, List<String> fields, KeyType defaultKey) {
    List<Mapping> mappings = new ArrayList<>();
    for (Mapping m : owner.mappings()) {
      m.get("certificate").ifPresent(n -> mappings.add(Mapping.of(n, m.pathOf("certificate"), fields, problems)));
    }
    Layers layers = new Layers(mappings);
    Optional<KeyType> keyType = layers.get("keyType")
        .map(l -> values.text(l).flatMap(s -> values.choice(s, l, KeyType::of, KeyType.values(), KeyType::spelling)))
        .orElse(Optional.of(defaultKey));
    Optional<GoDuration> validity = duration(layers, "validity", VALIDITY);
    Optional<GoDuration> renewBefore = duration(layers, "renewBefore", RENEW_BEFORE);
    if (validity.isPresent() && validity.get().seconds() == 0) {
      Nodes.Located<Node> l = layers.get("validity").orElseThrow();
      problems.at(l.node(), l.path(), "must be longer than 0s (for example 365d)");
      validity = Optional.empty();
    } else if (validity.isPresent() && validity.get().seconds() > CertificateSpec.MAX_VALIDITY_SECONDS) {
      Nodes.Located<Node> l = layers.get("validity").orElseThrow();
      problems.at(l.node(), l.path(), "is longer than the 36500d (100 years) kesgen issues certificates for"
          + " (write at most 36500d; 365d to 3650d is usual)");
      validity = Optional.empty();
    }
    if (validity.isPresent() && renewBefore.isPresent()
        && renewBefore.get().toDuration().compareTo(validity.get().toDuration()) >= 0) {
      Nodes.Located<Node> where = layers.get("renewBefore").or(() -> layers.get("validity")).orElse(null);
      String message = "renewBefore " + renewBefore.get() + " is not shorter than validity " + validity.get()
          + " (a certificate would be renewed on every run; make renewBefore shorter, for example 30d for 365d)";
      if (where != null) {
        problems.at(where.node(), where.path(), message);
      }
      renewBefore = Optional.empty();
    }
    Optional<List<String>> dns = names(layers, "dnsNames", NameRules::isDnsName,
        "is not a DNS name (use lower case labels separated by '.', for example kes.example.org)");
    Optional<List<String>> ips = names(layers, "ipAddresses", NameRules::isIpAddress,
        "is not an IP address (write an IPv4 or IPv6 literal such as 10.0.0.7)");
    if (keyType.isEmpty() || validity.isEmpty() || renewBefore.isEmpty() || dns.isEmpty() || ips.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CertificateSpec(keyType.get(), validity.get(), renewBefore.get(), dns.get(), ips.get()));
  }

  Optional<GoDuration> duration(Layers layers, String field, String fallback) {
    return layers.get(field).map(l -> TopologyReader.duration(l.node(), l.path(), problems))
        .orElse(GoDuration.parse(fallback));
  }

  Optional<List<String>> names(Layers layers, String field, Predicate<String> valid, String what) {
    Optional<Nodes.Located<Node>> l = layers.get(field);
    if (l.isEmpty()) {
      return Optional.of(List.of());
    }
    Optional<List<Nodes.Located<String>>> items = Nodes.strings(l.get().node(), l.get().path(), problems);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    boolean ok = true;
    for (Nodes.Located<String> item : items.get()) {
      if (!valid.test(item.value())) {
        problems.at(item.node(), item.path(), "\"" + item.value() + "\" " + what);
        ok = false;
      }
    }
    return ok ? Optional.of(items.get().stream().map(Nodes.Located::value).toList()) : Optional.empty();
  }
}
