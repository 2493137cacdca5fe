package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.vaultit.VaultHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** What the tests assert of a logged-in KES instance against the real server. */
final class Checks {
  private Checks() {}

  /** {@code sys/capabilities} of the instance's token equals {@link Deployment#expectedCapabilities} path for path. */
  static void leastPrivilege(Deployment deployment, String instance, VaultHttp token, VaultHttp root) {
    Map<String, TreeSet<String>> expected = deployment.expectedCapabilities(instance);
    Map<String, TreeSet<String>> actual = root.capabilitiesOf(token, new ArrayList<>(expected.keySet()));
    assertThat(actual).as("capabilities of kes-%s (sys/capabilities)", instance).isEqualTo(expected);
  }

  /**
   * The calls KES makes (see {@link KesClient}) succeed for the instance's own keys, and each is refused (403) for
   * another instance's prefix and the mount outside the prefix; delete only with allowKeyDeletion; an existing key is
   * never overwritten. {@code root} seeds a key of every other instance, so that refusals are of existing keys.
   */
  static void kesCalls(Deployment d, String instance, VaultHttp token, VaultHttp root) {
    KesClient kes = new KesClient(token, d.mount(), d.location(instance), d.kvVersion());
    String name = "key-" + UUID.randomUUID();
    String value = "{\"bytes\":\"" + UUID.randomUUID() + "\"}";

    assertThat(kes.status().status()).as("status").isEqualTo(200);
    assertThat(kes.create(name, value)).as("create %s", name).isEqualTo("created");
    assertThat(kes.create(name, "other")).as("create of an existing key").isEqualTo("exists");
    Response overwrite = kes.write(name, "overwritten");
    assertThat(overwrite.status()).as("overwriting an existing key: %s", overwrite).isEqualTo(403);
    Response read = kes.read(name);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(KesClient.value(read, name, d.kvVersion())).isEqualTo(value);
    for (Response list : List.of(kes.list(), kes.listWithListMethod())) {
      assertThat(list.status()).as("%s", list).isEqualTo(200);
      assertThat(list.data().path("keys").toString()).as("%s", list).contains("\"" + name + "\"");
    }
    if (d.kvVersion() == 2) { // KES never soft-deletes, destroys versions or changes metadata
      String key = d.location(instance) + "/" + name;
      assertThat(token.delete(d.mount() + "/data/" + key).status()).as("soft delete of %s", key).isEqualTo(403);
      assertThat(token.put(d.mount() + "/destroy/" + key, Map.of("versions", List.of(1))).status())
          .as("destroy of %s", key).isEqualTo(403);
      assertThat(token.put(d.mount() + "/metadata/" + key, Map.of("max_versions", 1)).status())
          .as("metadata write of %s", key).isEqualTo(403);
    }
    Response delete = kes.delete(name);
    if (d.allowKeyDeletion()) {
      assertThat(delete.status()).as("%s", delete).isEqualTo(204);
      assertThat(kes.read(name).status()).as("read after delete").isEqualTo(404);
      assertThat(kes.create(name, value)).as("create after delete").isEqualTo("created");
    } else {
      assertThat(delete.status()).as("delete without allowKeyDeletion: %s", delete).isEqualTo(403);
      assertThat(KesClient.value(kes.read(name), name, d.kvVersion())).isEqualTo(value);
    }

    List<String> elsewhere = new ArrayList<>();
    for (String other : d.instances()) {
      if (!other.equals(instance)) {
        elsewhere.add(d.location(other));
      }
    }
    elsewhere.add(d.pathPrefix().isEmpty() ? "" : d.pathPrefix()); // the mount outside any instance's prefix
    for (String location : elsewhere) {
      KesClient foreign = new KesClient(token, d.mount(), location, d.kvVersion());
      KesClient seeder = new KesClient(root, d.mount(), location, d.kvVersion());
      String theirs = "theirs-" + UUID.randomUUID();
      assertThat(seeder.create(theirs, "secret of " + location)).isEqualTo("created");
      String where = "kes-" + instance + " on " + d.mount() + "/" + location;
      assertThat(foreign.read(theirs).status()).as("read %s", where).isEqualTo(403);
      assertThat(foreign.create("new-" + UUID.randomUUID(), "x")).as("create %s", where)
          .isInstanceOf(Response.class).extracting(r -> ((Response) r).status()).isEqualTo(403);
      assertThat(foreign.write(theirs, "overwritten").status()).as("overwrite %s", where).isEqualTo(403);
      assertThat(foreign.list().status()).as("list %s", where).isEqualTo(403);
      assertThat(foreign.listWithListMethod().status()).as("LIST %s", where).isEqualTo(403);
      assertThat(foreign.delete(theirs).status()).as("delete %s", where).isEqualTo(403);
      assertThat(KesClient.value(seeder.read(theirs), theirs, d.kvVersion())).isEqualTo("secret of " + location);
    }
  }
}
