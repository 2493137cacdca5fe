/**
 * The {@code sops} sink: every Kubernetes TLS Secret committed in the SOPS format (getsops/sops v3.13.3), its
 * {@code data} values encrypted with a data key that is age-encrypted for the topology's recipients, so that the
 * keys reach the cluster through the repository and only a holder of an age identity can decrypt them.
 */
package dev.kesgen.sops;
