package dev.kesgen.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The exact bytes of one generated file.
 *
 * @param bytes the content; copied in and out, so a FileContent never changes
 */
public record FileContent(byte[] bytes) {
  public FileContent {
    bytes = bytes.clone();
  }

  /** Text as UTF-8; the text is written as given, so normalise it first. */
  public static FileContent text(String text) {
    return new FileContent(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the content. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content without a copy, for this package's reads. */
  byte[] raw() {
    return bytes;
  }

  /** The lowercase hex SHA-256 of the content, as the manifest records it. */
  public String sha256() {
    return Manifest.sha256(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileContent that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "FileContent[" + bytes.length + " bytes, sha256 " + sha256() + "]";
  }
}
