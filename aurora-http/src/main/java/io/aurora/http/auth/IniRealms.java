package io.aurora.http.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.shiro.authc.credential.CredentialsMatcher;
import org.apache.shiro.authc.credential.Sha256CredentialsMatcher;
import org.apache.shiro.authc.credential.Sha384CredentialsMatcher;
import org.apache.shiro.authc.credential.Sha512CredentialsMatcher;
import org.apache.shiro.authc.credential.SimpleCredentialsMatcher;
import org.apache.shiro.config.Ini;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.realm.text.IniRealm;

/**
 * Aurora's {@code INI_AUTHNZ} realm: users, their passwords and roles in {@code [users]}
 * ({@code name = password, role1, role2}), and each role's permissions in {@code [roles]}
 * ({@code role = permission, permission}), read with Shiro's own INI parser into Shiro's
 * {@link IniRealm}. Other sections ({@code [main]}, {@code [urls]}) configure Shiro objects by
 * reflection in Shiro's own filters; Aurora ignores them and so do we, but we say so at start
 * rather than silently.
 */
public final class IniRealms {
  /** Aurora's default {@code -shiro_credentials_matcher}: passwords compared as written. */
  public static final String DEFAULT_MATCHER = SimpleCredentialsMatcher.class.getName();

  /**
   * The matchers {@code -shiro_credentials_matcher} accepts, by Shiro class name: plain text, or
   * hex-encoded SHA-2 digests of the password. Named here rather than loaded by reflection.
   */
  private static final Map<String, CredentialsMatcher> MATCHERS = Map.of(
      DEFAULT_MATCHER, new SimpleCredentialsMatcher(),
      Sha256CredentialsMatcher.class.getName(), new Sha256CredentialsMatcher(),
      Sha384CredentialsMatcher.class.getName(), new Sha384CredentialsMatcher(),
      Sha512CredentialsMatcher.class.getName(), new Sha512CredentialsMatcher());

  private static final Set<String> SECTIONS = Set.of(IniRealm.USERS_SECTION_NAME,
      IniRealm.ROLES_SECTION_NAME);

  private IniRealms() {}

  /** Whether {@code -shiro_credentials_matcher} may name {@code className}. */
  public static boolean isKnownMatcher(String className) {
    return MATCHERS.containsKey(className);
  }

  /** The class names {@code -shiro_credentials_matcher} accepts, sorted. */
  public static Set<String> knownMatchers() {
    return new TreeSet<>(MATCHERS.keySet());
  }

  /**
   * A security manager over the INI file at {@code path}.
   *
   * @throws IllegalArgumentException naming {@code -shiro_ini_path} and what is wrong
   */
  public static DefaultSecurityManager fromFile(Path path, String matcher) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("-shiro_ini_path: cannot read " + path + " ("
          + e.getClass().getSimpleName() + ")");
    }
    return fromText(text, matcher, "-shiro_ini_path " + path);
  }

  /**
   * A security manager over INI text.
   *
   * @param source names the text in error messages
   * @throws IllegalArgumentException if the text has no users, has a section other than
   *     {@code [users]} and {@code [roles]}, or the matcher is unknown
   */
  public static DefaultSecurityManager fromText(String text, String matcher, String source) {
    CredentialsMatcher credentials = MATCHERS.get(matcher);
    if (credentials == null) {
      throw new IllegalArgumentException("-shiro_credentials_matcher: unknown matcher " + matcher
          + "; use one of " + knownMatchers());
    }
    Ini ini = new Ini();
    try {
      ini.load(text);
    } catch (RuntimeException e) {
      // Shiro's message may quote the offending line, which can hold a password: keep it out.
      throw new IllegalArgumentException(source + ": not a valid INI file");
    }
    for (String section : ini.getSectionNames()) {
      if (!SECTIONS.contains(section)) {
        throw new IllegalArgumentException(source + ": section [" + section
            + "] is not supported; only [users] and [roles] are read");
      }
    }
    Ini.Section users = ini.getSection(IniRealm.USERS_SECTION_NAME);
    if (users == null || users.isEmpty()) {
      throw new IllegalArgumentException(source + ": no [users] section, so nobody could log in");
    }
    IniRealm realm;
    try {
      realm = new IniRealm(ini);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(source + ": the [users] or [roles] section is malformed");
    }
    realm.setName("INI_AUTHNZ");
    realm.setCredentialsMatcher(credentials);
    return new DefaultSecurityManager(realm);
  }
}
