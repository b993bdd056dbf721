package io.aurora.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Basic credentials against the INI realm, and a fuzz of the header. */
class BasicAuthenticatorTest {
  private final BasicAuthenticator auth = SecurityFixtures.authenticator();

  private static String basic(String userColonPassword) {
    return basic(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static String basic(byte[] raw) {
    return "Basic " + Base64.getEncoder().encodeToString(raw);
  }

  @Test
  void goodCredentials_areAccepted_withTheUsersName() {
    Authentication a = auth.authenticate(basic("engineer:w0rk"));
    assertThat(a).isInstanceOf(Authentication.Accepted.class);
    assertThat(((Authentication.Accepted) a).caller().name()).isEqualTo("engineer");
    assertThat(((Authentication.Accepted) a).caller().authenticated()).isTrue();
    // The scheme is case-insensitive, as HTTP says; a password may contain colons.
    assertThat(auth.authenticate("basic " + basic("root:secret").substring(6)))
        .isInstanceOf(Authentication.Accepted.class);
  }

  @Test
  void wrongPassword_unknownUser_andEmptyUser_areRejected_withTheSameWords() {
    Authentication wrong = auth.authenticate(basic("engineer:nope"));
    Authentication unknown = auth.authenticate(basic("mallory:w0rk"));
    assertThat(wrong).isInstanceOf(Authentication.Rejected.class).isEqualTo(unknown);
    assertThat(((Authentication.Rejected) wrong).reason()).doesNotContain("nope", "engineer");
    assertThat(auth.authenticate(basic(":w0rk"))).isInstanceOf(Authentication.Rejected.class);
    assertThat(auth.authenticate(basic("engineer"))).isInstanceOf(Authentication.Rejected.class);
    assertThat(auth.authenticate("Basic")).isInstanceOf(Authentication.Rejected.class);
  }

  @Test
  void noHeader_orAnotherScheme_isAnonymous() {
    assertThat(auth.authenticate(null)).isInstanceOf(Authentication.Anonymous.class);
    assertThat(auth.authenticate("Bearer abc")).isInstanceOf(Authentication.Anonymous.class);
    assertThat(auth.authenticate("Negotiate YII=")).isInstanceOf(Authentication.Anonymous.class);
    assertThat(auth.authenticate("Basicx " + basic("root:secret").substring(6)))
        .isInstanceOf(Authentication.Anonymous.class);
  }

  @Test
  void malformedBase64_hugeValues_andNonUtf8Bytes_areRejected() {
    assertThat(auth.authenticate("Basic !!!not-base64***")).isInstanceOf(Authentication.Rejected.class);
    assertThat(auth.authenticate("Basic " + "A".repeat(1_000_000)))
        .isInstanceOf(Authentication.Rejected.class);
    byte[] latin1 = "r\u00f6ot:secret".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(auth.authenticate(basic(latin1))).isInstanceOf(Authentication.Rejected.class);
    assertThat(auth.authenticate(basic(new byte[] {(byte) 0xff, ':', (byte) 0xfe})))
        .isInstanceOf(Authentication.Rejected.class);
    assertThat(auth.authenticate("Basic \u00ff\u00fe")).isInstanceOf(Authentication.Rejected.class);
  }

  /** Seeded: a failure names its seed, and the same seed replays it. */
  @Test
  void randomHeaders_neverThrow_andNeverLogIn() {
    long seed = 20261207L;
    Random random = new Random(seed);
    for (int i = 0; i < 5_000; i++) {
      String header = randomHeader(random);
      Authentication a = auth.authenticate(header);
      assertThat(a).as("seed %d, header %d", seed, i).isNotInstanceOf(Authentication.Accepted.class);
    }
  }

  private static String randomHeader(Random random) {
    byte[] raw = new byte[random.nextInt(64)];
    random.nextBytes(raw);
    switch (random.nextInt(4)) {
      case 0:
        return basic(raw);   // valid base64 of random bytes (mostly not UTF-8)
      case 1:
        return "Basic " + new String(raw, StandardCharsets.ISO_8859_1);
      case 2:
        return basic("root:" + new String(raw, StandardCharsets.ISO_8859_1));
      default:
        return new String(raw, StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void iniProblems_areOneLineErrors_namingTheFlag_withoutPasswords() {
    assertThatThrownBy(() -> IniRealms.fromText("[main]\nx = y\n[users]\na = hunter2\n",
        IniRealms.DEFAULT_MATCHER, "-shiro_ini_path /etc/shiro.ini"))
        .hasMessage("-shiro_ini_path /etc/shiro.ini: section [main] is not supported; only "
            + "[users] and [roles] are read");
    assertThatThrownBy(() -> IniRealms.fromText("[roles]\nadmin = *\n", IniRealms.DEFAULT_MATCHER,
        "-shiro_ini_path x")).hasMessageContaining("no [users] section");
    assertThatThrownBy(() -> IniRealms.fromText(SecurityFixtures.INI, "com.example.Matcher", "x"))
        .hasMessageStartingWith("-shiro_credentials_matcher: unknown matcher com.example.Matcher");
    assertThatThrownBy(() -> IniRealms.fromFile(java.nio.file.Path.of("/no/such/shiro.ini"),
        IniRealms.DEFAULT_MATCHER))
        .hasMessage("-shiro_ini_path: cannot read /no/such/shiro.ini (NoSuchFileException)");
  }

  @Test
  void sha256Matcher_comparesHexDigestsOfThePassword() {
    // sha256("secret") in hex
    String ini = "[users]\nroot = 2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b, admin\n"
        + "[roles]\nadmin = *\n";
    BasicAuthenticator hashed = new BasicAuthenticator(IniRealms.fromText(ini,
        "org.apache.shiro.authc.credential.Sha256CredentialsMatcher", "test"));
    assertThat(hashed.authenticate(basic("root:secret"))).isInstanceOf(Authentication.Accepted.class);
    assertThat(hashed.authenticate(basic("root:2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b")))
        .isInstanceOf(Authentication.Rejected.class);
  }
}
