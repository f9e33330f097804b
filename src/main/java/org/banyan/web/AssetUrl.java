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

  private final ObjectProvider<ResourceUrlProvider> urls;

  AssetUrl(ObjectProvider<ResourceUrlProvider> urls) {
    this.urls = urls;
  }

  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel path)) {
      throw new TemplateModelException("assetUrl takes one path");
    }
    String lookup = path.getAsString();
    String versioned = urls.getObject().getForLookupPath(lookup);
    return new SimpleScalar(versioned != null ? versioned : lookup);
  }
}
