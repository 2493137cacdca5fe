package dev.kesgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Vault ACL model on the rules Vault documents, and the policies kesgen commits. */
class VaultAclTest {
  static VaultAcl acl(String... hcl) {
    List<VaultAclPolicy> policies = new ArrayList<>();
    for (int i = 0; i < hcl.length; i++) {
      policies.add(VaultAclPolicy.parse("p" + i, hcl[i]));
    }
    return VaultAcl.of(policies);
  }

  static String path(String pattern, String... capabilities) {
    return "path \"" + pattern + "\" {\n  capabilities = [\"" + String.join("\", \"", capabilities) + "\"]\n}\n";
  }

  @Test
  void exactBeatsGlobAndLongerPrefixBeatsShorter() {
    VaultAcl acl = acl(path("secret/*", "read") + path("secret/kes/*", "list") + path("secret/kes/dev", "delete"));
    assertThat(acl.capabilities("secret/kes/dev")).containsExactly("delete");
    assertThat(acl.capabilities("secret/kes/dev/gecko")).containsExactly("list");
    assertThat(acl.capabilities("secret/other")).containsExactly("read");
    assertThat(acl.capabilities("other")).containsExactly("deny");
    assertThat(acl.decide("secret/kes/dev/gecko", "read").reason())
        .isEqualTo("denied: read not granted by rule \"secret/kes/*\" of p0 [list]");
  }

  @Test
  void theMostSpecificMatchWinsEvenOverALessSpecificDeny() {
    VaultAcl acl = acl(path("secret/*", "deny"), path("secret/kes/dev/*", "create", "read"));
    assertThat(acl.decide("secret/kes/dev/gecko", "create").allowed()).isTrue();
    assertThat(acl.decide("secret/kes/prod/gecko", "read").reason()).isEqualTo(
        "denied by rule \"secret/*\" of p0 (deny)");
  }

  @Test
  void samePathMergesAcrossPoliciesAndDenyWins() {
    assertThat(acl(path("secret/kes/*", "read"), path("secret/kes/*", "create")).capabilities("secret/kes/x"))
        .containsExactlyInAnyOrder("create", "read");
    assertThat(acl(path("secret/kes/*", "read"), path("secret/kes/*", "deny"), path("secret/kes/*", "list"))
        .capabilities("secret/kes/x")).containsExactly("deny");
  }

  @Test
  void plusIsOneWholeSegment() {
    VaultAcl acl = acl(path("secret/+/dev/*", "read"));
    assertThat(acl.capabilities("secret/kes/dev/gecko")).containsExactly("read");
    assertThat(acl.capabilities("secret/kes/x/dev/gecko")).containsExactly("deny");
    assertThat(acl.capabilities("secret/kes/dev")).containsExactly("deny");
  }

  @Test
  void priorityFollowsTheDocumentedOrder() {
    // the first wildcard later wins: secret/kes/+ over secret/+/dev
    assertThat(acl(path("secret/+/dev", "read") + path("secret/kes/+", "list")).capabilities("secret/kes/dev"))
        .containsExactly("list");
    // not a prefix wins at the same position: secret/kes/+ over secret/kes/*
    assertThat(acl(path("secret/kes/*", "read") + path("secret/kes/+", "list")).capabilities("secret/kes/dev"))
        .containsExactly("list");
    // fewer + wins: secret/kes/+/x over secret/+/+/x? both first at 7: secret/+/dev/x vs secret/+/+/x
    assertThat(acl(path("secret/+/+/x", "read") + path("secret/+/dev/x", "list")).capabilities("secret/a/dev/x"))
        .containsExactly("list");
    // longer wins: secret/+/dev/ge* over secret/+/dev/g*
    assertThat(acl(path("secret/+/dev/g*", "read") + path("secret/+/dev/ge*", "list"))
        .capabilities("secret/a/dev/gecko")).containsExactly("list");
  }

  @Test
  void listAlsoTriesThePathWithoutItsTrailingSlash() {
    VaultAcl acl = acl(path("secret/kes/dev", "list"));
    assertThat(acl.decide("secret/kes/dev/", "list").allowed()).isTrue();
    assertThat(acl.decide("secret/kes/dev/", "read").allowed()).isFalse();
  }

  @Test
  void theAssumedDefaultPolicyRenewsAndLooksUpItsToken() {
    VaultAcl acl = VaultAcl.of(List.of(VaultAclPolicy.assumedDefault()));
    assertThat(acl.decide("auth/token/renew-self", "update").allowed()).isTrue();
    assertThat(acl.decide("auth/token/lookup-self", "read").allowed()).isTrue();
    assertThat(acl.capabilities("secret/kes/dev/gecko")).isEqualTo(Set.of("deny"));
  }

  @Test
  void readsEveryCommittedPolicy() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("../examples/molgenis/generated"), Path.of("src/test/resources/golden"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        // the instance policies (kesgen-vault-plan.hcl reads roles one segment deep, with +)
        walk.filter(p -> p.getFileName().toString().startsWith("kes-") && p.toString().endsWith(".hcl"))
            .forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      VaultAclPolicy policy = VaultAclPolicy.parse("p", Files.readString(file));
      // the instance's key prefix, and the exact token paths some releases write beside it
      assertThat(policy.rules()).as("%s", file).anySatisfy(r -> assertThat(r.kind()).isEqualTo(VaultAclRule.Kind.PREFIX))
          .allSatisfy(r -> assertThat(r.kind()).isNotEqualTo(VaultAclRule.Kind.SEGMENT_WILDCARD));
    }
  }

  @Test
  void readsTheCommittedPlanPolicyWithItsOneSegmentRoleRule() throws Exception {
    VaultAcl acl = VaultAcl.of(List.of(VaultAclPolicy.parse("kesgen-vault-plan",
        Files.readString(Path.of("../examples/molgenis/generated/vault/policies/kesgen-vault-plan.hcl")))));

    assertThat(acl.decide("auth/approle/role/kes-dev", "read").allowed()).isTrue();
    assertThat(acl.decide("auth/approle/role/kes-dev/role-id", "read").allowed()).isFalse();
    assertThat(acl.decide("auth/approle/role/kes-dev/secret-id", "update").allowed()).isFalse();
    assertThat(acl.decide("secret/kes/dev/gecko", "read").allowed()).isFalse();
  }

  @Test
  void anythingOutsideTheSubsetIsAnErrorWithItsLine() {
    assertThatThrownBy(() -> VaultAclPolicy.parse("p", "path \"a\" {\n  capabilities = [\"read\"]\n"
        + "  allowed_parameters = {}\n}")).isInstanceOf(AccessModelException.class)
        .hasMessage("3:3: \"allowed_parameters\" is not modelled: only capabilities = [...] is");
    assertThatThrownBy(() -> VaultAclPolicy.parse("p", "path \"a\" { policy = \"read\" }"))
        .hasMessageContaining("\"policy\" is not modelled");
    assertThatThrownBy(() -> VaultAclPolicy.parse("p", "path \"identity/{{identity.entity.id}}\" { capabilities = [\"read\"] }"))
        .hasMessageContaining("templated path");
    assertThatThrownBy(() -> VaultAclPolicy.parse("p", "path \"a\" { capabilities = [\"rread\"] }"))
        .hasMessageContaining("invalid capability \"rread\"");
    assertThatThrownBy(() -> VaultAclPolicy.parse("p", "path \"a/+*\" { capabilities = [\"read\"] }"))
        .hasMessageContaining("'+*' is forbidden");
  }
}
