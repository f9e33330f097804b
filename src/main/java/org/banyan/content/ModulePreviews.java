package org.banyan.content;

import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A draft module as the training player will show it, which the training feature makes: content
 * asks through this, so that it never depends on training.
 */
@NamedInterface("previews")
public interface ModulePreviews {

  /** The template that shows a module to a teacher. */
  String TEMPLATE = "training/module";

  /** What {@link #TEMPLATE} needs to show {@code draft}, by model attribute name. */
  Map<String, Object> player(PublishedItem draft);
}
