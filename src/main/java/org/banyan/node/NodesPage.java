package org.banyan.node;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.banyan.content.CatalogChanges;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The administrators' view of the nodes: each one's state, journal position and lag. */
@Controller
class NodesPage {

  /** The nodes as the API gives them, with the journal's head they are measured against. */
  record NodesAnswer(long journalHead, List<NodeView> nodes) {}

  private final Nodes nodes;
  private final CatalogChanges changes;
  private final Clock clock;

  NodesPage(Nodes nodes, CatalogChanges changes, Clock clock) {
    this.nodes = nodes;
    this.changes = changes;
    this.clock = clock;
  }

  @GetMapping("/admin/nodes")
  String page(Model model) {
    model.addAttribute("journalHead", changes.head());
    model.addAttribute("nodes", nodes.list());
    model.addAttribute("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    return "node/nodes";
  }

  @GetMapping("/api/v1/admin/nodes")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseBody
  NodesAnswer api() {
    long head = changes.head();
    return new NodesAnswer(head, nodes.list());
  }
}
