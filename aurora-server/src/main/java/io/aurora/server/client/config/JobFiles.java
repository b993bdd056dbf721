package io.aurora.server.client.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.JobPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads job files: today a {@link JobConfiguration} written as JSON with the IDL's names ({@link
 * IdlJson}, e.g. {@code docs/examples/hello-world.json}). Every problem with a file is one line and
 * {@code ExitCodes.INVALID_CONFIGURATION}.
 */
public final class JobFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobFiles() {}

  /**
   * Reads {@code file} for {@code job}: the command line's key wins over the file's, the owner
   * defaults to the role and the instance count to 1.
   *
   * @throws ClientFailure naming the file and the problem
   */
  public static JobFile read(Path file, JobPath job) {
    JsonNode node;
    try (InputStream in = Files.newInputStream(file)) {
      node = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw ClientFailure.invalidConfiguration(file + " is not valid JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (NoSuchFileException e) {
      throw ClientFailure.invalidConfiguration("cannot read job file " + file + ": no such file");
    } catch (IOException e) {
      throw ClientFailure.invalidConfiguration("cannot read job file " + file + ": " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw ClientFailure.invalidConfiguration("job file " + file + " is empty");
    }
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
