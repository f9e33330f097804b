package org.banyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page's form, its fields as a browser would send them, for tests that post it back. */
public final class FormFields {

  private FormFields() {}

  /** The fields of the form with id {@code formId}, in page order; unticked boxes left out. */
  public static List<Map.Entry<String, String>> of(Document page, String formId) {
    Element form = page.getElementById(formId);
    assertThat(form).as(page.title()).isNotNull();
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (Element e : form.select("input[name], select[name], textarea[name]")) {
      String name = e.attr("name");
      switch (e.tagName()) {
        case "textarea" -> fields.add(Map.entry(name, e.wholeText()));
        case "select" -> {
          Element chosen = e.selectFirst("option[selected]");
          if (chosen == null) {
            chosen = e.selectFirst("option");
          }
          fields.add(Map.entry(name, chosen == null ? "" : chosen.attr("value")));
        }
        default -> {
          String type = e.attr("type");
          if (type.equals("file") || (type.equals("checkbox") && !e.hasAttr("checked"))) {
            continue;
          }
          fields.add(Map.entry(name, e.attr("value")));
        }
      }
    }
    return fields;
  }

  /** The fields with {@code name} set to {@code value} (added when the form has no such field). */
  public static List<Map.Entry<String, String>> with(
      List<Map.Entry<String, String>> fields, String name, String value) {
    List<Map.Entry<String, String>> changed = new ArrayList<>();
    boolean found = false;
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equals(name) && !found) {
        changed.add(Map.entry(name, value));
        found = true;
      } else if (!f.getKey().equals(name)) {
        changed.add(f);
      }
    }
    if (!found) {
      changed.add(Map.entry(name, value));
    }
    return changed;
  }

  /** The fields and one more. */
  public static List<Map.Entry<String, String>> plus(
      List<Map.Entry<String, String>> fields, String name, String value) {
    List<Map.Entry<String, String>> changed = new ArrayList<>(fields);
    changed.add(Map.entry(name, value));
    return changed;
  }
}
