package org.banyan.training;

import java.util.Map;
import org.banyan.content.ModulePreviews;
import org.banyan.content.PublishedItem;
import org.springframework.stereotype.Component;

/** A draft module in the player, for its author's preview: every unit, nothing done yet. */
@Component
class DraftModulePlayer implements ModulePreviews {

  private final ModuleViews views;
  private final TrainingTime time;

  DraftModulePlayer(ModuleViews views, TrainingTime time) {
    this.views = views;
    this.time = time;
  }

  @Override
  public Map<String, Object> player(PublishedItem draft) {
    return Map.of("module", views.preview(draft), "times", new DisplayTimes(time.zone()));
  }
}
