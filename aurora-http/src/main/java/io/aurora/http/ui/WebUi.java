package io.aurora.http.ui;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobKey;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The web UI's pages, mounted on the admin server's page table by {@link #mount}:
 *
 * <ul>
 *   <li>{@code /} redirects to {@code /scheduler};
 *   <li>{@code /scheduler}, {@code /scheduler/ROLE[/ENV[/JOB[/INSTANCE | /task/ID | /update/ID]]]}
 *       and {@code /updates}:
 *       HTML pages that {@code aurora.js} refreshes in place every few seconds;
 *   <li>{@code /tiers}, {@code /quotas}, {@code /pendingtasks}, {@code /offers} (JSON),
 *       {@code /utilization...} and {@code /agents} (HTML; {@code /slaves} too), Aurora's operator
 *       pages; the leader redirect sends them to the leader;
 *   <li>{@code /assets/ui/...}: the versioned CSS and script.
 * </ul>
 *
 * <p>The pages read through {@code api}, the same service {@code /api} serves, as an anonymous
 * reader; they change nothing. Pages run on Undertow's worker threads, never its IO threads.
 */
public final class WebUi {
  private final UiAssets assets = new UiAssets();
  private final ApiReader api;
  private final PageShell shell;
  private final RolesPage roles;
  private final JobsPage jobs;
  private final JobPage job;
  private final UpdatePage update;
  private final InstancePage instance;
  private final UpdatesPage updates;
  private final UtilizationPage utilization;
  private final OperatorJson operator;
  private final OffersJson offers;
  private final AgentsPage agents;

  /** A UI whose {@code /offers} and {@code /agents} show nothing. */
  public WebUi(AuroraAdmin.Iface api, Clock clock) {
    this(api, clock, OperatorSources.NONE);
  }

  /**
   * @param api the read side of the Thrift API
   * @param clock for "time in state" and relative times
   * @param sources what {@code /offers} and {@code /agents} show
   */
  public WebUi(AuroraAdmin.Iface api, Clock clock, OperatorSources sources) {
    this.api = new ApiReader(Objects.requireNonNull(api, "api"));
    Objects.requireNonNull(clock, "clock");
    this.shell = new PageShell(assets, this.api::cluster);
    this.roles = new RolesPage(this.api);
    this.jobs = new JobsPage(this.api, clock);
    this.job = new JobPage(this.api, clock);
    this.update = new UpdatePage(this.api, clock);
    this.instance = new InstancePage(this.api, clock);
    this.updates = new UpdatesPage(this.api, clock);
    this.utilization = new UtilizationPage(this.api);
    this.operator = new OperatorJson(this.api);
    this.offers = new OffersJson(sources.offers());
    this.agents = new AgentsPage(sources.agents());
  }

  /** Adds the UI's paths to {@code pages}. */
  public void mount(PathHandler pages) {
    pages.addExactPath("/", exchange -> {
      exchange.setStatusCode(StatusCodes.FOUND);
      exchange.getResponseHeaders().put(Headers.LOCATION, "/scheduler");
      exchange.endExchange();
    });
    pages.addPrefixPath(UiAssets.PREFIX, assets);
    pages.addPrefixPath("/scheduler", html(this::scheduler));
    pages.addExactPath("/updates", html(exchange -> updates.render()));
    pages.addPrefixPath("/utilization", html(exchange -> utilization.render(parts(exchange))));
    pages.addExactPath("/tiers", json(exchange -> operator.tiers()));
    pages.addExactPath("/quotas", json(exchange -> {
      Deque<String> role = exchange.getQueryParameters().get("role");
      return operator.quotas(role == null || role.isEmpty() ? null : role.getFirst());
    }));
    pages.addExactPath("/pendingtasks", json(exchange -> operator.pendingTasks()));
    pages.addExactPath("/offers", json(exchange -> offers.render()));
    HttpHandler agentsPage = html(exchange -> agents.render());
    pages.addExactPath("/agents", agentsPage);
    pages.addExactPath("/slaves", agentsPage);
  }

  private Page scheduler(HttpServerExchange exchange) throws UiException {
    List<String> p = parts(exchange);
    switch (p.size()) {
      case 0:
        return roles.render(exchange);
      case 1:
        return jobs.render(exchange, p.get(0), null);
      case 2:
        return jobs.render(exchange, p.get(0), p.get(1));
      case 3:
        return job.render(exchange, new JobKey(p.get(0), p.get(1), p.get(2)));
      case 4:
        if (p.get(3).matches("\\d{1,9}")) {
          return instance.instance(new JobKey(p.get(0), p.get(1), p.get(2)),
              Integer.parseInt(p.get(3)));
        }
        throw new UiException(404, "No such page: " + exchange.getRequestPath());
      case 5:
        if (p.get(3).equals("update")) {
          return update.render(new JobKey(p.get(0), p.get(1), p.get(2)), p.get(4));
        }
        if (p.get(3).equals("task")) {
          return instance.task(new JobKey(p.get(0), p.get(1), p.get(2)), p.get(4));
        }
        throw new UiException(404, "No such page: " + exchange.getRequestPath());
      default:
        throw new UiException(404, "No such page: " + exchange.getRequestPath());
    }
  }

  private static List<String> parts(HttpServerExchange exchange) {
    List<String> out = new ArrayList<>();
    Arrays.stream(exchange.getRelativePath().split("/")).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }

  /** Renders a page. */
  @FunctionalInterface
  private interface Renderer<T> {
    T render(HttpServerExchange exchange) throws UiException;
  }

  private HttpHandler html(Renderer<Page> renderer) {
    return onWorker(exchange -> {
      try {
        shell.send(exchange, 200, renderer.render(exchange));
      } catch (UiException e) {
        shell.send(exchange, e.status(), new Page(List.of(), new HtmlWriter()
            .raw("<section class=\"panel error\"><p>").text(e.getMessage()).raw("</p></section>")
            .toString()));
      }
    });
  }

  private HttpHandler json(Renderer<String> renderer) {
    return onWorker(exchange -> {
      try {
        String body = renderer.render(exchange);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(body);
      } catch (UiException e) {
        exchange.setStatusCode(e.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(e.getMessage() + "\n");
      }
    });
  }

  private static HttpHandler onWorker(HttpHandler page) {
    return exchange -> {
      if (!exchange.getRequestMethod().equals(Methods.GET)
          && !exchange.getRequestMethod().equals(Methods.HEAD)) {
        exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
        exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
        exchange.getResponseSender().send("Use GET\n");
        return;
      }
      if (exchange.isInIoThread()) {
        exchange.dispatch(page);
        return;
      }
      page.handleRequest(exchange);
    };
  }
}
