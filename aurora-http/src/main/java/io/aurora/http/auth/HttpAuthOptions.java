package io.aurora.http.auth;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How HTTP callers authenticate, from Aurora's flags. Checked when built, every message naming
 * its flag; {@link #authenticator()} then reads the INI file.
 *
 * @param mechanism {@code -http_authentication_mechanism}
 * @param shiroIniPath {@code -shiro_ini_path}: the INI_AUTHNZ realm's users and roles
 * @param realmModules {@code -shiro_realm_modules}, as given (INI_AUTHNZ, or Aurora's class name
 *     for it)
 * @param credentialsMatcher {@code -shiro_credentials_matcher}: a Shiro class name
 */
public record HttpAuthOptions(Mechanism mechanism, Optional<Path> shiroIniPath,
    List<String> realmModules, String credentialsMatcher) {

  /** {@code -http_authentication_mechanism}'s values. */
  public enum Mechanism {
    /** No authentication: everyone may do everything (recorded as UNSECURE). */
    NONE,
    /** HTTP Basic against the Shiro realms. */
    BASIC,
    /** SPNEGO/Kerberos: not supported yet; refused at start, never a silent fallback. */
    NEGOTIATE
  }

  /** Aurora's alias of its INI realm module. */
  public static final String INI_REALM = "INI_AUTHNZ";
  /** Aurora's Kerberos realm alias, refused with a message. */
  public static final String KERBEROS_REALM = "KERBEROS5_AUTHN";
  private static final Set<String> INI_NAMES = Set.of(INI_REALM,
      "org.apache.aurora.scheduler.http.api.security.IniShiroRealmModule");

  /** Authentication off, Aurora's default. */
  public static final HttpAuthOptions NONE = new HttpAuthOptions(Mechanism.NONE, Optional.empty(),
      List.of(INI_REALM), IniRealms.DEFAULT_MATCHER);

  public HttpAuthOptions {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(shiroIniPath, "shiroIniPath");
    realmModules = List.copyOf(realmModules);
    Objects.requireNonNull(credentialsMatcher, "credentialsMatcher");
    if (mechanism == Mechanism.NEGOTIATE) {
      throw new IllegalArgumentException("-http_authentication_mechanism=NEGOTIATE (Kerberos) is "
          + "not supported yet; use BASIC with -shiro_ini_path, or NONE");
    }
    for (String realm : realmModules) {
      if (realm.equals(KERBEROS_REALM)) {
        throw new IllegalArgumentException("-shiro_realm_modules: " + KERBEROS_REALM
            + " (Kerberos) is not supported yet; use " + INI_REALM);
      }
      if (!INI_NAMES.contains(realm)) {
        throw new IllegalArgumentException("-shiro_realm_modules: unknown realm '" + realm
            + "'; the supported one is " + INI_REALM);
      }
    }
    if (realmModules.isEmpty()) {
      throw new IllegalArgumentException("-shiro_realm_modules must name at least " + INI_REALM);
    }
    if (!IniRealms.isKnownMatcher(credentialsMatcher)) {
      throw new IllegalArgumentException("-shiro_credentials_matcher: unknown matcher "
          + credentialsMatcher + "; use one of " + IniRealms.knownMatchers());
    }
    if (mechanism == Mechanism.BASIC && shiroIniPath.isEmpty()) {
      throw new IllegalArgumentException("-http_authentication_mechanism=BASIC needs "
          + "-shiro_ini_path: the INI file of users, passwords and roles");
    }
  }

  /** Whether callers must authenticate to change anything. */
  public boolean authenticates() {
    return mechanism != Mechanism.NONE;
  }

  /**
   * The authenticator these options describe; for BASIC this reads the INI file.
   *
   * @throws IllegalArgumentException naming the flag, if the INI file cannot be read or used
   */
  public RequestAuthenticator authenticator() {
    if (mechanism == Mechanism.NONE) {
      return RequestAuthenticator.NONE;
    }
    return new BasicAuthenticator(IniRealms.fromFile(shiroIniPath.orElseThrow(),
        credentialsMatcher));
  }
}
