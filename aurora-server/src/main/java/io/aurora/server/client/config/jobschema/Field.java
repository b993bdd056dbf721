package io.aurora.server.client.config.jobschema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a struct of Aurora's job schema.
 *
 * @param required whether a job without it is incomplete (pystachio's {@code Required})
 * @param defaultValue the value it has when a job leaves it out, as JSON (pystachio's {@code
 *     Default}); empty: the field stays out of the job, as pystachio's {@code Empty}
 */
public record Field(String name, FieldType type, boolean required, Optional<JsonNode> defaultValue) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
