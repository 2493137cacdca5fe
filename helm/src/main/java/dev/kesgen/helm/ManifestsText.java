package dev.kesgen.helm;

/** The text of {@code kes/<instance>/manifests.yaml}: a header that says where it comes from, then Helm's output. */
final class ManifestsText {
  private ManifestsText() {}

  /**
   * Helm's output with LF line ends and exactly one final LF, after the header. helm-java's template prints the
   * release manifest only (native/internal/helm/template.go writes rel.Manifest): no release date, no random name
   * (the name is given), no hooks; so the same chart and values give the same bytes.
   */
  static String of(String valuesPath, String rendered) {
    String body = rendered.replace("\r\n", "\n").stripTrailing();
    return "# Rendered by kesgen-helm from charts/kes with " + valuesPath + "; Helm hooks (the key"
        + " provisioning Job) are not shown.\n" + body + "\n";
  }
}
