package io.aurora.server.app;

import io.aurora.log.storage.CorruptLogException;
import io.aurora.log.storage.LogStorageException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns the failures an operator causes at start (a log directory the scheduler cannot use, a
 * port another process holds) into {@link StartupFault}s whose one line names the path or port,
 * the flag and what to do. Failures it does not recognise are returned unchanged: those are bugs,
 * and their stack trace is wanted.
 */
final class StartupFaults {
  private static final String LOG_FLAG = "-native_log_file_path";

  private StartupFaults() {}

  /** Why the log directory {@code dir} could not be opened. */
  static StartupFault logDirectory(Path dir, LogStorageException e) {
    if (e instanceof CorruptLogException corrupt) {
      return new StartupFault("the log replica in " + dir + " (" + LOG_FLAG + ") is damaged: "
          + corrupt.getMessage() + ". It refuses to start rather than forget an acknowledged"
          + " write; see \"A damaged segment\" in docs/replicated-log.md", e);
    }
    if (e.getCause() == null) {
      // The directory lock: another scheduler (or a stale one) runs on this directory.
      return new StartupFault(e.getMessage() + " (" + LOG_FLAG + "): stop the other scheduler,"
          + " or give this one a directory of its own", e);
    }
    return new StartupFault("cannot use the log directory " + dir + " (" + LOG_FLAG + "): "
        + reason(e.getCause()) + "; create it, or make it writable by user "
        + System.getProperty("user.name"), e);
  }

  /** {@code e} from binding {@code address} for {@code flag}, or {@code e} if not a bind failure. */
  static RuntimeException port(RuntimeException e, String flag, String address) {
    Optional<BindException> bind = bindException(e);
    if (bind.isEmpty()) {
      return e;
    }
    return new StartupFault("cannot listen on " + address + " (" + flag + "): "
        + bind.get().getMessage() + "; stop the process that holds the port, or choose another",
        e);
  }

  private static Optional<BindException> bindException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException bind) {
        return Optional.of(bind);
      }
    }
    return Optional.empty();
  }

  private static String reason(Throwable cause) {
    if (cause instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (cause instanceof NoSuchFileException missing) {
      return missing.getFile() + " does not exist";
    }
    if (cause instanceof FileAlreadyExistsException || cause instanceof NotDirectoryException) {
      return ((FileSystemException) cause).getFile() + " is not a directory";
    }
    if (cause instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    return String.valueOf(cause.getMessage());
  }
}
