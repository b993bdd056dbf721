package io.aurora.server.client;

import io.aurora.server.client.cli.AuthFailureException;
import io.aurora.server.client.credentials.BasicCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TEndpointTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Thrift over HTTP with the JDK's client: each flushed call is one POST to {@code /api} with the
 * protocol's media type as {@code Content-Type} and {@code Accept}; the reply body is then read.
 * Redirects are followed, so a follower's 307 leads to the leader. HTTP 401 and 403 throw {@link
 * AuthFailureException} (a {@code TTransportException}), every other non-200 status a plain
 * {@code TTransportException}.
 */
public final class HttpThriftTransport extends TEndpointTransport {
  private final URI uri;
  private final String mediaType;
  private final HttpClient http;
  private final Duration timeout;
  private final Optional<BasicCredentials> credentials;
  private final ByteArrayOutputStream request = new ByteArrayOutputStream();
  private byte[] response = new byte[0];
  private int read;

  /**
   * @param uri the {@code /api} address, e.g. {@code http://host:8081/api}
   * @param mediaType {@code application/vnd.apache.thrift.binary} or {@code ...thrift.json}
   */
  public HttpThriftTransport(URI uri, String mediaType, Duration timeout)
      throws TTransportException {
    this(uri, mediaType, timeout, Optional.empty());
  }

  /**
   * @param credentials sent with every call as HTTP Basic, if present
   */
  public HttpThriftTransport(URI uri, String mediaType, Duration timeout,
      Optional<BasicCredentials> credentials) throws TTransportException {
    super(new TConfiguration());
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.uri = Objects.requireNonNull(uri, "uri");
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(timeout).build();
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void open() {}

  @Override
  public void close() {}

  @Override
  public int read(byte[] buf, int off, int len) throws TTransportException {
    int n = Math.min(len, response.length - read);
    if (n <= 0) {
      throw new TTransportException(TTransportException.END_OF_FILE, "no more reply bytes");
    }
    System.arraycopy(response, read, buf, off, n);
    read += n;
    return n;
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    request.write(buf, off, len);
  }

  @Override
  public void flush() throws TTransportException {
    byte[] body = request.toByteArray();
    request.reset();
    HttpRequest.Builder post = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", mediaType)
        .header("Accept", mediaType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    credentials.ifPresent(c -> post.header("Authorization", c.header()));
    try {
      HttpResponse<byte[]> reply = http.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (reply.statusCode() == 401 || reply.statusCode() == 403) {
        throw new AuthFailureException("HTTP " + reply.statusCode() + " from " + uri + ": "
            + authHint(reply.statusCode()));
      }
      if (reply.statusCode() != 200) {
        throw new TTransportException("HTTP " + reply.statusCode() + " from " + uri + ": "
            + new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8).strip());
      }
      response = reply.body();
      read = 0;
      resetConsumedMessageSize(-1);
    } catch (IOException e) {
      throw new TTransportException("cannot reach " + uri + ": " + reason(e, uri), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TTransportException("interrupted", e);
    }
  }

  /** One line on what to do about a 401 or 403. */
  private String authHint(int status) {
    if (credentials.isEmpty()) {
      return "the scheduler wants credentials: add 'machine " + uri.getHost()
          + " login USER password PASSWORD' to ~/.netrc, or pass --auth-user=USER "
          + "--password-file=FILE";
    }
    BasicCredentials c = credentials.get();
    return status == 401
        ? "the scheduler refused the credentials of user " + c.user() + " (from " + c.source()
            + "); check the user name and password"
        : "user " + c.user() + " (from " + c.source() + ") may not make this call";
  }

  /**
   * Why a request failed, in words: the JDK's exceptions often have no message and keep the real
   * reason (an unknown host, a timeout) in a cause.
   */
  static String reason(IOException e, URI uri) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.channels.UnresolvedAddressException
          || t instanceof java.net.UnknownHostException) {
        return "unknown host " + uri.getHost();
      }
      if (t instanceof java.net.http.HttpConnectTimeoutException) {
        return "no connection within the connect timeout (is a firewall dropping packets?)";
      }
      if (t instanceof java.net.http.HttpTimeoutException) {
        return "no answer within the request timeout";
      }
    }
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    return e instanceof java.net.ConnectException ? "connection refused (is the scheduler running?)"
        : e.getClass().getSimpleName();
  }
}
