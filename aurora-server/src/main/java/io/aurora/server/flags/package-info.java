/**
 * Aurora-style command-line flags: {@code -name=value}, {@code -name value}, booleans as
 * {@code -name} or {@code -name=false}, durations such as {@code 30secs}, sizes such as {@code 128MB}
 * and comma-separated lists.
 *
 * <p>{@link io.aurora.server.flags.FlagParser} turns arguments into a {@link
 * io.aurora.server.flags.FlagSet} (every flag's definition and current value, the one object that
 * later feeds {@code /vars}), or into one line of error text that names the offending flag. The flag
 * groups ({@code CoreFlags}, {@code StorageFlags}, ...) declare flags with picocli annotations and
 * build, in their {@code toXxx()} methods, the option record that sits beside the code reading
 * those flags ({@code toOfferOptions()} gives {@code io.aurora.scheduling.offers.OfferOptions});
 * {@code ServerFlags} builds the records that need flags of two groups. A flag that nothing reads
 * yet says "(not yet used: ...)" in its description, which {@code FlagReachabilityTest} enforces.
 *
 * <p>This package parses and validates; it opens no files or sockets and starts nothing.
 */
package io.aurora.server.flags;
