package org.banyan.content;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminContentPages {

  private final ContentImporter importer;
  private final ContentExporter exporter;
  private final ContentFolder folder;

  AdminContentPages(ContentImporter importer, ContentExporter exporter, ContentFolder folder) {
    this.importer = importer;
    this.exporter = exporter;
    this.folder = folder;
  }

  @GetMapping("/admin/content/export")
  void export(jakarta.servlet.http.HttpServletResponse response) throws IOException {
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", "attachment; filename=\"banyan-content.zip\"");
    exporter.writeZip(response.getOutputStream());
  }

  @GetMapping("/admin/content")
  String page(Model model) {
    model.addAttribute("folder", folder.describe());
    return "authoring/admin-content";
  }

  @PostMapping("/admin/content/import")
  String importContent(
      @RequestParam(required = false) MultipartFile file, Principal principal, Model model)
      throws IOException {
    ImportReport report;
    if (file == null || file.isEmpty()) {
      report = importer.importFolder(principal.getName());
    } else {
      try (InputStream in = file.getInputStream()) {
        report = importer.importZip(principal.getName(), in);
      } catch (ZipRefused e) {
        model.addAttribute("folder", folder.describe());
        model.addAttribute("violations", e.violations());
        return "authoring/admin-content";
      }
    }
    model.addAttribute("folder", folder.describe());
    model.addAttribute("report", report);
    return "authoring/admin-content";
  }
}
