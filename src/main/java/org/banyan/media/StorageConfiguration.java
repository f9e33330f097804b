package org.banyan.media;

import java.nio.file.Path;
import java.util.List;
import org.banyan.web.CatalogSettings;
import org.banyan.web.PublicPaths;
import org.banyan.web.UploadPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageSettings.class)
class StorageConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

  @Bean
  BlobStore blobStore(StorageSettings settings, @Value("${banyan.data-dir}") Path dataDir) {
    Path incoming = dataDir.resolve("tmp");
    return switch (settings.type().trim().toLowerCase(java.util.Locale.ROOT)) {
      case "filesystem" -> {
        Path folder =
            settings.folder() == null || settings.folder().isBlank()
                ? dataDir.resolve("blobs")
                : Path.of(settings.folder().strip());
        log.info("Uploaded files are kept in {}", folder.toAbsolutePath());
        yield new FilesystemBlobStore(folder);
      }
      case "minio" -> {
        StorageSettings.Minio minio = settings.minio();
        if (minio.endpoint() == null || minio.accessKey() == null || minio.secretKey() == null) {
          throw new IllegalStateException(
              "BANYAN_STORAGE_TYPE=minio needs BANYAN_STORAGE_MINIO_ENDPOINT, _ACCESS_KEY and"
                  + " _SECRET_KEY");
        }
        log.info("Uploaded files are kept in bucket '{}' at {}", minio.bucket(), minio.endpoint());
        yield new MinioBlobStore(
            minio.endpoint(), minio.accessKey(), minio.secretKey(), minio.bucket(), incoming);
      }
      default ->
          throw new IllegalStateException(
              "Unknown BANYAN_STORAGE_TYPE '" + settings.type() + "': use filesystem or minio");
    };
  }

  /**
   * Files are part of the catalog: open only when it is, and even then a visitor gets only those a
   * published item uses (see {@link MediaDownloads}).
   */
  @Bean
  PublicPaths mediaPublicPaths(CatalogSettings catalog) {
    return catalog.publicPaths(List.of("/media/**"), List.of());
  }

  @Bean
  UploadPaths mediaUploadPaths() {
    return new UploadPaths(List.of("/api/v1/media"));
  }

  @Bean
  HealthIndicator blobStoreHealthIndicator(BlobStore store) {
    return () ->
        (store.available() ? Health.up() : Health.down()).withDetail("kind", store.kind()).build();
  }
}
