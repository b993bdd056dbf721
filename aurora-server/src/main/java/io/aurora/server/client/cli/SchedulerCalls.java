package io.aurora.server.client.cli;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ResponseDetail;
import java.time.Duration;
import java.util.Objects;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.transport.TTransportException;

/**
 * Calls to one scheduler, the way every command makes them: an {@code ERROR_TRANSIENT} answer is
 * retried after a short pause, a transport failure becomes one line and {@link
 * ExitCodes#NETWORK_ERROR} (an HTTP 401 or 403: {@link ExitCodes#AUTH_ERROR}), and {@link #ok}
 * turns any other non-OK answer into its response code and messages with {@link
 * ExitCodes#API_ERROR}.
 */
public final class SchedulerCalls {
  /**
   * Attempts of a call answered {@code ERROR_TRANSIENT} (a storage hiccup or a leader change).
   * Aurora's client retries for up to 10 minutes; a few tries tell a person at a terminal sooner.
   */
  public static final int TRANSIENT_ATTEMPTS = 4;
  /** The pause before each retry of a transient failure. */
  public static final Duration TRANSIENT_PAUSE = Duration.ofSeconds(2);

  private static final String UPDATING_HINT = "the job has an active update: abort it with "
      + "'aurora update abort CLUSTER/ROLE/ENV/NAME' or wait for it to end with "
      + "'aurora update wait CLUSTER/ROLE/ENV/NAME'";

  /** One Thrift call. */
  @FunctionalInterface
  public interface Call {
    Response on(AuroraAdmin.Iface api) throws TException;
  }

  private final SchedulerHandle handle;
  private final Sleeper sleeper;

  public SchedulerCalls(SchedulerHandle handle, Sleeper sleeper) {
    this.handle = Objects.requireNonNull(handle, "handle");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The scheduler these calls go to. */
  public SchedulerHandle handle() {
    return handle;
  }

  /** Makes {@code call}, retrying transient failures; returns the scheduler's last answer. */
  public Response call(Call call) {
    for (int attempt = 1; ; attempt++) {
      Response response = once(call);
      if (response.getResponseCode() != ResponseCode.ERROR_TRANSIENT
          || attempt >= TRANSIENT_ATTEMPTS) {
        return response;
      }
      try {
        sleeper.sleep(TRANSIENT_PAUSE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClientFailure(ExitCodes.INTERRUPTED, "interrupted", e);
      }
    }
  }

  /** Makes {@code call} and returns its answer if it is OK; fails with the answer otherwise. */
  public Response ok(Call call) {
    return check(call(call));
  }

  /** {@code response} if it is OK, else a failure that carries its code and messages. */
  public static Response check(Response response) {
    if (response.getResponseCode() == ResponseCode.OK) {
      return response;
    }
    String text = describe(response);
    if (response.getResponseCode() == ResponseCode.JOB_UPDATING_ERROR) {
      text += "\n" + UPDATING_HINT;
    }
    throw new ClientFailure(ExitCodes.API_ERROR, text);
  }

  /** The response code and each detail message: {@code INVALID_REQUEST: first: second}. */
  public static String describe(Response response) {
    StringBuilder text = new StringBuilder(String.valueOf(response.getResponseCode()));
    if (response.getDetails() != null) {
      for (ResponseDetail detail : response.getDetails()) {
        text.append(": ").append(detail.getMessage());
      }
    }
    return text.toString();
  }

  private Response once(Call call) {
    Response response;
    try {
      response = call.on(handle.api());
    } catch (AuthFailureException e) {
      throw new ClientFailure(ExitCodes.AUTH_ERROR, oneLine(e), e);
    } catch (TTransportException e) {
      throw new ClientFailure(ExitCodes.NETWORK_ERROR, oneLine(e), e);
    } catch (TApplicationException e) {
      throw new ClientFailure(ExitCodes.API_ERROR, "the scheduler failed the call: " + oneLine(e), e);
    } catch (TException e) {
      throw new ClientFailure(ExitCodes.NETWORK_ERROR,
          "cannot read the scheduler's reply: " + oneLine(e), e);
    }
    if (response == null || response.getResponseCode() == null) {
      throw new ClientFailure(ExitCodes.NETWORK_ERROR, "the scheduler's reply has no response code");
    }
    return response;
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }
}
