package io.aurora.scheduling.assign;

import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.filter.Veto;
import io.aurora.scheduling.rank.RankedOffer;
import io.aurora.scheduling.rank.Scorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Places pending task groups on offers, many tasks per offer per round.
 *
 * <p>Aurora launches at most one task per offer per round and evaluates every filter for every
 * task. Here, for each group in turn: the static checks run once per (group, offer) and their
 * answers are cached across rounds for as long as the offer lives; the offers that pass are ranked
 * once by the {@link Scorer}; then the group's tasks are poured into the best offer until a
 * dynamic check (resources, limits) vetoes, then into the next. With {@link Scorer#OFFER_ORDER}
 * there is nothing to rank: offers are checked lazily, in order, until the group is placed.
 * Each placement shrinks the offer and raises the job's attribute counts, so later tasks and
 * groups see the round's earlier decisions.
 *
 * <p>Guarantee: when a round ends, every task left unplaced is vetoed on every offer as it is
 * left, because offers only shrink and counts only grow within a round.
 *
 * <p>The cache of static answers holds at most {@code maxCachedAnswers} entries
 * ({@code -offer_static_ban_cache_max_size}); once full, further answers are computed each round
 * until offers leave and make room.
 *
 * <p>Pure apart from its veto cache; not thread-safe (one scheduling loop owns it).
 */
public final class TaskAssigner {

  private final FilterChain chain;
  private final Scorer scorer;
  // Per group, per offer id. Keyed by group first so that a TaskConfig (whose hash walks the
  // whole struct) is hashed once per group and round, not once per offer.
  private final Map<TaskConfig, Map<String, Optional<Veto>>> staticVetoes = new HashMap<>();
  private final long maxCachedAnswers;
  private long cachedAnswers;

  /** An assigner whose cache of static answers is unbounded. */
  public TaskAssigner(FilterChain chain, Scorer scorer) {
    this(chain, scorer, Long.MAX_VALUE);
  }

  /** @param maxCachedAnswers most static (group, offer) answers remembered across rounds */
  public TaskAssigner(FilterChain chain, Scorer scorer, long maxCachedAnswers) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    if (maxCachedAnswers < 0) {
      throw new IllegalArgumentException("maxCachedAnswers must not be negative: " + maxCachedAnswers);
    }
    this.maxCachedAnswers = maxCachedAnswers;
  }

  /**
   * An assigner with the same checks and ranking that remembers no static answers (for rounds
   * over a few offers, where a cache would only be pruned of every other offer each call).
   */
  public TaskAssigner withoutCache() {
    return new TaskAssigner(chain, scorer, 0);
  }

  /**
   * One round: places as many tasks of {@code groups} (in order) as fit in {@code offers}.
   *
   * @param context per-job attribute counts; updated with every placement
   */
  public AssignmentRound assign(
      List<PendingGroup> groups, List<HostOffer> offers, PlacementContext context) {
    Map<String, HostOffer> live = new LinkedHashMap<>();
    for (HostOffer o : offers) {
      live.put(o.offerId(), o);
    }
    // Cached answers of offers that are gone can never be used again.
    for (Map<String, Optional<Veto>> byOffer : staticVetoes.values()) {
      byOffer.keySet().retainAll(live.keySet());
    }
    staticVetoes.values().removeIf(Map::isEmpty);
    cachedAnswers = cachedVetoCount();

    List<Assignment> assignments = new ArrayList<>();
    Map<TaskConfig, Veto> nearest = new HashMap<>();
    for (PendingGroup group : groups) {
      TaskRequest request = group.request();
      Map<String, Optional<Veto>> cache =
          staticVetoes.computeIfAbsent(request.config(), k -> new HashMap<>());
      Pour pour = scorer == Scorer.OFFER_ORDER
          ? pourInOfferOrder(request, group.taskIds(), live, cache, context, assignments)
          : pourRanked(request, group.taskIds(), live, cache, context, assignments);
      if (pour.placed() < group.taskIds().size()) {
        Veto weakest = weaker(pour.weakestStatic(), pour.weakestDynamic());
        nearest.put(request.config(), weakest != null ? weakest : Veto.insufficient("offers"));
      }
    }
    return new AssignmentRound(assignments, nearest, new ArrayList<>(live.values()));
  }

  /** How far one group got: tasks placed and the weakest static and dynamic vetoes seen. */
  private record Pour(int placed, Veto weakestStatic, Veto weakestDynamic) {}

  /**
   * With a scorer that keeps the offer order there is nothing to rank, so offers are checked
   * lazily, in order, and the walk stops once the group is placed: a round then costs in
   * proportion to the offers it fills, not to every offer held (10,000 offers times every pending
   * group, per round, was most of a round's time). Same offers in the same order as
   * {@link #pourRanked}, hence the same placements; the vetoes are kept apart by kind so that the
   * nearest veto reported is the same too (all offers are visited whenever tasks are left).
   */
  private Pour pourInOfferOrder(TaskRequest request, List<String> ids,
      Map<String, HostOffer> live, Map<String, Optional<Veto>> cache, PlacementContext context,
      List<Assignment> assignments) {
    Veto weakestStatic = null;
    Veto weakestDynamic = null;
    int next = 0;
    for (HostOffer current : live.values()) {
      if (next == ids.size()) {
        break;
      }
      Optional<Veto> veto = staticAnswer(cache, request, current, context);
      if (veto.isPresent()) {
        weakestStatic = weaker(weakestStatic, veto.get());
        continue;
      }
      HostOffer offer = current;
      while (next < ids.size()) {
        Optional<Veto> dynamic = chain.checkDynamic(request, offer, context);
        if (dynamic.isPresent()) {
          weakestDynamic = weaker(weakestDynamic, dynamic.get());
          break;
        }
        assignments.add(place(ids.get(next++), request, offer));
        offer = offer.consume(request);
        context.placed(request.job(), offer);
      }
      if (offer != current) {
        // Replacing the value of a present key is not a structural change: iteration goes on.
        live.put(offer.offerId(), offer);
      }
    }
    return new Pour(next, weakestStatic, weakestDynamic);
  }

  /** Static checks on every offer, rank the ones that pass, then pour in rank order. */
  private Pour pourRanked(TaskRequest request, List<String> ids, Map<String, HostOffer> live,
      Map<String, Optional<Veto>> cache, PlacementContext context, List<Assignment> assignments) {
    Veto weakestStatic = null;
    Veto weakestDynamic = null;
    List<HostOffer> candidates = new ArrayList<>();
    for (HostOffer offer : live.values()) {
      Optional<Veto> veto = staticAnswer(cache, request, offer, context);
      if (veto.isPresent()) {
        weakestStatic = weaker(weakestStatic, veto.get());
      } else {
        candidates.add(offer);
      }
    }
    int next = 0;
    for (HostOffer candidate : RankedOffer.rank(scorer, request, candidates)) {
      if (next == ids.size()) {
        break;
      }
      HostOffer offer = live.get(candidate.offerId());
      while (next < ids.size()) {
        Optional<Veto> veto = chain.checkDynamic(request, offer, context);
        if (veto.isPresent()) {
          weakestDynamic = weaker(weakestDynamic, veto.get());
          break;
        }
        assignments.add(place(ids.get(next++), request, offer));
        offer = offer.consume(request);
        context.placed(request.job(), offer);
      }
      live.put(offer.offerId(), offer);
    }
    return new Pour(next, weakestStatic, weakestDynamic);
  }

  /** The static checks' answer for this group and offer, from the cache while it has room. */
  private Optional<Veto> staticAnswer(Map<String, Optional<Veto>> cache, TaskRequest request,
      HostOffer offer, PlacementContext context) {
    Optional<Veto> known = cache.get(offer.offerId());
    if (known != null) {
      return known;
    }
    Optional<Veto> veto = chain.checkStatic(request, offer, context);
    if (cachedAnswers < maxCachedAnswers) {
      cache.put(offer.offerId(), veto);
      cachedAnswers++;
    }
    return veto;
  }

  /** Number of cached static answers (for metrics and tests). */
  public int cachedVetoCount() {
    int n = 0;
    for (Map<String, Optional<Veto>> byOffer : staticVetoes.values()) {
      n += byOffer.size();
    }
    return n;
  }

  private static Assignment place(String taskId, TaskRequest request, HostOffer offer) {
    List<Integer> ports = offer.nextPorts(request.portNames().size());
    Map<String, Integer> named = new HashMap<>();
    for (int i = 0; i < ports.size(); i++) {
      named.put(request.portNames().get(i), ports.get(i));
    }
    return new Assignment(taskId, request, offer.offerId(), offer.agentId(), offer.hostname(),
        named);
  }

  private static Veto weaker(Veto current, Veto candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || candidate.score() < current.score() ? candidate : current;
  }
}
