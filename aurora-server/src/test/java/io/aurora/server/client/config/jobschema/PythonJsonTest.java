package io.aurora.server.client.config.jobschema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** JSON as Python 2.7's json.dumps writes it (the values below are what Python prints). */
class PythonJsonTest {
  @Test
  void floats_asPythonsRepr() {
    assertThat(PythonJson.floatRepr(15.0)).isEqualTo("15.0");
    assertThat(PythonJson.floatRepr(0.25)).isEqualTo("0.25");
    assertThat(PythonJson.floatRepr(0.1)).isEqualTo("0.1");
    assertThat(PythonJson.floatRepr(0.0001)).isEqualTo("0.0001");
    assertThat(PythonJson.floatRepr(0.00001)).isEqualTo("1e-05");
    assertThat(PythonJson.floatRepr(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(PythonJson.floatRepr(1e15)).isEqualTo("1000000000000000.0");
    assertThat(PythonJson.floatRepr(1e16)).isEqualTo("1e+16");
    assertThat(PythonJson.floatRepr(1.25e22)).isEqualTo("1.25e+22");
    assertThat(PythonJson.floatRepr(10000000.0)).isEqualTo("10000000.0");
    assertThat(PythonJson.floatRepr(-2.5)).isEqualTo("-2.5");
    assertThat(PythonJson.floatRepr(0.0)).isEqualTo("0.0");
    assertThat(PythonJson.floatRepr(2.0 / 3)).isEqualTo("0.6666666666666666");
    assertThat(PythonJson.floatRepr(1e23)).isEqualTo("1e+23");
    assertThat(PythonJson.floatRepr(123456789.123)).isEqualTo("123456789.123");
  }

  @Test
  void separatorsAndEscapes() throws Exception {
    String json = "{\"a\": [1, 2.0, true, null], \"b\": {}, \"c\": [], "
        + "\"s\": \"q\\\" b\\\\ n\\n t\\t \\u0001 caf\\u00e9 \\ud83d\\ude00 / ~\"}";
    assertThat(PythonJson.dumps(new ObjectMapper().readTree(json))).isEqualTo(json);
  }
}
