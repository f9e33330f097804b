package org.banyan.web;

import tools.jackson.core.JacksonException;

/** Where in a JSON request body Jackson found a problem, spelled as the API names fields. */
public final class JsonPaths {

  private JsonPaths() {}

  /** The field path of the problem, like {@code units[2].passMark}; empty when unknown. */
  public static String fieldOf(JacksonException problem) {
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference step : problem.getPath()) {
      if (step.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        field.append('[').append(step.getIndex()).append(']');
      }
    }
    return field.toString();
  }
}
