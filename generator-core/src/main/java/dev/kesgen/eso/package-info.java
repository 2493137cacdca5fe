/**
 * The {@code externalSecrets} sink: every private key goes into Vault KV under {@code secrets.externalSecrets.path}
 * (written by the generated {@code external-secrets/apply.sh} with the operator's token, never by generate), and
 * External Secrets Operator (external-secrets/external-secrets v0.16.2, {@code external-secrets.io/v1}) makes each
 * Kubernetes TLS Secret from it; the committed output holds only the store, the ExternalSecrets, the reader's
 * read-only Vault policy and the script.
 */
package dev.kesgen.eso;
