package io.aurora.server.client.cli;

import java.lang.reflect.Constructor;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates picocli's command objects, handing the {@link ClientContext} to each command whose
 * constructor takes one; everything else (converters, mixins) comes from picocli's own factory.
 */
public final class CommandFactory implements IFactory {
  private final ClientContext context;
  private final IFactory fallback = CommandLine.defaultFactory();

  public CommandFactory(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == ClientContext.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(context));
      }
    }
    return fallback.create(type);
  }
}
