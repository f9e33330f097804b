package org.banyan.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  private final ObjectProvider<HomeCourses> courses;
  private final CatalogSettings catalog;

  HomeController(ObjectProvider<HomeCourses> courses, CatalogSettings catalog) {
    this.courses = courses;
    this.catalog = catalog;
  }

  /** The home page; it lists the courses by grade band to whoever may read the catalog. */
  @GetMapping("/")
  String home(Model model, Locale locale, Principal principal) {
    HomeCourses found = courses.getIfAvailable();
    boolean readable = catalog.publicAccess() || principal != null;
    model.addAttribute(
        "courseBands", found == null || !readable ? List.of() : found.byGradeBand(locale));
    return "home";
  }
}
