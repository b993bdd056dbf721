package io.aurora.http.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.mgt.DefaultSecurityManager;

/**
 * HTTP Basic ({@code -http_authentication_mechanism=BASIC}) against Shiro realms, as Aurora's
 * permissive Basic filter behaves: a request without an {@code Authorization: Basic} header is
 * {@link Authentication.Anonymous} (it may read; a call that changes state then gets 401), and a
 * Basic header whose credentials do not parse or do not match is {@link Authentication.Rejected}
 * (401 for any call). No session is created: each request authenticates on its own.
 *
 * <p>Parsing is strict and bounded: a header longer than {@value #MAX_HEADER_CHARS} characters,
 * base64 that does not decode, a decoded value without a colon, and bytes that are not UTF-8 are
 * all refused before Shiro sees them. Nothing a client sends makes this throw.
 */
public final class BasicAuthenticator implements RequestAuthenticator {
  /** Longer than any real user name and password, far shorter than Undertow's header limit. */
  static final int MAX_HEADER_CHARS = 8192;
  private static final String SCHEME = "Basic";
  private static final String CHALLENGE = "Basic realm=\"Apache Aurora Scheduler\"";

  private final DefaultSecurityManager security;

  /** Authenticates against the realms of {@code security} (see {@link IniRealms}). */
  public BasicAuthenticator(DefaultSecurityManager security) {
    this.security = Objects.requireNonNull(security, "security");
  }

  @Override
  public String challenge() {
    return CHALLENGE;
  }

  @Override
  public Authentication authenticate(String authorization) {
    if (authorization == null || !hasScheme(authorization)) {
      return new Authentication.Anonymous();
    }
    if (authorization.length() > MAX_HEADER_CHARS) {
      return new Authentication.Rejected("Authorization header too long");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim());
    } catch (IllegalArgumentException e) {
      return new Authentication.Rejected("Basic credentials are not valid base64");
    }
    char[] userColonPassword = utf8(decoded);
    Arrays.fill(decoded, (byte) 0);
    if (userColonPassword == null) {
      return new Authentication.Rejected("Basic credentials are not UTF-8");
    }
    int colon = indexOf(userColonPassword, ':');
    if (colon <= 0) {
      Arrays.fill(userColonPassword, '\0');
      return new Authentication.Rejected("Basic credentials must be user:password");
    }
    String user = new String(userColonPassword, 0, colon);
    char[] password = Arrays.copyOfRange(userColonPassword, colon + 1, userColonPassword.length);
    Arrays.fill(userColonPassword, '\0');
    UsernamePasswordToken token = new UsernamePasswordToken(user, password);
    try {
      AuthenticationInfo info = security.authenticate(token);
      return new Authentication.Accepted(new ShiroCaller(info.getPrincipals(), security));
    } catch (RuntimeException e) {
      // Shiro's AuthenticationExceptions (unknown user, wrong password) and anything a realm
      // throws get one answer, which says nothing about which part was wrong.
      return new Authentication.Rejected("Invalid user name or password");
    } finally {
      token.clear();
      Arrays.fill(password, '\0');
    }
  }

  private static boolean hasScheme(String header) {
    return header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        && (header.length() == SCHEME.length() || header.charAt(SCHEME.length()) == ' ');
  }

  /** Strict UTF-8 decoding, or null for malformed bytes. */
  private static char[] utf8(byte[] bytes) {
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      return out;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int indexOf(char[] chars, char c) {
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
