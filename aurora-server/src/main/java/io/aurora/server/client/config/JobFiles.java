package io.aurora.server.client.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.JsonSyntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads job files in either of two JSON forms, told apart by their fields:
 *
 * <ul>
 *   <li><b>Aurora's job JSON</b> ({@code job inspect --write-json} of Aurora's client; fields such
 *       as {@code role}, {@code task}, {@code instances}, or a {@code jobs} list): read, checked
 *       and converted exactly as Aurora's client does ({@link AuroraJobs}, {@link
 *       AuroraJobConverter}); the job the command line names must be in the file; its {@code
 *       update_config} becomes the file's {@link UpdateConfig}.
 *   <li><b>The IDL's JSON</b> (a {@code JobConfiguration} with the Thrift field names, {@link
 *       IdlJson}, e.g. {@code docs/examples/hello-world.json}): the command line's key wins over
 *       the file's, the owner defaults to the role and the instance count to 1.
 * </ul>
 *
 * {@code --bind} values are filled in first ({@link Bindings}). Every problem with a file is one
 * line naming it, with {@code ExitCodes.INVALID_CONFIGURATION}.
 */
public final class JobFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobFiles() {}

  /**
   * Reads {@code file} for {@code job} with no bindings and Aurora's stock tiers. Verbs should use
   * {@link JobFileOptions#read}, which binds and asks the scheduler for its tiers.
   *
   * @throws ClientFailure naming the file and the problem
   */
  public static JobFile read(Path file, JobPath job) {
    return read(file, job, Bindings.NONE, TierSource.STOCK);
  }

  /**
   * Reads {@code file} for {@code job}.
   *
   * @param tiers asked only for a file in Aurora's form, whose tier and production it backfills
   * @throws ClientFailure naming the file and the problem
   */
  public static JobFile read(Path file, JobPath job, Bindings bindings, TierSource tiers) {
    JsonNode node = parse(file, bindings);
    if (AuroraJobs.isAuroraForm(node)) {
      return readAurora(file, node, job, tiers);
    }
    return readIdl(file, node, job);
  }

  /**
   * The jobs {@code file} defines, as {@code CLUSTER/ROLE/ENV/NAME} in the file's order
   * ({@code config list}).
   *
   * @throws ClientFailure naming the file, also when it is in the IDL's form (which names no
   *     cluster: the command line gives the job)
   */
  public static List<String> jobKeys(Path file, Bindings bindings) {
    JsonNode node = parse(file, bindings);
    if (!AuroraJobs.isAuroraForm(node)) {
      throw ClientFailure.invalidConfiguration(file + " is a JobConfiguration in the IDL's JSON "
          + "form, which names no cluster: the command line names its job");
    }
    try {
      return AuroraJobs.entries(node).stream().map(AuroraJobs.Entry::key).toList();
    } catch (IllegalArgumentException e) {
      throw ClientFailure.invalidConfiguration(file + ": " + e.getMessage());
    }
  }

  /** The login name Aurora's client records as a job's owner. */
  static String localUser() {
    return System.getProperty("user.name", "unknown");
  }

  private static JsonNode parse(Path file, Bindings bindings) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ClientFailure.invalidConfiguration("cannot read job file " + file + ": no such file");
    } catch (IOException e) {
      throw ClientFailure.invalidConfiguration("cannot read job file " + file + ": " + e.getMessage());
    }
    text = bindings.fill(text, file);
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw ClientFailure.invalidConfiguration(JsonSyntax.describe(file, e));
    }
    if (node == null || node.isMissingNode()) {
      throw ClientFailure.invalidConfiguration(file + " is empty");
    }
    return node;
  }

  private static JobFile readAurora(Path file, JsonNode node, JobPath path, TierSource tiers) {
    try {
      ObjectNode job = AuroraJobs.select(AuroraJobs.entries(node), path);
      job = AuroraJobs.backfill(job, tiers.tiers());
      return new JobFile(AuroraJobConverter.convert(job, localUser()),
          AuroraJobConverter.updateConfig(job));
    } catch (IllegalArgumentException e) {
      throw ClientFailure.invalidConfiguration(file + ": " + e.getMessage());
    }
  }

  private static JobFile readIdl(Path file, JsonNode node, JobPath job) {
    JobConfiguration config;
    try {
      config = IdlJson.read(node, JobConfiguration.class);
    } catch (IllegalArgumentException e) {
      throw ClientFailure.invalidConfiguration(file + ": " + e.getMessage());
    }
    JobKey key = job.jobKey();
    config.setKey(key);
    if (!config.isSetOwner()) {
      config.setOwner(new Identity().setUser(job.role()));
    }
    if (!config.isSetInstanceCount()) {
      config.setInstanceCount(1);
    }
    if (config.isSetTaskConfig()) {
      config.getTaskConfig().setJob(key.deepCopy());
      if (!config.getTaskConfig().isSetOwner()) {
        config.getTaskConfig().setOwner(config.getOwner().deepCopy());
      }
    }
    return new JobFile(config, UpdateConfig.DEFAULTS);
  }
}
