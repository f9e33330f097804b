package org.banyan.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded files go ({@code BANYAN_STORAGE_TYPE}: {@code filesystem} or {@code minio}) and
 * how large one may be. For {@code filesystem}, {@code BANYAN_STORAGE_FOLDER} names the folder (one
 * every node mounts, when there are several); by default {@code blobs} in the data folder.
 */
@ConfigurationProperties("banyan.storage")
record StorageSettings(
    @DefaultValue("filesystem") String type,
    @DefaultValue Minio minio,
    @DefaultValue("50MB") DataSize maxFileSize,
    String folder) {

  /** The S3 server, for {@code type=minio} ({@code BANYAN_STORAGE_MINIO_*}). */
  record Minio(
      String endpoint, String accessKey, String secretKey, @DefaultValue("banyan") String bucket) {}
}
