package dev.kesgen.files;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * What went wrong, in words a person reads: the file-system failures by what they mean ("permission denied: x"),
 * anything else by its message. Never a Java class name, which says nothing to the person who must fix it.
 */
public final class Failures {
  private Failures() {}

  /** The failure in plain words, for example {@code permission denied: generated/vault}. */
  public static String describe(Throwable failure) {
    if (failure == null) {
      return "no further detail";
    }
    if (failure instanceof FileSystemException fs) {
      String file = fs.getFile() == null ? "" : fs.getFile();
      String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
      String what = fs instanceof NoSuchFileException ? "no such file or directory"
          : fs instanceof AccessDeniedException ? "permission denied"
          : fs instanceof FileAlreadyExistsException ? "already exists"
          : fs instanceof DirectoryNotEmptyException ? "directory not empty"
          : fs instanceof NotDirectoryException ? "not a directory"
          : fs instanceof NotLinkException ? "not a symbolic link"
          : fs instanceof FileSystemLoopException ? "a loop of symbolic links"
          : fs.getReason() == null ? "failed" : fs.getReason();
      return file.isEmpty() ? what : what + ": " + file + other;
    }
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = failure.getCause();
      return cause != null && cause != failure ? describe(cause) : "no further detail";
    }
    return message;
  }
}
