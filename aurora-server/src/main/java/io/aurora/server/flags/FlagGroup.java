package io.aurora.server.flags;

/**
 * A class of flags that belong to one feature, included in a command as a picocli {@code @Mixin}.
 * Help and the generated configuration reference list flags under their group's title.
 */
public interface FlagGroup {
  /** A short title, such as "ZooKeeper". */
  String title();
}
