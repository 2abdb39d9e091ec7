package org.anju.documents;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the S3-compatible object store is and how long Anju waits for it ({@code anju.documents.s3.*}). Bound
 * only when {@code anju.documents.store=s3}, so that a node on the file system needs none of it.
 *
 * @param endpoint the store's URL, e.g. {@code http://minio.internal:9000}
 * @param region the signing region; S3-compatible stores accept {@code us-east-1} unless they were set up
 *     with another
 * @param prefix the folder of the bucket that holds the documents; empty for the bucket's root
 * @param accessKey with {@code secretKey}, the store's credentials; both empty: the SDK's default chain
 *     (environment, system properties, profile file, container or instance role)
 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: MinIO, Ceph and
 *     most on-premise stores have no DNS name per bucket
 * @param connectTimeout opening a connection, and waiting for a free one in the pool
 * @param readTimeout the longest silence while a response, or a download's body, is read
 * @param callTimeout a whole call, all attempts included, up to the response's headers: bounds an upload
 *     that a store stopped reading
 * @param maxAttempts attempts of one call, the first included
 */
@ConfigurationProperties("anju.documents.s3")
record S3StoreSettings(
    URI endpoint,
    @DefaultValue("us-east-1") String region,
    String bucket,
    @DefaultValue("documents") String prefix,
    String accessKey,
    String secretKey,
    @DefaultValue("true") boolean pathStyle,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("60s") Duration callTimeout,
    @DefaultValue("3") int maxAttempts) {

  // checked here rather than by bean validation so that a test building the settings by hand gets the same
  // refusal as a node starting up; the message names the property a province has to set
  S3StoreSettings {
    if (endpoint == null) {
      throw new IllegalArgumentException(
          "anju.documents.s3.endpoint is not set: the URL of the object store, e.g. http://minio.internal:9000");
    }
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          "anju.documents.s3.bucket is not set: the bucket that holds the household file's documents");
    }
    if (blank(accessKey) != blank(secretKey)) {
      throw new IllegalArgumentException("anju.documents.s3." + (blank(accessKey) ? "access-key" : "secret-key")
          + " is not set: give both keys, or neither to use the default credentials chain");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("anju.documents.s3.max-attempts must be at least 1, not " + maxAttempts);
    }
    requirePositive("connect-timeout", connectTimeout);
    requirePositive("read-timeout", readTimeout);
    requirePositive("call-timeout", callTimeout);
    prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
  }

  boolean hasKeys() {
    return !blank(accessKey);
  }

  /** Without the secret key: settings end up in logs and failure reports. */
  @Override
  public String toString() {
    return "S3StoreSettings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix="
        + prefix + ", accessKey=" + accessKey + ", secretKey=" + (blank(secretKey) ? "" : "***") + ", pathStyle="
        + pathStyle + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout="
        + callTimeout + ", maxAttempts=" + maxAttempts + "]";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("anju.documents.s3." + name + " must be positive, not " + value);
    }
  }
}
