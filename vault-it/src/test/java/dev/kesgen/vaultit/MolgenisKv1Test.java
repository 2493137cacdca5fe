package dev.kesgen.vaultit;

import java.nio.file.Path;

/** The MOLGENIS example's committed output (KV v1, three instances, no deletion), run where it is committed. */
class MolgenisKv1Test extends GeneratedVaultOutputTest {
  @Override
  Deployment deployment(Path work) {
    return Deployment.molgenis();
  }
}
