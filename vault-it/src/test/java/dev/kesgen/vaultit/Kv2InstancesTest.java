package dev.kesgen.vaultit;

import java.nio.file.Path;

/** {@code kv2/topology.yaml}: KV v2, three instances, key deletion allowed, its own token period and secret id TTL. */
class Kv2InstancesTest extends GeneratedVaultOutputTest {
  @Override
  Deployment deployment(Path work) throws Exception {
    return Deployment.kv2(work, null);
  }
}
