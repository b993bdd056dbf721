package io.aurora.http.api;

import io.aurora.gen.AuroraAdmin;
import io.aurora.http.auth.Authentication;
import io.aurora.http.auth.RequestAuthenticator;
import io.aurora.scheduling.auth.ApiMethods;
import io.aurora.scheduling.auth.Caller;
import io.aurora.scheduling.auth.Callers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.apache.thrift.TProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api}: POST (GET is accepted the same way, as Aurora does) a Thrift call; see
 * {@link ThriftProtocols} for the negotiation and {@link ThriftCall} for the status rules.
 *
 * <p>The IO thread only takes a permit and dispatches: reading the body and running the service
 * happen on the injected executor. At most {@code maxInFlight} requests are admitted at once
 * (running or queued on the executor); beyond that the answer is 503, so a flood of slow calls
 * cannot queue without bound. Bodies longer than {@code maxBodyBytes} get 413 (what was sent is
 * drained by Undertow when the exchange ends).
 *
 * <p>Authentication, as Aurora's permissive filter: the {@link RequestAuthenticator} reads the
 * {@code Authorization} header before the body; refused credentials get 401 with a {@code
 * WWW-Authenticate} challenge whatever the call. A request without credentials may read; if the
 * method it names changes state ({@link ApiMethods#requiresAuthentication}) it gets 401 too.
 * Otherwise the call runs through a processor for that caller, whose service checks the caller's
 * permissions (AUTH_FAILED in the Thrift response when one is missing).
 */
public final class ThriftApiHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ThriftApiHandler.class);

  private final Function<Caller, TProcessor> processors;
  private final RequestAuthenticator authenticator;
  private final Executor executor;
  private final Semaphore inFlight;
  private final int maxBodyBytes;

  /**
   * @param processor the Thrift processor to serve
   * @param executor where requests run; must not be an Undertow IO thread
   * @param maxInFlight requests admitted at once before answering 503
   * @param maxBodyBytes the largest request body accepted
   */
  public ThriftApiHandler(TProcessor processor, Executor executor, int maxInFlight, int maxBodyBytes) {
    this(caller -> processor, RequestAuthenticator.NONE, executor, maxInFlight, maxBodyBytes);
    Objects.requireNonNull(processor, "processor");
  }

  /**
   * @param processors the Thrift processor serving one caller's request
   * @param authenticator who the caller is, from the {@code Authorization} header
   * @param executor where requests run; must not be an Undertow IO thread
   * @param maxInFlight requests admitted at once before answering 503
   * @param maxBodyBytes the largest request body accepted
   */
  public ThriftApiHandler(Function<Caller, TProcessor> processors,
      RequestAuthenticator authenticator, Executor executor, int maxInFlight, int maxBodyBytes) {
    if (maxInFlight < 1 || maxBodyBytes < 1) {
      throw new IllegalArgumentException(
          "maxInFlight and maxBodyBytes must be positive: " + maxInFlight + ", " + maxBodyBytes);
    }
    this.processors = Objects.requireNonNull(processors, "processors");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.inFlight = new Semaphore(maxInFlight);
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Serves {@code service} through the generated {@code AuroraAdmin.Processor}. */
  public static ThriftApiHandler forService(
      AuroraAdmin.Iface service, Executor executor, int maxInFlight, int maxBodyBytes) {
    return new ThriftApiHandler(
        new AuroraAdmin.Processor<>(Objects.requireNonNull(service, "service")),
        executor, maxInFlight, maxBodyBytes);
  }

  /**
   * Serves each caller the service {@code api} gives it, after {@code authenticator} has said who
   * the caller is.
   */
  public static ThriftApiHandler forCallers(Function<Caller, AuroraAdmin.Iface> api,
      RequestAuthenticator authenticator, Executor executor, int maxInFlight, int maxBodyBytes) {
    Objects.requireNonNull(api, "api");
    return new ThriftApiHandler(caller -> new AuroraAdmin.Processor<>(api.apply(caller)),
        authenticator, executor, maxInFlight, maxBodyBytes);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (!inFlight.tryAcquire()) {
      send(exchange, ApiResponse.error(StatusCodes.SERVICE_UNAVAILABLE,
          "Too many API requests in flight; retry shortly."));
      return;
    }
    exchange.dispatch(executor, () -> {
      try {
        send(exchange, serve(exchange));
      } catch (IOException e) {
        // The client went away while we read its body; there is nobody left to answer.
        LOG.debug("API request aborted: {}", e.toString());
        exchange.endExchange();
      } catch (RuntimeException | Error e) {
        // Answer even an Error (a huge allocation): an exchange left open would hang the client.
        LOG.error("API request failed", e);
        send(exchange, ApiResponse.error(StatusCodes.INTERNAL_SERVER_ERROR,
            "Internal error: " + e.getClass().getSimpleName()));
      } finally {
        inFlight.release();
      }
    });
  }

  private ApiResponse serve(HttpServerExchange exchange) throws IOException {
    HttpString method = exchange.getRequestMethod();
    if (!method.equals(Methods.POST) && !method.equals(Methods.GET)) {
      exchange.getResponseHeaders().put(Headers.ALLOW, "POST, GET");
      return ApiResponse.error(StatusCodes.METHOD_NOT_ALLOWED, "Use POST for /api, not " + method);
    }
    String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    Optional<ThriftProtocols> in = ThriftProtocols.forContentType(contentType);
    if (in.isEmpty()) {
      return ApiResponse.error(StatusCodes.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported Content-Type for /api: " + contentType + " (use "
              + ThriftProtocols.BINARY.mediaType() + " or " + ThriftProtocols.JSON.mediaType() + ")");
    }
    Authentication authentication =
        authenticator.authenticate(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
    if (authentication instanceof Authentication.Rejected) {
      return unauthorized(exchange, ((Authentication.Rejected) authentication).reason()
          + "; send a valid user name and password (HTTP Basic)");
    }
    Caller caller = authentication instanceof Authentication.Accepted
        ? ((Authentication.Accepted) authentication).caller() : Callers.ANONYMOUS;
    long declared = exchange.getRequestContentLength();
    if (declared > maxBodyBytes) {
      return tooLarge(exchange);
    }
    exchange.startBlocking();
    byte[] body = readAtMost(exchange.getInputStream(), maxBodyBytes);
    if (body == null) {
      return tooLarge(exchange);
    }
    if (!caller.authenticated()) {
      String called = ThriftCall.methodName(body, in.get());
      if (called != null && ApiMethods.requiresAuthentication(called)) {
        return unauthorized(exchange, "Authentication required: " + called
            + " changes the scheduler's state; send a user name and password (HTTP Basic)");
      }
    }
    ThriftProtocols out = ThriftProtocols.forAccept(exchange.getRequestHeaders().getFirst(Headers.ACCEPT));
    return new ThriftCall(processors.apply(caller)).execute(body, in.get(), out);
  }

  private ApiResponse unauthorized(HttpServerExchange exchange, String message) {
    exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, authenticator.challenge());
    return ApiResponse.error(StatusCodes.UNAUTHORIZED, message);
  }

  private ApiResponse tooLarge(HttpServerExchange exchange) {
    return ApiResponse.error(StatusCodes.REQUEST_ENTITY_TOO_LARGE,
        "Request body too large for /api: the limit is " + maxBodyBytes + " bytes");
  }

  /** The whole stream, or null once it passes {@code limit} bytes. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit, 8192));
    byte[] chunk = new byte[8192];
    int n;
    while ((n = in.read(chunk)) != -1) {
      if (body.size() + n > limit) {
        return null;
      }
      body.write(chunk, 0, n);
    }
    return body.toByteArray();
  }

  private static void send(HttpServerExchange exchange, ApiResponse response) {
    exchange.setStatusCode(response.status());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, response.contentType());
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, response.body().length);
    if (exchange.isBlocking()) {
      try {
        exchange.getOutputStream().write(response.body());
      } catch (IOException e) {
        LOG.debug("API response not delivered: {}", e.toString());
      }
      exchange.endExchange();
    } else {
      exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(response.body()));
    }
  }
}
