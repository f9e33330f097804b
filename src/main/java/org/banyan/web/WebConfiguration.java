package org.banyan.web;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.freemarker.autoconfigure.FreeMarkerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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

  WebConfiguration(ThemeSettings settings) {
    this.themes = new ThemeChain(settings);
    log.info("Theme lookup order: {}", themes.names());
  }

  @Bean
  FreeMarkerConfigurer freeMarkerConfigurer(
      FreeMarkerProperties properties, ObjectProvider<ResourceUrlProvider> urls)
      throws IOException {
    FreeMarkerConfigurer configurer = new FreeMarkerConfigurer();
    configurer.setTemplateLoaderPaths(themes.templateLocations());
    configurer.setDefaultEncoding("UTF-8");
    configurer.setPreferFileSystemAccess(properties.isPreferFileSystemAccess());
    Properties settings = new Properties();
    settings.putAll(properties.getSettings());
    configurer.setFreemarkerSettings(settings);
    configurer.setFreemarkerVariables(
        Map.of("assetUrl", new AssetUrl(urls), "viewer", new Viewer()));
    return configurer;
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
    registry
        .addResourceHandler("/theme/**")
        .addResourceLocations(themes.staticLocations())
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
