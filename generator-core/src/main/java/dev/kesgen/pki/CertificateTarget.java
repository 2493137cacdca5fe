package dev.kesgen.pki;

import dev.kesgen.topology.CertificateSpec;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import dev.kesgen.topology.Tenant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named certificate kesgen maintains: its profile, where its public certificate goes in the output, and where
 * its private key and Kubernetes Secret manifest go in the secrets directory.
 *
 * @param name the name rotation is asked for by, for example {@code kes/dev} or {@code tenants/dev/minio}
 * @param profile what the certificate must look like
 * @param certificatePath output-relative path of the public certificate, {@code /}-separated
 * @param keyPath secrets-relative path of the private key, {@code /}-separated
 * @param secretPath secrets-relative path of the Kubernetes Secret manifest, {@code /}-separated
 * @param secretName the Secret's {@code metadata.name}
 * @param secretNamespace the Secret's {@code metadata.namespace}: where the certificate's owner runs
 */
public record CertificateTarget(
    String name,
    CertificateProfile profile,
    String certificatePath,
    String keyPath,
    String secretPath,
    String secretName,
    String secretNamespace) {
  // Relative, '/'-separated, no empty, '.' or '..' segments: a target can never point outside its root.
  private static final Pattern RELATIVE = Pattern.compile("(?!.*(^|/)\\.{1,2}(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  public CertificateTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(profile, "profile");
    requireRelative(certificatePath, "certificatePath");
    requireRelative(keyPath, "keyPath");
    requireRelative(secretPath, "secretPath");
    Objects.requireNonNull(secretName, "secretName");
    Objects.requireNonNull(secretNamespace, "secretNamespace");
  }

  /**
   * A KES instance's server certificate: {@code kes/<instance>/server.crt}, key {@code kes/<instance>/server.key},
   * Secret {@code <service>-tls} in the instance namespace at {@code kes/<instance>/secret.yaml}.
   */
  public static CertificateTarget server(Instance instance) {
    String dir = "kes/" + instance.name();
    return new CertificateTarget(dir, CertificateProfile.server(instance), dir + "/server.crt",
        dir + "/server.key", dir + "/secret.yaml", instance.kes().service() + "-tls", instance.namespace());
  }

  /**
   * A tenant's client certificate: {@code tenants/<instance>/<tenant>/client.crt}, key {@code client.key} there,
   * Secret {@code kes-<instance>-<tenant>-client} in the tenant namespace at {@code .../secret.yaml}.
   */
  public static CertificateTarget client(Instance instance, Tenant tenant) {
    String dir = "tenants/" + instance.name() + "/" + tenant.name();
    return new CertificateTarget(dir, CertificateProfile.client(instance, tenant), dir + "/client.crt",
        dir + "/client.key", dir + "/secret.yaml", "kes-" + instance.name() + "-" + tenant.name() + "-client",
        tenant.namespace());
  }

  /**
   * A KES instance's provisioner: a client certificate allowed only to create the keys nobody else creates, used
   * by the chart's key provisioning Job. {@code kes/<instance>/provisioner.crt}, key {@code provisioner.key} there,
   * Secret {@code <service>-provisioner} in the instance namespace at {@code kes/<instance>/provisioner-secret.yaml}.
   * Ed25519 (as {@code kes identity new} makes), with the server certificate's validity and renewal.
   */
  public static CertificateTarget provisioner(Instance instance) {
    String dir = "kes/" + instance.name();
    CertificateSpec server = instance.kes().certificate();
    CertificateSpec spec = new CertificateSpec(KeyType.ED25519, server.validity(), server.renewBefore(), List.of(), List.of());
    return new CertificateTarget(dir + "/provisioner",
        CertificateProfile.client("provisioner." + instance.namespace(), spec), dir + "/provisioner.crt",
        dir + "/provisioner.key", dir + "/provisioner-secret.yaml", instance.kes().service() + "-provisioner",
        instance.namespace());
  }

  private static void requireRelative(String path, String what) {
    Objects.requireNonNull(path, what);
    if (!RELATIVE.matcher(path).matches()) {
      throw new IllegalArgumentException(what + " must be a relative '/'-separated path without '..': " + path);
    }
  }
}
