package org.banyan.content;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class AdminContentApi {

  private final ContentImporter importer;
  private final ContentExporter exporter;

  AdminContentApi(ContentImporter importer, ContentExporter exporter) {
    this.importer = importer;
    this.exporter = exporter;
  }

  /** Imports an uploaded zip in the export format, or with no file the content/ folder again. */
  @PostMapping("/api/v1/admin/import")
  @PreAuthorize("hasRole('ADMIN')")
  ImportReport importContent(
      @RequestParam(required = false) MultipartFile file, Principal principal) throws IOException {
    if (file == null || file.isEmpty()) {
      return importer.importFolder(principal.getName());
    }
    try (InputStream in = file.getInputStream()) {
      return importer.importZip(principal.getName(), in);
    }
  }

  @GetMapping("/api/v1/admin/export")
  @PreAuthorize("hasRole('ADMIN')")
  void export(HttpServletResponse response) throws IOException {
    response.setContentType("application/zip");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"banyan-content.zip\"");
    exporter.writeZip(response.getOutputStream());
  }
}
