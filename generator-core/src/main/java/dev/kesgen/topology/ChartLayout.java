package dev.kesgen.topology;

import java.util.Arrays;
import java.util.Optional;

/** The Helm chart a tenant's MinIO runs from, which decides the layout of its values. */
public enum ChartLayout {
  /** MOLGENIS Armadillo chart: the legacy MinIO chart 7.2.1 as a subchart under {@code minio:}. */
  ARMADILLO("armadillo"),
  /** The legacy helm.min.io MinIO chart 7.2.1 to 8.0.10, values at top level. */
  MINIO_LEGACY("minio-legacy"),
  /** The current official MinIO chart (minio/minio helm/minio, 5.x). */
  MINIO("minio");

  private final String spelling;

  ChartLayout(String spelling) {
    this.spelling = spelling;
  }

  /** The topology spelling. */
  public String spelling() {
    return spelling;
  }

  /** The layout with this topology spelling. */
  public static Optional<ChartLayout> of(String spelling) {
    return Arrays.stream(values()).filter(k -> k.spelling.equals(spelling)).findFirst();
  }

  @Override
  public String toString() {
    return spelling;
  }
}
