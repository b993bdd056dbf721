package io.aurora.scheduling.mesos.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The master's HTTP/1.1 answer to one call: status, the {@code Location} of a redirect and the
 * body as text. {@link #read} parses one answer off a connection (Content-Length, chunked, or
 * until the server closes), and {@link #request} writes a call as a request.
 *
 * @param closesConnection the answer said {@code Connection: close} or ran until end of stream
 */
record CallAnswer(int status, Optional<String> location, String body, boolean closesConnection) {
  private static final int MAX_LINE = 64 << 10;
  private static final int MAX_BODY = 16 << 20;

  /** The bytes of {@code POST <path>} carrying {@code body}, for a pipelined connection. */
  static byte[] request(URI endpoint, String contentType, String streamId, byte[] body) {
    String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
        ? "/" : endpoint.getRawPath();
    String host = endpoint.getPort() >= 0 ? endpoint.getHost() + ":" + endpoint.getPort()
        : endpoint.getHost();
    String head = "POST " + path + " HTTP/1.1\r\n"
        + "Host: " + host + "\r\n"
        + "Content-Type: " + contentType + "\r\n"
        + (streamId == null ? "" : HttpDriver.STREAM_ID + ": " + streamId + "\r\n")
        + "Content-Length: " + body.length + "\r\n"
        + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, out, 0, headBytes.length);
    System.arraycopy(body, 0, out, headBytes.length, body.length);
    return out;
  }

  /** Reads one answer; null if the stream ended cleanly before it began. */
  static CallAnswer read(InputStream in) throws IOException {
    String statusLine = line(in, true);
    if (statusLine == null) {
      return null;
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("bad status line: " + statusLine);
    }
    long length = -1;
    boolean chunked = false;
    boolean close = parts[0].equals("HTTP/1.0");
    Optional<String> location = Optional.empty();
    for (String header = line(in, false); !header.isEmpty(); header = line(in, false)) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IOException("bad header line: " + header);
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close |= value.toLowerCase(Locale.ROOT).contains("close");
        case "location" -> location = Optional.of(value);
        default -> { }
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      readChunked(in, body);
    } else if (length >= 0) {
      copy(in, body, length);
    } else if (!(status / 100 == 1 || status == 204 || status == 304)) {
      copy(in, body, -1);   // no length: the body runs until the server closes
      close = true;
    }
    return new CallAnswer(status, location, body.toString(StandardCharsets.UTF_8), close);
  }

  private static void readChunked(InputStream in, ByteArrayOutputStream body) throws IOException {
    while (true) {
      String size = line(in, false);
      int semicolon = size.indexOf(';');
      long n;
      try {
        n = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + size);
      }
      if (n == 0) {
        while (!line(in, false).isEmpty()) {
          // trailers: ignored
        }
        return;
      }
      copy(in, body, n);
      if (!line(in, false).isEmpty()) {
        throw new IOException("chunk not followed by CRLF");
      }
    }
  }

  /** Copies {@code n} bytes (or until end of stream if {@code n < 0}), keeping at most MAX_BODY. */
  private static void copy(InputStream in, ByteArrayOutputStream out, long n) throws IOException {
    byte[] buffer = new byte[8192];
    long left = n;
    while (n < 0 || left > 0) {
      int want = n < 0 ? buffer.length : (int) Math.min(buffer.length, left);
      int got = in.read(buffer, 0, want);
      if (got < 0) {
        if (n < 0) {
          return;
        }
        throw new IOException("the answer ended " + left + " bytes early");
      }
      if (out.size() < MAX_BODY) {
        out.write(buffer, 0, got);
      }
      left -= got;
    }
  }

  /** A CRLF- (or LF-) terminated line; null at a clean end of stream if {@code eofOk}. */
  private static String line(InputStream in, boolean eofOk) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (eofOk && line.length() == 0) {
          return null;
        }
        throw new IOException("the answer ended in the middle of a line");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("header line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) b);
    }
  }
}
