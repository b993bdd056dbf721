package io.aurora.http.ui;

import io.aurora.gen.HostAttributes;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.mesos.v1.Protos.Offer;

/**
 * What the operator pages need that the Thrift API does not offer, read on each request.
 *
 * @param offers for {@code /offers}: the Mesos offers the scheduler holds
 * @param agents for {@code /agents}: every known agent's attributes and maintenance mode
 */
public record OperatorSources(Supplier<List<Offer>> offers, Supplier<List<HostAttributes>> agents) {
  /** No offers and no agents: for a UI without a scheduling runtime behind it. */
  public static final OperatorSources NONE = new OperatorSources(List::of, List::of);

  /** Checks nulls. */
  public OperatorSources {
    Objects.requireNonNull(offers, "offers");
    Objects.requireNonNull(agents, "agents");
  }
}
