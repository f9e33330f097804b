package org.banyan.web;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * {@code assetUrl("/theme/css/site.css")} in templates: the URL of a theme file with its content
 * hash, so it can be cached for a year and still change on the next release.
 */
final class AssetUrl implements TemplateMethodModelEx {

  /**
   * Where the theme's files are served: {@code /theme/}, or {@code /themes/<name>/} for another.
   */
  private final String root;

  private final ObjectProvider<ResourceUrlProvider> urls;

  AssetUrl(ObjectProvider<ResourceUrlProvider> urls) {
    this(urls, "/theme/");
  }

  AssetUrl(ObjectProvider<ResourceUrlProvider> urls, String root) {
    this.urls = urls;
    this.root = root;
  }

  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel path)) {
      throw new TemplateModelException("assetUrl takes one path");
    }
    String lookup = path.getAsString();
    if (lookup.startsWith("/theme/")) {
      lookup = root + lookup.substring("/theme/".length());
    }
    String versioned = urls.getObject().getForLookupPath(lookup);
    return new SimpleScalar(versioned != null ? versioned : lookup);
  }
}
