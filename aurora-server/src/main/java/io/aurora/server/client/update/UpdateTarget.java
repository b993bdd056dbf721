package io.aurora.server.client.update;

import io.aurora.gen.JobUpdateKey;
import io.aurora.server.client.cli.JobPath;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * KEY-OR-JOB: {@code CLUSTER/ROLE/ENV/NAME/UPDATE_ID} names one update, {@code
 * CLUSTER/ROLE/ENV/NAME} a job whose update {@link UpdateLookup} finds.
 */
record UpdateTarget(JobPath job, Optional<String> updateId) {
  UpdateTarget {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(updateId, "updateId");
  }

  static UpdateTarget parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length == 4) {
      return new UpdateTarget(JobPath.parse(text), Optional.empty());
    }
    if (parts.length != 5 || parts[4].isEmpty()) {
      throw new IllegalArgumentException(
          "expected CLUSTER/ROLE/ENV/NAME or CLUSTER/ROLE/ENV/NAME/UPDATE_ID, got '" + text + "'");
    }
    return new UpdateTarget(JobPath.parse(text.substring(0, text.lastIndexOf('/'))),
        Optional.of(parts[4]));
  }

  /** The update this names, if it names one. */
  Optional<JobUpdateKey> key() {
    return updateId.map(id -> new JobUpdateKey(job.jobKey(), id));
  }

  @Override
  public String toString() {
    return job + updateId.map(id -> "/" + id).orElse("");
  }

  /** picocli's converter: a bad KEY-OR-JOB is a usage error. */
  static final class Converter implements ITypeConverter<UpdateTarget> {
    @Override
    public UpdateTarget convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
