package io.aurora.server.flags;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every flag of one command: its definition and its current value. This is the single listable view
 * of the configuration: help, the generated configuration reference, the startup log and (later)
 * {@code /vars} all read it.
 */
public final class FlagSet {
  /** Shown instead of the value of a {@link Secret} flag that is set. */
  public static final String REDACTED = "<redacted>";

  private final Object root;
  private final List<FlagEntry> entries;

  private record FlagEntry(FlagDefinition definition, OptionSpec option) {}

  private FlagSet(Object root, List<FlagEntry> entries) {
    this.root = root;
    this.entries = List.copyOf(entries);
  }

  /** Reads the flags of {@code spec}, grouped by the mixins (flag groups) that declare them. */
  static FlagSet of(CommandSpec spec, String ownGroupTitle) {
    List<FlagEntry> entries = new ArrayList<>();
    Set<OptionSpec> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
      Object group = mixin.getValue().userObject();
      String title = group instanceof FlagGroup ? ((FlagGroup) group).title() : mixin.getKey();
      for (OptionSpec option : mixin.getValue().options()) {
        OptionSpec own = spec.findOption(option.longestName());
        if (own != null && seen.add(own)) {
          entries.add(new FlagEntry(definition(title, own), own));
        }
      }
    }
    for (OptionSpec option : spec.options()) {
      if (!option.usageHelp() && seen.add(option)) {
        entries.add(new FlagEntry(definition(ownGroupTitle, option), option));
      }
    }
    return new FlagSet(spec.userObject(), entries);
  }

  private static FlagDefinition definition(String group, OptionSpec option) {
    String description = option.description().length == 0 ? "" : option.description()[0];
    return new FlagDefinition(
        group,
        option.longestName(),
        FlagType.label(option),
        Optional.ofNullable(option.defaultValue()),
        description,
        option.required());
  }

  /** The annotated object that holds the parsed values. */
  public Object root() {
    return root;
  }

  /** Every flag, in declaration order, grouped. */
  public List<FlagDefinition> definitions() {
    return entries.stream().map(FlagEntry::definition).collect(Collectors.toList());
  }

  /** The group titles, in order. */
  public List<String> groups() {
    return List.copyOf(
        entries.stream().map(e -> e.definition().group()).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /** Every flag's name and current value as written on a command line; secrets are redacted. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    for (FlagEntry e : entries) {
      values.put(e.definition().name(), render(e.option()));
    }
    return Collections.unmodifiableMap(values);
  }

  private static String render(OptionSpec option) {
    Object value = option.getValue();
    if (value == null) {
      return "";
    }
    if (option.userObject() instanceof Field && ((Field) option.userObject()).isAnnotationPresent(Secret.class)) {
      return REDACTED;
    }
    if (value instanceof Collection) {
      return ((Collection<?>) value).stream().map(FlagSet::renderOne).collect(Collectors.joining(","));
    }
    return renderOne(value);
  }

  private static String renderOne(Object value) {
    return value instanceof Duration ? DurationFormat.format((Duration) value) : String.valueOf(value);
  }
}
