/**
 * Aurora-style command-line flags: {@code -name=value}, {@code -name value}, booleans as
 * {@code -name} or {@code -name=false}, durations such as {@code 30secs}, sizes such as {@code 128MB}
 * and comma-separated lists.
 *
 * <p>{@link io.aurora.server.flags.FlagParser} turns arguments into a {@link
 * io.aurora.server.flags.FlagSet} (every flag's definition and current value, the one object that
 * later feeds {@code /vars}), or into one line of error text that names the offending flag. The flag
 * groups ({@code CoreFlags}, {@code StorageFlags}, ...) declare flags with picocli annotations and map
 * themselves onto the option records of the module that uses them.
 *
 * <p>This package parses and validates; it opens no files or sockets and starts nothing.
 */
package io.aurora.server.flags;
