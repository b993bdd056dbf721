package io.aurora.scheduling.thrift;

import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ResponseDetail;
import io.aurora.gen.Result;
import java.util.ArrayList;
import java.util.List;

/** Builders of {@link Response}s (serverInfo is added by the facade). */
public final class Responses {
  private Responses() {}

  /** OK with a result. */
  public static Response ok(Result result) {
    return new Response().setResponseCode(ResponseCode.OK).setResult(result)
        .setDetails(new ArrayList<>());
  }

  /** OK without a result, with optional messages. */
  public static Response ok(String... messages) {
    return withCode(ResponseCode.OK, messages);
  }

  /** A response with {@code code} and messages as details. */
  public static Response withCode(ResponseCode code, String... messages) {
    List<ResponseDetail> details = new ArrayList<>();
    for (String m : messages) {
      details.add(new ResponseDetail(m));
    }
    return new Response().setResponseCode(code).setDetails(details);
  }
}
