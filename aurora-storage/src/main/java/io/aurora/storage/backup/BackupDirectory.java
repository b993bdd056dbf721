package io.aurora.storage.backup;

import static com.google.common.base.Preconditions.checkArgument;

import io.aurora.gen.storage.Snapshot;
import io.aurora.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TIOStreamTransport;

/**
 * The backup directory ({@code -backup_dir}).
 *
 * <p>File format, version 1: the ASCII line {@code AURORA-BACKUP 1 deflate\n} (24 bytes), then a
 * zlib stream (RFC 1950, what {@code java.util.zip.Deflater}, Python's {@code zlib.decompress} and
 * {@code openssl zlib -d} read) of the TBinaryProtocol encoding of one
 * {@code io.aurora.gen.storage.Snapshot} from {@code storage.thrift}. Files are named
 * {@code scheduler-backup-yyyy-MM-dd-HH-mm} (UTC), written as {@code temp_<name>}, fsynced and
 * renamed, so a file with a final name is always complete. After each write, the oldest files
 * beyond the maximum count are deleted.
 */
public final class BackupDirectory {
  /** The first line of every backup file. */
  public static final String HEADER = "AURORA-BACKUP 1 deflate\n";
  /** The prefix of every backup file name. */
  public static final String PREFIX = "scheduler-backup-";

  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm").withZone(ZoneOffset.UTC);
  private static final TConfiguration UNLIMITED =
      TConfiguration.custom().setMaxMessageSize(Integer.MAX_VALUE).build();

  private final Path dir;
  private final int maxSaved;
  private final Clock clock;

  public BackupDirectory(Path dir, int maxSaved, Clock clock) {
    checkArgument(maxSaved >= 1, "max saved backups must be >= 1: %s", maxSaved);
    this.dir = Objects.requireNonNull(dir, "dir");
    this.maxSaved = maxSaved;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The directory ({@code -backup_dir}). */
  public Path dir() {
    return dir;
  }

  /** Writes {@code snapshot} as a new backup named for the current minute; returns its path. */
  public Path write(Snapshot snapshot) {
    String name = PREFIX + NAME_TIME.format(clock.instant());
    Path temp = dir.resolve("temp_" + name);
    Path target = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
        out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
        DeflaterOutputStream deflated = new DeflaterOutputStream(out, true);
        snapshot.write(new TBinaryProtocol(new TIOStreamTransport(deflated)));
        deflated.finish();
        deflated.flush();
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      prune();
      return target;
    } catch (IOException | TException e) {
      throw new StorageException("cannot write backup " + target + ": " + e.getMessage(), e);
    }
  }

  /** Names of the complete backups, oldest first. */
  public List<String> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = new ArrayList<>();
      files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PREFIX))
          .sorted().forEach(names::add);
      return names;
    } catch (IOException e) {
      throw new StorageException("cannot list backups in " + dir, e);
    }
  }

  /** Reads the backup named {@code name} in this directory. */
  public Snapshot read(String name) {
    checkArgument(name.startsWith(PREFIX) && !name.contains("/"), "not a backup name: %s", name);
    return read(dir.resolve(name));
  }

  /** Reads a backup file (this format) from anywhere. */
  public static Snapshot read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(HEADER.length());
      if (!HEADER.equals(new String(header, StandardCharsets.US_ASCII))) {
        throw new StorageException(file + " is not an Aurora backup (bad header)");
      }
      Snapshot snapshot = new Snapshot();
      InflaterInputStream inflated = new InflaterInputStream(in, new java.util.zip.Inflater(),
          64 * 1024);
      snapshot.read(new TBinaryProtocol(new TIOStreamTransport(UNLIMITED, inflated)));
      // Read the zlib stream to its end: only then is its checksum verified, so that a file cut
      // short or damaged after the snapshot's last field is refused too.
      if (inflated.readAllBytes().length != 0) {
        throw new StorageException("cannot read backup " + file
            + ": unexpected data after the snapshot (corrupt)");
      }
      return snapshot;
    } catch (IOException | TException e) {
      throw new StorageException("cannot read backup " + file + ": " + e.getMessage(), e);
    }
  }

  private void prune() throws IOException {
    List<String> names = list();
    for (int i = 0; i < names.size() - maxSaved; i++) {
      Files.deleteIfExists(dir.resolve(names.get(i)));
    }
  }
}
