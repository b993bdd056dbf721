package io.aurora.server.flags;

import io.aurora.http.auth.HttpAuthOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Authentication and authorization of API callers (docs/security.md). */
public final class SecurityFlags implements FlagGroup {
  @Option(names = "-http_authentication_mechanism", defaultValue = "NONE",
      description = "How /api callers authenticate: NONE (anyone may do anything), BASIC (HTTP "
          + "Basic against -shiro_ini_path; state-changing calls need a user with the "
          + "permission) or NEGOTIATE (Kerberos; not supported yet: refused at start).")
  private HttpAuthOptions.Mechanism httpAuthenticationMechanism;

  @Option(names = "-shiro_ini_path",
      description = "Shiro INI file with [users] (name = password, role, ...) and [roles] "
          + "(role = permission, ...); required with BASIC.")
  private Path shiroIniPath;

  @Option(names = "-shiro_realm_modules", split = ",", defaultValue = HttpAuthOptions.INI_REALM,
      description = "Realms that authenticate and authorize callers: INI_AUTHNZ (the INI file; "
          + "Aurora's IniShiroRealmModule class name is accepted for it). KERBEROS5_AUTHN is not "
          + "supported yet.")
  private List<String> shiroRealmModules;

  @Option(names = "-shiro_credentials_matcher",
      defaultValue = "org.apache.shiro.authc.credential.SimpleCredentialsMatcher",
      description = "How INI passwords are compared: Shiro's SimpleCredentialsMatcher (as "
          + "written) or Sha256CredentialsMatcher, Sha384CredentialsMatcher, "
          + "Sha512CredentialsMatcher (hex digests), by full class name.")
  private String shiroCredentialsMatcher;

  @Option(names = "-shiro_after_auth_filter",
      description = "A servlet filter run after authentication in Aurora. (not yet used: "
          + "there are no servlet filters here; setting it is refused at start.)")
  private String shiroAfterAuthFilter;

  @Option(names = "-kerberos_server_principal",
      description = "Kerberos principal of the scheduler for NEGOTIATE, e.g. "
          + "HTTP/aurora.example.com@EXAMPLE.COM. (not yet used: NEGOTIATE is not supported yet.)")
  private String kerberosServerPrincipal;

  @Option(names = "-kerberos_server_keytab",
      description = "Keytab holding -kerberos_server_principal's key. (not yet used: NEGOTIATE is "
          + "not supported yet.)")
  private Path kerberosServerKeytab;

  @Override
  public String title() {
    return "Security";
  }

  /** The HTTP authentication settings; the INI file is read later, at start. */
  public HttpAuthOptions toHttpAuthOptions() {
    return new HttpAuthOptions(httpAuthenticationMechanism, Optional.ofNullable(shiroIniPath),
        shiroRealmModules == null ? List.of(HttpAuthOptions.INI_REALM) : shiroRealmModules,
        shiroCredentialsMatcher);
  }

  /**
   * Checks the flags as {@link #toHttpAuthOptions} will.
   *
   * @throws IllegalArgumentException naming the flag
   */
  void check() {
    if (shiroAfterAuthFilter != null) {
      throw new IllegalArgumentException("-shiro_after_auth_filter is not supported: there are no "
          + "servlet filters here (docs/security.md)");
    }
    toHttpAuthOptions();
  }
}
