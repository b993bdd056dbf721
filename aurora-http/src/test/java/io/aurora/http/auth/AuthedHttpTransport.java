package io.aurora.http.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TEndpointTransport;
import org.apache.thrift.transport.TTransportException;

/** Thrift over HTTP for tests: one POST per flushed call, with an optional Authorization header. */
final class AuthedHttpTransport extends TEndpointTransport {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  private final URI uri;
  private final String mediaType;
  private final String authorization;
  private final ByteArrayOutputStream request = new ByteArrayOutputStream();
  private byte[] reply = new byte[0];
  private int read;

  AuthedHttpTransport(URI uri, String mediaType, String authorization) throws TTransportException {
    super(new TConfiguration());
    this.uri = uri;
    this.mediaType = mediaType;
    this.authorization = authorization;
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
    int n = Math.min(len, reply.length - read);
    if (n <= 0) {
      throw new TTransportException(TTransportException.END_OF_FILE, "end of reply");
    }
    System.arraycopy(reply, read, buf, off, n);
    read += n;
    return n;
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    request.write(buf, off, len);
  }

  @Override
  public void flush() throws TTransportException {
    HttpRequest.Builder post = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Content-Type", mediaType).header("Accept", mediaType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()));
    request.reset();
    if (authorization != null) {
      post.header("Authorization", authorization);
    }
    try {
      HttpResponse<byte[]> response = HTTP.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new TTransportException("HTTP " + response.statusCode() + " "
            + response.headers().firstValue("WWW-Authenticate").orElse(""));
      }
      reply = response.body();
      read = 0;
      resetConsumedMessageSize(-1);
    } catch (IOException e) {
      throw new TTransportException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TTransportException(e);
    }
  }
}
