package org.banyan.web;

import freemarker.template.TemplateException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.freemarker.autoconfigure.FreeMarkerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ThemeSettings.class, CatalogSettings.class})
class WebConfiguration implements WebMvcConfigurer {

  /** Query parameter of the language switch: {@code ?locale=en}. */
  static final String LOCALE_PARAMETER = "locale";

  private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

  private final ThemeChain themes;

  /** The themes the site does not show, which authors may preview in: by name. */
  private final Map<String, ThemeChain> others = new TreeMap<>();

  WebConfiguration(ThemeSettings settings) {
    this.themes = new ThemeChain(settings);
    log.info("Theme lookup order: {}", themes.names());
    for (String name : Themes.discover(settings.themesDir())) {
      if (!name.equals(settings.theme())) {
        try {
          others.put(name, new ThemeChain(settings.themesDir(), name));
        } catch (RuntimeException e) {
          log.warn("Theme '{}' is left out of previews: {}", name, e.getMessage());
        }
      }
    }
    log.info("Other themes authors may preview in: {}", others.keySet());
  }

  @Bean
  FreeMarkerConfigurer freeMarkerConfigurer(
      FreeMarkerProperties properties, ObjectProvider<ResourceUrlProvider> urls)
      throws IOException {
    return configurer(themes, properties, new AssetUrl(urls));
  }

  /** Every theme, and the pages of those the site does not show, for previews. */
  @Bean
  Themes themes(
      ThemeSettings settings,
      FreeMarkerProperties properties,
      ObjectProvider<ResourceUrlProvider> urls,
      ApplicationContext context)
      throws IOException, TemplateException {
    Map<String, Themes.Theme> all = new LinkedHashMap<>();
    all.put(settings.theme(), new Themes.Theme(settings.theme(), themes.label()));
    Map<String, ThemeViews> views = new LinkedHashMap<>();
    for (Map.Entry<String, ThemeChain> other : others.entrySet()) {
      String name = other.getKey();
      FreeMarkerConfigurer configurer =
          configurer(other.getValue(), properties, new AssetUrl(urls, otherRoot(name)));
      configurer.afterPropertiesSet();
      views.put(name, new ThemeViews(configurer.getConfiguration(), properties, context));
      all.put(name, new Themes.Theme(name, other.getValue().label()));
    }
    return new Themes(settings.theme(), all, views);
  }

  private static FreeMarkerConfigurer configurer(
      ThemeChain chain, FreeMarkerProperties properties, AssetUrl assets) {
    FreeMarkerConfigurer configurer = new FreeMarkerConfigurer();
    configurer.setTemplateLoaderPaths(chain.templateLocations());
    configurer.setDefaultEncoding("UTF-8");
    configurer.setPreferFileSystemAccess(properties.isPreferFileSystemAccess());
    Properties settings = new Properties();
    settings.putAll(properties.getSettings());
    configurer.setFreemarkerSettings(settings);
    configurer.setFreemarkerVariables(
        Map.of("assetUrl", assets, "viewer", new Viewer(), "languageLink", new LanguageLink()));
    return configurer;
  }

  /** Where another theme's files are served, for previews in it. */
  private static String otherRoot(String name) {
    return "/themes/" + name + "/";
  }

  /** Before Spring Security, so that an oversized body costs no password check. */
  @Bean
  FilterRegistrationBean<JsonBodyLimit> jsonBodyLimit(JsonErrors errors) {
    FilterRegistrationBean<JsonBodyLimit> registration =
        new FilterRegistrationBean<>(new JsonBodyLimit(errors));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  LocaleResolver localeResolver() {
    return new LanguageCookieResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
    languageSwitch.setParamName(LOCALE_PARAMETER);
    languageSwitch.setIgnoreInvalidLocale(true);
    registry.addInterceptor(languageSwitch);
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    themeFiles(registry, "/theme/", themes);
    others.forEach((name, chain) -> themeFiles(registry, otherRoot(name), chain));
  }

  private static void themeFiles(ResourceHandlerRegistry registry, String root, ThemeChain chain) {
    registry
        .addResourceHandler(root + "**")
        .addResourceLocations(chain.staticLocations())
        .setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable())
        // The content hash in the file's name is its validator, so a revalidation gets a 304.
        .setEtagGenerator(
            resource ->
                resource instanceof HttpResource versioned
                    ? versioned.getResponseHeaders().getETag()
                    : null)
        .resourceChain(true)
        .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
  }
}
