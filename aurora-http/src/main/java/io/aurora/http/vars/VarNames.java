package io.aurora.http.vars;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;

/**
 * The rule that turns a Micrometer meter id into an Aurora-style {@code /vars} name.
 *
 * <ol>
 *   <li>Start from the meter name.
 *   <li>Append each non-empty tag <em>value</em>, preceded by {@code _}, in tag-key order
 *       (Micrometer keeps tags sorted by key). Tag keys never appear. So {@code task_store} with
 *       {@code status=RUNNING} is {@code task_store_RUNNING}, and {@code a} with {@code x=1, y=2}
 *       is {@code a_1_2}. Library code that wants Aurora's exact names therefore puts the varying
 *       part of the name in a tag whose key sorts in the right place, or uses one tag.
 *   <li>Replace every character outside {@code [A-Za-z0-9_]} by {@code _}, so Micrometer's dotted
 *       names ({@code jvm.memory.used}) become {@code jvm_memory_used}.
 *   <li>Meters with several values add a suffix per value: a Timer or FunctionTimer {@code x}
 *       gives {@code x_nanos_total} and {@code x_events}; a DistributionSummary gives
 *       {@code x_total} and {@code x_events}; a LongTaskTimer {@code x_active} and
 *       {@code x_duration_nanos}; any other multi-value meter {@code x_<statistic>} per
 *       measurement (statistic in lower case). Counters and gauges keep the bare name.
 * </ol>
 *
 * <p>Should two meters map to the same name, the first in (name, tags) order wins; see
 * {@link VarsCollector}.
 */
public final class VarNames {
  private VarNames() {}

  /** The base name of a meter: its name and tag values, folded and sanitised as above. */
  public static String of(Meter.Id id) {
    StringBuilder name = new StringBuilder(id.getName());
    for (Tag tag : id.getTagsAsIterable()) {
      if (!tag.getValue().isEmpty()) {
        name.append('_').append(tag.getValue());
      }
    }
    return sanitize(name);
  }

  /** Replaces every character outside {@code [A-Za-z0-9_]} by {@code _}. */
  static String sanitize(CharSequence raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      out.append(ok ? c : '_');
    }
    return out.toString();
  }
}
