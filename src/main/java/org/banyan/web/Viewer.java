package org.banyan.web;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code viewer} in templates: who is looking at the page. {@code viewer.signedIn}, {@code
 * viewer.username} and {@code viewer.hasRole("ADMIN")}, read from the current request's security
 * context so that every page, error pages included, shows the right navigation.
 */
final class Viewer implements TemplateHashModel {

  @Override
  public TemplateModel get(String key) {
    return switch (key) {
      case "signedIn" -> current() != null ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
      case "username" -> new SimpleScalar(current() == null ? "" : current().getName());
      case "hasRole" -> (TemplateMethodModelEx) this::hasRole;
      default -> null;
    };
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  private Object hasRole(@SuppressWarnings("rawtypes") List arguments)
      throws TemplateModelException {
    if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel role)) {
      throw new TemplateModelException("viewer.hasRole takes one role name");
    }
    Authentication authentication = current();
    if (authentication == null) {
      return TemplateBooleanModel.FALSE;
    }
    String wanted = "ROLE_" + role.getAsString();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      if (wanted.equals(authority.getAuthority())) {
        return TemplateBooleanModel.TRUE;
      }
    }
    return TemplateBooleanModel.FALSE;
  }

  private static Authentication current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication;
  }
}
