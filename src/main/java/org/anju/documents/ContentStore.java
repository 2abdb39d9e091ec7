package org.anju.documents;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the bytes of the household file's documents live, each stored once under its SHA-256 (lower-case
 * hex). What a document is (household, step, type, uploader) lives in the {@code case_document} table, never
 * here: a store holds content only, so two records of the same photo share one object.
 *
 * <p>Two backends: the local file system (embedded default) and an S3-compatible object store (production).
 * Every call of a remote backend has timeouts: a hung store costs the request an error, never a thread.
 */
public interface ContentStore {

  /**
   * Stores {@code length} bytes read from {@code content} under {@code sha256}. The caller has checked the
   * hash; storing content that is already there is a no-op, so a retried upload stores nothing twice.
   */
  void put(String sha256, InputStream content, long length) throws IOException;

  /** The content stored under {@code sha256}; {@link java.nio.file.NoSuchFileException} when there is none. */
  InputStream get(String sha256) throws IOException;

  boolean exists(String sha256) throws IOException;

  /** Removes the content; removing what is not there is a no-op. */
  void delete(String sha256) throws IOException;

  /**
   * Calls {@code visitor} with the hash of every content stored before {@code before}: the orphan sweep asks
   * for content older than an upload can take, so that an upload in flight is never swept.
   */
  void forEachStoredBefore(Instant before, Consumer<String> visitor) throws IOException;

  /** A short name for logs and health: {@code file:/path} or {@code s3://bucket/prefix}. */
  String describe();
}
