package org.anju.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded default: content under {@code <root>/<first two hex digits>/<sha256>}. A put writes a
 * temporary file beside its target and moves it into place, so a crash mid-write leaves no partial content
 * under a hash, only a {@code .part} file that the orphan sweep removes.
 */
public final class FileSystemContentStore implements ContentStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  static final String PART_SUFFIX = ".part";

  private final Path root;

  public FileSystemContentStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String sha256, InputStream content, long length) throws IOException {
    Path target = pathOf(sha256);
    if (Files.exists(target)) {
      return;
    }
    Files.createDirectories(target.getParent());
    Path part = Files.createTempFile(target.getParent(), sha256, PART_SUFFIX);
    try {
      long written = Files.copy(content, part, StandardCopyOption.REPLACE_EXISTING);
      if (written != length) {
        throw new IOException("wrote " + written + " bytes of " + length);
      }
      try {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        if (!Files.exists(target)) {
          Files.move(part, target);
        }
      }
    } finally {
      Files.deleteIfExists(part);
    }
  }

  @Override
  public InputStream get(String sha256) throws IOException {
    return Files.newInputStream(pathOf(sha256));
  }

  @Override
  public boolean exists(String sha256) {
    return Files.exists(pathOf(sha256));
  }

  @Override
  public void delete(String sha256) throws IOException {
    Files.deleteIfExists(pathOf(sha256));
  }

  @Override
  public void forEachStoredBefore(Instant before, Consumer<String> visitor) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    FileTime limit = FileTime.from(before);
    try (Stream<Path> files = Files.walk(root, 2)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          if (Files.getLastModifiedTime(file).compareTo(limit) >= 0) {
            return;
          }
          String name = file.getFileName().toString();
          if (name.endsWith(PART_SUFFIX)) {
            Files.deleteIfExists(file); // an upload that crashed before its move: never content
          } else if (SHA256.matcher(name).matches()) {
            visitor.accept(name);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public String describe() {
    return "file:" + root;
  }

  private Path pathOf(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }
}
