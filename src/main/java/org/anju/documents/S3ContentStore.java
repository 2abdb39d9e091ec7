package org.anju.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The household file's documents in an S3-compatible object store, each under
 * {@code <prefix>/<first two hex digits>/<sha256>} so that no listing of one folder grows without bound.
 *
 * <p>Every failure of the store, a timeout included, is an {@link IOException}: the upload or download that
 * asked answers an error, and nothing else waits on the store.
 */
final class S3ContentStore implements ContentStore, AutoCloseable {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  S3ContentStore(S3StoreSettings settings) {
    this.s3 = client(settings);
    this.bucket = settings.bucket();
    this.prefix = settings.prefix().isEmpty() ? "" : settings.prefix() + "/";
  }

  private static S3Client client(S3StoreSettings settings) {
    AwsCredentialsProvider credentials = settings.hasKeys()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
        : DefaultCredentialsProvider.builder().build();
    return S3Client.builder()
        .endpointOverride(settings.endpoint())
        .region(Region.of(settings.region()))
        .forcePathStyle(settings.pathStyle())
        .credentialsProvider(credentials)
        // the SDK's default since 2.30 (a CRC32 trailer in aws-chunked uploads) is refused by many on-premise
        // stores; the content's SHA-256 is its name and is checked by the caller anyway
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .httpClientBuilder(ApacheHttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .connectionAcquisitionTimeout(settings.connectTimeout())
            .socketTimeout(settings.readTimeout()))
        // the socket timeout does not bound a write that a store stopped reading: the call timeout does
        .overrideConfiguration(override -> override
            .apiCallTimeout(settings.callTimeout())
            .retryStrategy(retry -> retry.maxAttempts(settings.maxAttempts())))
        .build();
  }

  @Override
  public void put(String sha256, InputStream content, long length) throws IOException {
    String key = key(sha256);
    if (exists(sha256)) {
      return;
    }
    try {
      s3.putObject(put -> put.bucket(bucket).key(key).contentType("application/octet-stream"),
          RequestBody.fromInputStream(content, length));
    } catch (SdkException e) {
      throw failure("storing", key, e);
    }
  }

  @Override
  public InputStream get(String sha256) throws IOException {
    String key = key(sha256);
    try {
      return s3.getObject(get -> get.bucket(bucket).key(key));
    } catch (S3Exception e) {
      // a missing bucket is a misconfigured store, not a missing document
      if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
        throw new NoSuchFileException(key, null, "not in " + describe());
      }
      throw failure("reading", key, e);
    } catch (SdkException e) {
      throw failure("reading", key, e);
    }
  }

  @Override
  public boolean exists(String sha256) throws IOException {
    String key = key(sha256);
    try {
      s3.headObject(head -> head.bucket(bucket).key(key));
      return true;
    } catch (S3Exception e) {
      // a HEAD answer has no body to tell a missing key from a missing bucket; a store that lacks the
      // ListBucket permission answers 403 for a missing key, which stays an error
      if (e.statusCode() == 404) {
        return false;
      }
      throw failure("looking up", key, e);
    } catch (SdkException e) {
      throw failure("looking up", key, e);
    }
  }

  @Override
  public void delete(String sha256) throws IOException {
    String key = key(sha256);
    try {
      s3.deleteObject(delete -> delete.bucket(bucket).key(key));
    } catch (S3Exception e) {
      // S3 answers 204 for a missing key, some compatible stores 404
      if (e.statusCode() != 404 || "NoSuchBucket".equals(errorCode(e))) {
        throw failure("deleting", key, e);
      }
    } catch (SdkException e) {
      throw failure("deleting", key, e);
    }
  }

  @Override
  public void forEachStoredBefore(Instant before, Consumer<String> visitor) throws IOException {
    try {
      // the paginator asks for the next page only when this one is used up, so the visitor may delete
      for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents()) {
        String sha256 = hashOf(object.key());
        if (sha256 != null && object.lastModified().isBefore(before)) {
          visitor.accept(sha256);
        }
      }
    } catch (SdkException e) {
      throw failure("listing", prefix, e);
    }
  }

  @Override
  public String describe() {
    return "s3://" + bucket + "/" + prefix.replaceAll("/$", "");
  }

  @Override
  public void close() {
    s3.close();
  }

  private String key(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
    return prefix + sha256.substring(0, 2) + "/" + sha256;
  }

  /** The hash an object of this store's layout is named after; null for anything else under the prefix. */
  private String hashOf(String key) {
    String sha256 = key.substring(key.lastIndexOf('/') + 1);
    return SHA256.matcher(sha256).matches() && key.equals(prefix + sha256.substring(0, 2) + "/" + sha256)
        ? sha256
        : null;
  }

  private static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private IOException failure(String action, String key, SdkException e) {
    return new IOException(describe() + ": " + action + " " + key + " failed: " + e.getMessage(), e);
  }
}
