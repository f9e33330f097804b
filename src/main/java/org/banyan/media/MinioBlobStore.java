package org.banyan.media;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Blobs in a bucket of MinIO or any S3 server, through the MinIO Java SDK. The bucket is created
 * the first time it is needed; while the server is down every call answers {@link
 * BlobStoreUnavailable} and the next call after it comes back simply works.
 */
final class MinioBlobStore implements BlobStore {

  private final MinioClient client;
  private final String bucket;
  private final String endpoint;
  private final Path incoming;
  private volatile boolean bucketReady;

  MinioBlobStore(
      String endpoint, String accessKey, String secretKey, String bucket, Path incoming) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(3, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            .writeTimeout(60, TimeUnit.SECONDS)
            .retryOnConnectionFailure(false)
            .build();
    this.client =
        MinioClient.builder()
            .endpoint(endpoint)
            .credentials(accessKey, secretKey)
            .httpClient(http)
            .build();
    this.bucket = bucket;
    this.endpoint = endpoint.replaceAll("/+$", "");
    this.incoming = incoming;
  }

  @Override
  public String put(InputStream data, String contentType) {
    try (StagedFile staged = StagedFile.stage(data, incoming)) {
      String key = staged.sha256();
      ensureBucket();
      if (size(key).isPresent()) {
        return key;
      }
      try {
        upload(staged.path(), key, contentType);
      } catch (ErrorResponseException e) {
        if (!"NoSuchBucket".equals(e.errorResponse().code())) {
          throw e;
        }
        bucketReady = false;
        ensureBucket();
        upload(staged.path(), key, contentType);
      }
      return key;
    } catch (BlobStoreUnavailable e) {
      throw e;
    } catch (Exception e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  private void upload(Path file, String key, String contentType) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      client.putObject(
          PutObjectArgs.builder().bucket(bucket).object(key).stream(in, Files.size(file), -1)
              .contentType(contentType)
              .build());
    }
  }

  @Override
  public Optional<Long> size(String key) {
    if (!Sha256.isKey(key)) {
      return Optional.empty();
    }
    try {
      ensureBucket();
      return Optional.of(
          client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size());
    } catch (ErrorResponseException e) {
      if (isMissing(e)) {
        return Optional.empty();
      }
      if ("NoSuchBucket".equals(e.errorResponse().code())) {
        bucketReady = false;
        return Optional.empty();
      }
      throw BlobStoreUnavailable.because(e);
    } catch (BlobStoreUnavailable e) {
      throw e;
    } catch (Exception e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  @Override
  public InputStream read(String key, long offset, long length) {
    if (size(key).isEmpty()) {
      throw BlobNotFound.forKey(key);
    }
    try {
      GetObjectArgs.Builder args =
          GetObjectArgs.builder().bucket(bucket).object(key).offset(offset);
      if (length >= 0) {
        args.length(length);
      }
      return client.getObject(args.build());
    } catch (Exception e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  @Override
  public void delete(String key) {
    if (!Sha256.isKey(key)) {
      return;
    }
    try {
      ensureBucket();
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (BlobStoreUnavailable e) {
      throw e;
    } catch (Exception e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  @Override
  public Optional<URI> presignedGet(String key, Duration validFor) {
    try {
      String url =
          client.getPresignedObjectUrl(
              GetPresignedObjectUrlArgs.builder()
                  .method(Method.GET)
                  .bucket(bucket)
                  .object(key)
                  .expiry((int) validFor.toSeconds())
                  .build());
      return Optional.of(URI.create(url));
    } catch (Exception e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  @Override
  public boolean available() {
    try {
      ensureBucket();
      return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public String kind() {
    return "minio";
  }

  @Override
  public String identity() {
    return "s3:" + endpoint + "/" + bucket;
  }

  @Override
  public String describe() {
    return "bucket '" + bucket + "' at " + endpoint;
  }

  private void ensureBucket() {
    if (bucketReady) {
      return;
    }
    try {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
      bucketReady = true;
    } catch (ErrorResponseException e) {
      if ("BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
        bucketReady = true;
        return;
      }
      throw BlobStoreUnavailable.because(e);
    } catch (Exception e) {
      throw BlobStoreUnavailable.because(e);
    }
  }

  private static boolean isMissing(ErrorResponseException e) {
    String code = e.errorResponse().code();
    return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code);
  }
}
