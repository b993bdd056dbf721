package io.aurora.server.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A top-level type's simple name is used by no other top-level type of the project. */
final class UniqueSimpleNames extends ArchCondition<JavaClass> {
  private Map<String, List<String>> namesToClasses = Map.of();

  UniqueSimpleNames() {
    super("have a simple name that no other top-level class has");
  }

  @Override
  public void init(Collection<JavaClass> all) {
    namesToClasses = all.stream().collect(Collectors.groupingBy(JavaClass::getSimpleName,
        TreeMap::new, Collectors.mapping(JavaClass::getName, Collectors.toList())));
  }

  @Override
  public void check(JavaClass type, ConditionEvents events) {
    List<String> twins = namesToClasses.getOrDefault(type.getSimpleName(), List.of()).stream()
        .filter(name -> !name.equals(type.getName()))
        .sorted()
        .toList();
    String message = type.getName() + " shares its simple name with " + String.join(", ", twins);
    events.add(new SimpleConditionEvent(type, twins.isEmpty(), message));
  }
}
