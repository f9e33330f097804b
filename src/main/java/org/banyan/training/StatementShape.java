package org.banyan.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.banyan.content.ModuleContent;
import org.banyan.content.UnitType;

/**
 * The xAPI 1.0.3 shape of a statement in the training record: who (an account on this deployment),
 * did what (an ADL verb), to which module or unit (activities with IRIs under the deployment's base
 * URL), with what result, in which context. Only the shape: storing is {@link Statements}'.
 */
final class StatementShape {

  private final String base;

  StatementShape(String base) {
    this.base = base;
  }

  String moduleIri(Statements.ModuleRef module) {
    return base + "/training/modules/" + module.lang() + "/" + module.slug();
  }

  String unitIri(Statements.ModuleRef module, String unitId) {
    return moduleIri(module) + "/units/" + unitId;
  }

  String extensionIri(String name) {
    return base + "/xapi/extensions/" + name;
  }

  /** The whole statement, in the order the specification lists its properties. */
  Map<String, Object> statement(
      UUID id,
      String username,
      String name,
      Statements.Verb verb,
      String objectIri,
      Statements.ModuleRef module,
      ModuleContent.Unit unit,
      Statements.Result result,
      String stamp) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("id", id.toString());
    statement.put("actor", actor(username, name));
    statement.put("verb", Map.of("id", verb.iri(), "display", Map.of("en-US", verb.display())));
    statement.put("object", activity(objectIri, module, unit));
    Map<String, Object> resultJson = result == null ? null : result(result);
    if (resultJson != null && !resultJson.isEmpty()) {
      statement.put("result", resultJson);
    }
    statement.put("context", context(module, unit));
    statement.put("timestamp", stamp);
    statement.put("stored", stamp);
    statement.put("version", Statements.VERSION);
    return statement;
  }

  private Map<String, Object> actor(String username, String name) {
    Map<String, Object> actor = new LinkedHashMap<>();
    actor.put("objectType", "Agent");
    actor.put("name", name);
    actor.put("account", Map.of("homePage", base, "name", username));
    return actor;
  }

  private Map<String, Object> activity(
      String iri, Statements.ModuleRef module, ModuleContent.Unit unit) {
    Map<String, Object> definition = new LinkedHashMap<>();
    String title = unit == null ? module.title() : unit.title();
    definition.put("name", Map.of(module.lang(), title == null ? "" : title));
    definition.put("type", activityType(unit));
    if (unit != null && unit.type() == UnitType.REFLECTION) {
      definition.put("interactionType", "long-fill-in");
    }
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("objectType", "Activity");
    activity.put("id", iri);
    activity.put("definition", definition);
    return activity;
  }

  private static String activityType(ModuleContent.Unit unit) {
    String type =
        unit == null
            ? "module"
            : switch (unit.type()) {
              case QUIZ -> "assessment";
              case MEDIA -> "media";
              case REFLECTION -> "interaction";
              case PRACTICE -> "performance";
              case READING -> "lesson";
            };
    return "http://adlnet.gov/expapi/activities/" + type;
  }

  private Map<String, Object> context(Statements.ModuleRef module, ModuleContent.Unit unit) {
    Map<String, Object> context = new LinkedHashMap<>();
    if (unit != null) {
      context.put(
          "contextActivities",
          Map.of("parent", List.of(Map.of("objectType", "Activity", "id", moduleIri(module)))));
    }
    context.put("platform", "Banyan");
    context.put("language", module.lang());
    context.put("extensions", Map.of(extensionIri("revision"), module.revision()));
    return context;
  }

  private Map<String, Object> result(Statements.Result result) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (result.raw() != null && result.max() != null) {
      Map<String, Object> score = new LinkedHashMap<>();
      score.put("scaled", scaled(result));
      score.put("raw", result.raw());
      score.put("min", 0);
      score.put("max", result.max());
      out.put("score", score);
    }
    if (result.success() != null) {
      out.put("success", result.success());
    }
    if (result.completion() != null) {
      out.put("completion", result.completion());
    }
    if (result.response() != null) {
      out.put("response", result.response());
    }
    if (result.extensions() != null && !result.extensions().isEmpty()) {
      Map<String, Object> extensions = new LinkedHashMap<>();
      result.extensions().forEach((name, value) -> extensions.put(extensionIri(name), value));
      out.put("extensions", extensions);
    }
    return out;
  }

  static Double scaled(Statements.Result result) {
    if (result.raw() == null || result.max() == null || result.max() == 0) {
      return null;
    }
    return Math.round(10000.0 * result.raw() / result.max()) / 10000.0;
  }
}
