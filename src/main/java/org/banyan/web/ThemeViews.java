package org.banyan.web;

import freemarker.template.Configuration;
import java.util.Locale;
import org.springframework.boot.freemarker.autoconfigure.FreeMarkerProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.AbstractUrlBasedView;
import org.springframework.web.servlet.view.freemarker.FreeMarkerView;
import org.springframework.web.servlet.view.freemarker.FreeMarkerViewResolver;

/**
 * The pages of a theme the site does not show: the same view settings as the site's own resolver,
 * over that theme's template chain.
 */
final class ThemeViews {

  private final FreeMarkerViewResolver resolver;

  ThemeViews(Configuration templates, FreeMarkerProperties settings, ApplicationContext context) {
    this.resolver =
        new FreeMarkerViewResolver() {
          @Override
          protected AbstractUrlBasedView instantiateView() {
            FreeMarkerView view = new FreeMarkerView();
            view.setConfiguration(templates);
            return view;
          }
        };
    settings.applyToMvcViewResolver(resolver);
    resolver.setApplicationContext(context);
  }

  View view(String template, Locale locale) {
    try {
      View view = resolver.resolveViewName(template, locale);
      if (view == null) {
        throw new IllegalStateException("No template " + template);
      }
      return view;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot make the view " + template, e);
    }
  }
}
