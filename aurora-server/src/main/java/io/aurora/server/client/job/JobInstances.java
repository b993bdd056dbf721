package io.aurora.server.client.job;

import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.cli.JobPath;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A job and, optionally, some of its instances, as Aurora's client writes them: {@code
 * CLUSTER/ROLE/ENV/NAME} (every instance) or {@code CLUSTER/ROLE/ENV/NAME/0-2,5}. A last part of
 * {@code *} also means every instance.
 */
record JobInstances(JobPath job, Optional<InstanceSpec> instances) {
  JobInstances {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(instances, "instances");
  }

  /**
   * Parses {@code CLUSTER/ROLE/ENV/NAME[/INSTANCES]}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  static JobInstances parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length == 4) {
      return new JobInstances(JobPath.parse(text), Optional.empty());
    }
    if (parts.length != 5) {
      throw new IllegalArgumentException(
          "expected CLUSTER/ROLE/ENV/NAME[/INSTANCES], got '" + text + "'");
    }
    JobPath job = JobPath.parse(String.join("/", parts[0], parts[1], parts[2], parts[3]));
    if (parts[4].equals("*")) {
      return new JobInstances(job, Optional.empty());
    }
    return new JobInstances(job, Optional.of(InstanceSpec.parse(parts[4])));
  }

  @Override
  public String toString() {
    return job + instances.map(i -> "/" + i).orElse("");
  }

  /** picocli's converter: a bad job or instance spec is a usage error. */
  static final class Converter implements ITypeConverter<JobInstances> {
    @Override
    public JobInstances convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
