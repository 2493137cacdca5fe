/**
 * The {@code sealedSecrets} sink: every Kubernetes TLS Secret sealed for one Sealed Secrets controller
 * (bitnami-labs/sealed-secrets v0.27.1) and committed as a {@code SealedSecret}, so that the private keys reach the
 * cluster through the repository (GitOps) and only that controller can unseal them.
 */
package dev.kesgen.sealed;
