package io.aurora.http.auth;

import io.aurora.scheduling.auth.Caller;
import java.util.Objects;
import org.apache.shiro.authz.Authorizer;
import org.apache.shiro.subject.PrincipalCollection;

/**
 * A caller whose credentials a Shiro realm accepted; permissions are matched by the realms'
 * authorizer, that is Shiro's {@code WildcardPermission} for the INI realm ({@code *} implies
 * everything, {@code a:b} implies {@code a:b:c:d}, parts compare without case).
 */
final class ShiroCaller implements Caller {
  private final PrincipalCollection principals;
  private final Authorizer authorizer;

  ShiroCaller(PrincipalCollection principals, Authorizer authorizer) {
    this.principals = Objects.requireNonNull(principals, "principals");
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
  }

  @Override
  public String name() {
    return String.valueOf(principals.getPrimaryPrincipal());
  }

  @Override
  public boolean authenticated() {
    return true;
  }

  @Override
  public boolean isPermitted(String permission) {
    return authorizer.isPermitted(principals, permission);
  }

  @Override
  public String toString() {
    return "Caller[" + name() + "]";
  }
}
