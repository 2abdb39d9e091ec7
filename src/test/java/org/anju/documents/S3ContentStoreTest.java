package org.anju.documents;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real S3 API: s3proxy on the file system, in a child JVM because its Jetty 12.1 and Jackson 3 do not
 * fit on Spring Boot's test classpath. The failure cases run against servers on the loopback that stop
 * answering, which no store exercised in a test would do on cue.
 */
class S3ContentStoreTest {

  private static final String BUCKET = "anju-test";
  private static final String IDENTITY = "local-identity";
  private static final String CREDENTIAL = "local-credential";
  private static final Duration SHORT = Duration.ofSeconds(1);

  @TempDir
  static Path dir;

  private static Process s3proxy;
  private static URI endpoint;
  private static S3ContentStore store;

  @BeforeAll
  static void startS3proxy() throws Exception {
    Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    assertThat(jar).as("s3proxy's jar, copied by the maven-dependency-plugin at generate-test-resources").exists();
    // the file system provider's buckets are folders
    Files.createDirectories(dir.resolve("data").resolve(BUCKET));
    int port = freePort();
    endpoint = URI.create("http://127.0.0.1:" + port);
    Path properties = Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
        "s3proxy.endpoint=" + endpoint,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + IDENTITY,
        "s3proxy.credential=" + CREDENTIAL,
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + dir.resolve("data")));
    Path log = dir.resolve("s3proxy.log");
    s3proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-jar", jar.toString(), "--properties", properties.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(s3proxy::destroyForcibly));
    awaitListening(port, log);
    store = new S3ContentStore(settings(endpoint, true, Duration.ofSeconds(5), Duration.ofSeconds(30)));
  }

  @AfterAll
  static void stopS3proxy() throws InterruptedException {
    if (store != null) {
      store.close();
    }
    if (s3proxy != null) {
      s3proxy.destroy();
      s3proxy.waitFor();
    }
  }

  @Test
  void shouldReadBackSeveralMegabytes() throws IOException {
    byte[] content = randomBytes(3 * 1024 * 1024 + 17, 1);

    store.put(sha256(content), new ByteArrayInputStream(content), content.length);

    try (InputStream stored = store.get(sha256(content))) {
      assertArrayEquals(content, stored.readAllBytes());
    }
  }

  @Test
  void shouldStoreUnderPrefixAndFirstTwoHexDigits() throws IOException {
    byte[] content = randomBytes(1000, 2);
    String hash = sha256(content);

    store.put(hash, new ByteArrayInputStream(content), content.length);

    assertThat(dir.resolve("data").resolve(BUCKET).resolve("documents").resolve(hash.substring(0, 2)).resolve(hash))
        .hasBinaryContent(content);
    assertThat(store.describe()).isEqualTo("s3://anju-test/documents");
  }

  @Test
  void shouldNotUploadContentThatIsAlreadyStored() throws IOException {
    byte[] content = randomBytes(64 * 1024, 3);
    String hash = sha256(content);
    store.put(hash, new ByteArrayInputStream(content), content.length);

    // a second upload would read the stream, and fail
    store.put(hash, new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("read for a second upload");
      }
    }, content.length);

    try (InputStream stored = store.get(hash)) {
      assertArrayEquals(content, stored.readAllBytes());
    }
  }

  @Test
  void shouldForgetDeletedContent() throws IOException {
    byte[] content = randomBytes(5000, 4);
    String hash = sha256(content);
    store.put(hash, new ByteArrayInputStream(content), content.length);
    assertThat(store.exists(hash)).isTrue();

    store.delete(hash);

    assertThat(store.exists(hash)).isFalse();
    assertThrows(NoSuchFileException.class, () -> store.get(hash));
    store.delete(hash);
  }

  @Test
  void shouldAnswerNoSuchFileForMissingContent() throws IOException {
    String missing = sha256(randomBytes(10, 5));

    assertThat(store.exists(missing)).isFalse();
    assertThrows(NoSuchFileException.class, () -> store.get(missing));
  }

  @Test
  void shouldRefuseWhatIsNotAHash() {
    assertThrows(IllegalArgumentException.class, () -> store.exists("../../etc/passwd"));
    assertThrows(IllegalArgumentException.class, () -> store.get("ABCDEF" + "0".repeat(58)));
  }

  @Test
  void shouldVisitOnlyContentStoredBeforeTheInstant() throws Exception {
    byte[] old = randomBytes(2000, 6);
    byte[] recent = randomBytes(2000, 7);
    store.put(sha256(old), new ByteArrayInputStream(old), old.length);
    // not of this store's layout: the orphan sweep must never be handed it
    Files.writeString(dir.resolve("data").resolve(BUCKET).resolve("documents").resolve("notes.txt"), "kept");
    // the store's times are whole seconds
    Thread.sleep(1100);
    Instant before = Instant.now();
    Thread.sleep(1100);
    store.put(sha256(recent), new ByteArrayInputStream(recent), recent.length);

    Set<String> visited = new HashSet<>();
    store.forEachStoredBefore(before, visited::add);

    assertThat(visited).contains(sha256(old)).doesNotContain(sha256(recent));
    assertThat(visited).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
  }

  @Test
  void shouldVisitEveryPageOfTheListing() throws IOException {
    // ListObjectsV2 answers at most 1000 keys a page; written straight into s3proxy's folders, as 1010 uploads
    // would take a while
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < 1010; i++) {
      byte[] content = ("page " + i).getBytes(US_ASCII);
      String hash = sha256(content);
      hashes.add(hash);
      Path folder = Files.createDirectories(
          dir.resolve("data").resolve(BUCKET).resolve("documents").resolve(hash.substring(0, 2)));
      Files.write(folder.resolve(hash), content);
    }

    Set<String> visited = new HashSet<>();
    store.forEachStoredBefore(Instant.now().plusSeconds(60), visited::add);

    assertThat(visited).containsAll(hashes);
  }

  @Test
  void shouldAddressTheBucketInThePath() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    try (ServerSocket server = loopbackServer();
        S3ContentStore recorded = new S3ContentStore(settings(uri(server), true, SHORT, SHORT))) {
      serve(server, (socket, request) -> {
        requests.add(request);
        answer(socket, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        return true;
      });
      String hash = sha256(randomBytes(10, 8));

      assertThat(recorded.exists(hash)).isFalse();

      assertThat(requests.get(0))
          .startsWith("HEAD /anju-test/documents/" + hash.substring(0, 2) + "/" + hash + " HTTP/1.1")
          .containsIgnoringCase("host: " + uri(server).getAuthority());
    }
  }

  @Test
  void shouldFailAgainstAStoreThatNeverAnswers() throws Exception {
    try (ServerSocket server = loopbackServer();
        S3ContentStore hung = new S3ContentStore(settings(uri(server), true, SHORT, Duration.ofSeconds(3)))) {
      serve(server, (socket, request) -> false);
      byte[] content = randomBytes(1000, 9);
      String hash = sha256(content);

      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
        assertThrows(IOException.class, () -> hung.put(hash, new ByteArrayInputStream(content), content.length));
        assertThrows(IOException.class, () -> hung.get(hash));
        assertThrows(IOException.class, () -> hung.exists(hash));
        assertThrows(IOException.class, () -> hung.delete(hash));
        assertThrows(IOException.class, () -> hung.forEachStoredBefore(Instant.now(), visited -> { }));
      });
    }
  }

  @Test
  void shouldFailAnUploadThatTheStoreStopsReading() throws Exception {
    try (ServerSocket server = loopbackServer();
        S3ContentStore stalled = new S3ContentStore(settings(uri(server), true, SHORT, Duration.ofSeconds(3)))) {
      serve(server, (socket, request) -> {
        if (request.startsWith("HEAD ")) {
          answer(socket, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
          return true;
        }
        // invites the body, then never reads it: the upload blocks in a write, which no socket timeout bounds
        answer(socket, "HTTP/1.1 100 Continue\r\n\r\n");
        return false;
      });
      // far more than the loopback's socket buffers take in
      long length = 64L * 1024 * 1024;

      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IOException.class,
          () -> stalled.put("0".repeat(64), new Zeros(length), length)));
    }
  }

  private static S3StoreSettings settings(URI endpoint, boolean pathStyle, Duration timeout, Duration call) {
    return new S3StoreSettings(endpoint, "us-east-1", BUCKET, "/documents/", IDENTITY, CREDENTIAL, pathStyle,
        timeout, timeout, call, 2);
  }

  /** What a fake server does with a request's head; false: keep the connection and never answer again. */
  private interface Handler {
    boolean handle(Socket socket, String request) throws IOException;
  }

  private static ServerSocket loopbackServer() throws IOException {
    return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  private static URI uri(ServerSocket server) {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Accepts connections until the server closes; a connection the handler gives up on is held open, mute. */
  private static void serve(ServerSocket server, Handler handler) {
    List<Socket> held = new CopyOnWriteArrayList<>();
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket socket = server.accept();
          held.add(socket);
          Thread connection = new Thread(() -> {
            try {
              String request;
              while ((request = readHead(socket.getInputStream())) != null && handler.handle(socket, request)) {
                // the next request on the same connection
              }
            } catch (IOException e) {
              // the client gave up: what these servers are for
            }
          });
          connection.setDaemon(true);
          connection.start();
        }
      } catch (IOException closed) {
        held.forEach(S3ContentStoreTest::closeQuietly);
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The request line and headers, up to the blank line; null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        return head.toString();
      }
    }
    return null;
  }

  private static void answer(Socket socket, String response) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(response.getBytes(US_ASCII));
    out.flush();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitListening(int port, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!s3proxy.isAlive()) {
        throw new IllegalStateException("s3proxy exited with " + s3proxy.exitValue() + ":\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("s3proxy did not listen on " + port + " within 90 s:\n" + Files.readString(log));
  }

  private static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code length} zero bytes, none of them held in memory. */
  private static final class Zeros extends InputStream {

    private long left;

    Zeros(long length) {
      this.left = length;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      Arrays.fill(buffer, offset, offset + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
