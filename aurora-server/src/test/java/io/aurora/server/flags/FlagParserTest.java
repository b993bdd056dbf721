package io.aurora.server.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class FlagParserTest {
  enum Color { RED, GREEN }

  static final class Sample implements FlagGroup {
    @Option(names = "-count", defaultValue = "3", description = "A count.") int count;
    @Option(names = "-verbose", arity = "0..1", defaultValue = "false", description = "Talk.") boolean verbose;
    @Option(names = "-timeout", defaultValue = "5secs", description = "A timeout.") Duration timeout;
    @Option(names = "-size", defaultValue = "1MB", description = "A size.") DataSize size;
    @Option(names = "-hosts", split = ",", description = "Hosts.") List<String> hosts;
    @Option(names = "-colors", split = ",", defaultValue = "RED", description = "Colors.") List<Color> colors;
    @Option(names = "-name", required = true, description = "A name.") String name;
    @Secret @Option(names = "-password", description = "A secret.") String password;

    @Override
    public String title() {
      return "Sample";
    }
  }

  static final class Root {
    @Mixin Sample sample = new Sample();
  }

  private final FlagParser parser = new FlagParser("Other");

  private Sample parsed(String... args) {
    Root root = new Root();
    ParseResult result = parser.parse(root, args);
    assertThat(result).as(String.join(" ", args)).isInstanceOf(ParseResult.Parsed.class);
    return root.sample;
  }

  private String error(String... args) {
    ParseResult result = parser.parse(new Root(), args);
    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    return ((ParseResult.Invalid) result).message();
  }

  @Test
  void defaults_applyWhenFlagsAreAbsent() {
    Sample s = parsed("-name=x");
    assertThat(s.count).isEqualTo(3);
    assertThat(s.verbose).isFalse();
    assertThat(s.timeout).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.size.bytes()).isEqualTo(1L << 20);
    assertThat(s.hosts).isNull();
    assertThat(s.colors).containsExactly(Color.RED);
  }

  @Test
  void values_areAcceptedWithEqualsOrAsNextArgument() {
    assertThat(parsed("-name=x", "-count=7").count).isEqualTo(7);
    assertThat(parsed("-name", "x", "-count", "8").count).isEqualTo(8);
    assertThat(parsed("-name=x", "-timeout", "21days").timeout).isEqualTo(Duration.ofDays(21));
  }

  @Test
  void booleans_acceptBareFlagAndExplicitValues() {
    assertThat(parsed("-name=x", "-verbose").verbose).isTrue();
    assertThat(parsed("-name=x", "-verbose=true").verbose).isTrue();
    assertThat(parsed("-name=x", "-verbose=false").verbose).isFalse();
    assertThat(parsed("-verbose", "-name=x").verbose).isTrue();
  }

  @Test
  void lists_splitOnCommas() {
    Sample s = parsed("-name=x", "-hosts=a:1,b:2", "-colors=green,RED");
    assertThat(s.hosts).containsExactly("a:1", "b:2");
    assertThat(s.colors).containsExactly(Color.GREEN, Color.RED);
  }

  @Test
  void laterOccurrence_overridesEarlier() {
    assertThat(parsed("-name=x", "-count=1", "-count=2").count).isEqualTo(2);
  }

  @Test
  void unknownFlag_isNamedWithSuggestion_evenWhenRequiredFlagsAreMissing() {
    assertThat(error("-no_such_flag")).isEqualTo("unknown flag -no_such_flag (run with -help to list every flag)");
    assertThat(error("-name=x", "-coutn=3")).startsWith("unknown flag -coutn; did you mean -count?");
  }

  @Test
  void positionalArgument_isRejected() {
    assertThat(error("-name=x", "stray")).startsWith("unexpected argument 'stray'");
  }

  @Test
  void malformedValues_nameTheFlagAndTheExpectedForm() {
    assertThat(error("-name=x", "-count=abc")).isEqualTo("flag -count: expected an integer, got 'abc'");
    assertThat(error("-name=x", "-timeout=5parsecs"))
        .isEqualTo("flag -timeout: expected " + DurationFormat.EXPECTED + ", got '5parsecs'");
    assertThat(error("-name=x", "-size=1XB")).isEqualTo("flag -size: expected " + DataSize.EXPECTED + ", got '1XB'");
    assertThat(error("-name=x", "-verbose=maybe")).isEqualTo("flag -verbose: expected true or false, got 'maybe'");
    assertThat(error("-name=x", "-colors=BLUE")).contains("-colors").contains("RED, GREEN");
  }

  @Test
  void missingValue_andMissingRequiredFlag_areNamed() {
    assertThat(error("-name=x", "-count")).isEqualTo("flag -count needs a value: expected an integer");
    assertThat(error("-count=1")).isEqualTo("missing required flag -name (run with -help to list every flag)");
  }

  @Test
  void help_isRecognisedInAllSpellings_andSkipsRequiredChecks() {
    for (String help : new String[] {"-help", "-h", "--help"}) {
      assertThat(parser.parse(new Root(), help)).isInstanceOf(ParseResult.HelpRequested.class);
    }
  }

  @Test
  void flagSet_listsDefinitionsAndCurrentValues_redactingSecrets() {
    Root root = new Root();
    ParseResult result = parser.parse(root, "-name=x", "-timeout=90secs", "-password=hunter2", "-hosts=a,b");
    FlagSet flags = ((ParseResult.Parsed) result).flags();
    assertThat(flags.groups()).containsExactly("Sample");
    assertThat(flags.definitions()).extracting(FlagDefinition::name)
        .containsExactly("-count", "-verbose", "-timeout", "-size", "-hosts", "-colors", "-name", "-password");
    assertThat(flags.values())
        .containsEntry("-timeout", "90secs")
        .containsEntry("-size", "1MB")
        .containsEntry("-hosts", "a,b")
        .containsEntry("-name", "x")
        .containsEntry("-password", FlagSet.REDACTED)
        .doesNotContainValue("hunter2");
    FlagDefinition name = flags.definitions().get(6);
    assertThat(name.required()).isTrue();
    assertThat(name.defaultText()).isEqualTo("required");
    assertThat(flags.definitions().get(2).defaultText()).isEqualTo("5secs");
    assertThat(flags.definitions().get(1).usage()).isEqualTo("-verbose[=<bool>]");
  }

  @Test
  void atFiles_areNotExpanded() {
    assertThat(error("-name=x", "@/etc/passwd")).startsWith("unexpected argument '@/etc/passwd'");
  }
}
