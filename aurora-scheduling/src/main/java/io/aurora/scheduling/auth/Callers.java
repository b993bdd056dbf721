package io.aurora.scheduling.auth;

/** The callers that hold no credentials. */
public final class Callers {
  private Callers() {}

  /**
   * Everyone, while authentication is off ({@code -http_authentication_mechanism=NONE}): allowed
   * everything and recorded as {@code UNSECURE}, as Aurora records them.
   */
  public static final Caller UNSECURED = new Caller() {
    @Override
    public String name() {
      return "UNSECURE";
    }

    @Override
    public boolean authenticated() {
      return true;
    }

    @Override
    public boolean isPermitted(String permission) {
      return true;
    }

    @Override
    public String toString() {
      return "Caller[UNSECURE]";
    }
  };

  /** A caller without credentials while authentication is on: it may only read. */
  public static final Caller ANONYMOUS = new Caller() {
    @Override
    public String name() {
      return "anonymous";
    }

    @Override
    public boolean authenticated() {
      return false;
    }

    @Override
    public boolean isPermitted(String permission) {
      return false;
    }

    @Override
    public String toString() {
      return "Caller[anonymous]";
    }
  };
}
