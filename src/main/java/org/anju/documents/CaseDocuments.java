package org.anju.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.anju.clock.AnjuClock;
import org.anju.household.CaseRecords;
import org.anju.tasklist.FieldErrors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents and photos of each household's file: checked, stored once by SHA-256 in the content store,
 * and described by one {@code case_document} row each. Who may touch which case is decided by the caller
 * ({@link DocumentController} through the engine's own authorization); this class keeps the file true: a
 * batch of files is stored whole or not at all, and a crash between content and row leaves only content that
 * {@link #sweepOrphans} removes.
 */
public class CaseDocuments implements CaseRecords {

  /** The record of the archive PDF itself: not one of the file's records, the file. */
  public static final String HOUSEHOLD_FILE = "HOUSEHOLD_FILE";

  /** Where a document belongs: its case, and the open task it was given for (null for the archive PDF). */
  public record Place(String householdId, String processInstanceId, String countyCode, String townshipCode,
      String step, String taskId) {}

  /** One file of an upload, as it came. */
  public record Upload(String fileName, byte[] bytes) {}

  /**
   * Where and when the device says its photos were taken (the field page: the phone's position, WGS-84, with its
   * accuracy in metres), for photos whose EXIF data does not say; each part may be null.
   */
  public record Position(Double latitude, Double longitude, Double accuracy, Instant takenAt) {
    public static final Position NONE = new Position(null, null, null, null);
  }

  /** One document as the table describes it. */
  public record Document(long id, String householdId, String processInstanceId, String countyCode, String step,
      String taskId, String record, String fileName, String mediaType, long size, String sha256, Integer width,
      Integer height, String uploadedBy, Instant uploadedAt, Instant takenAt, Double latitude, Double longitude, Double accuracy) {

    public boolean image() {
      return mediaType.startsWith("image/");
    }
  }

  private static final String COLUMNS = "id, household_id, process_instance_id, county_code, step, task_id, record, "
      + "file_name, media_type, size_bytes, sha256, width, height, uploaded_by, uploaded_at, taken_at, latitude, longitude, position_accuracy";
  private static final int MAX_FILE_NAME = 200;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ContentStore store;
  private final UploadCheck check;

  public CaseDocuments(JdbcTemplate jdbc, TransactionTemplate transactions, ContentStore store, long maxBytes,
      long maxPixels) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.store = store;
    this.check = new UploadCheck(maxBytes, maxPixels);
  }

  public ContentStore store() {
    return store;
  }

  public long maxBytes() {
    return check.maxBytes();
  }

  /**
   * Adds {@code files} as {@code record} of {@code place}, all or none: every file is checked first, and one
   * bad file refuses the whole upload, naming it. A {@code clientId} already used for this case returns the
   * documents of that first upload, so a retried send stores nothing twice.
   */
  public List<Document> add(Place place, String record, boolean photoOnly, List<Upload> files, String user,
      String clientId) {
    return add(place, record, photoOnly, files, user, clientId, Position.NONE);
  }

  /** As {@link #add(Place, String, boolean, List, String, String)}, with the device's position for photos without EXIF GPS. */
  public List<Document> add(Place place, String record, boolean photoOnly, List<Upload> files, String user,
      String clientId, Position device) {
    FieldErrors errors = new FieldErrors();
    if (files.isEmpty()) {
      errors.add("file", "没有选择文件", "no file was given");
    }
    if (clientId != null && !clientId.matches("[A-Za-z0-9._:-]{1,64}")) {
      errors.add("clientId", "须为 1 到 64 个字母、数字或 ._:-", "must be 1 to 64 letters, digits or ._:-");
    }
    List<Checked> checked = new ArrayList<>();
    for (Upload file : files) {
      String name = cleanName(file.fileName(), errors);
      if (name == null) {
        continue;
      }
      check.check(name, file.bytes(), photoOnly, errors).ifPresent(kind -> checked.add(new Checked(name, file.bytes(),
          kind, sha256(file.bytes()), kind.kind().image() ? located(PhotoMetadata.of(file.bytes(), AnjuClock.zone()), device)
              : Located.NOWHERE)));
    }
    errors.throwIfAny();
    if (clientId != null) {
      List<Document> earlier = byClientId(place.processInstanceId(), clientId);
      if (!earlier.isEmpty()) {
        return earlier;
      }
    }
    // content first, then the rows in one transaction: a crash between leaves content without a row,
    // which nobody sees and the sweep removes
    for (Checked file : checked) {
      try {
        store.put(file.sha256, new ByteArrayInputStream(file.bytes), file.bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException("the document store did not take " + file.name, e);
      }
    }
    Instant now = AnjuClock.now();
    List<Long> ids = transactions.execute(status -> {
      List<Long> added = new ArrayList<>();
      int n = 0;
      for (Checked file : checked) {
        String rowClientId = clientId == null ? null : checked.size() == 1 ? clientId : clientId + "#" + n;
        n++;
        added.add(insert(place, record, file, user, now, rowClientId));
      }
      return added;
    });
    return ids.stream().map(id -> find(id).orElseThrow()).toList();
  }

  private record Checked(String name, byte[] bytes, UploadCheck.Accepted kind, String sha256, Located photo) {}

  /** A photo's time and place: its EXIF data's where present, otherwise the device's. */
  private record Located(Instant takenAt, Double latitude, Double longitude, Double accuracy) {
    static final Located NOWHERE = new Located(null, null, null, null);
  }

  private static Located located(PhotoMetadata exif, Position device) {
    boolean exifPlace = exif.latitude() != null && exif.longitude() != null;
    boolean devicePlace = device.latitude() != null && device.longitude() != null;
    return new Located(exif.takenAt() != null ? exif.takenAt() : device.takenAt(),
        exifPlace ? exif.latitude() : devicePlace ? device.latitude() : null,
        exifPlace ? exif.longitude() : devicePlace ? device.longitude() : null,
        exifPlace || !devicePlace ? null : device.accuracy());
  }

  private long insert(Place place, String record, Checked file, String user, Instant now, String clientId) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(connection -> {
      var s = connection.prepareStatement("insert into case_document (household_id, process_instance_id, county_code, "
          + "township_code, step, task_id, record, file_name, media_type, size_bytes, sha256, width, height, uploaded_by, "
          + "uploaded_at, taken_at, latitude, longitude, client_id, position_accuracy) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      s.setString(1, place.householdId());
      s.setString(2, place.processInstanceId());
      s.setString(3, place.countyCode());
      s.setString(4, place.townshipCode());
      s.setString(5, place.step());
      s.setString(6, place.taskId());
      s.setString(7, record);
      s.setString(8, file.name);
      s.setString(9, file.kind.kind().mediaType);
      s.setLong(10, file.bytes.length);
      s.setString(11, file.sha256);
      s.setObject(12, file.kind.width());
      s.setObject(13, file.kind.height());
      s.setString(14, user);
      s.setTimestamp(15, Timestamp.from(now));
      s.setTimestamp(16, file.photo.takenAt() == null ? null : Timestamp.from(file.photo.takenAt()));
      s.setObject(17, file.photo.latitude());
      s.setObject(18, file.photo.longitude());
      s.setString(19, clientId);
      s.setObject(20, file.photo.accuracy());
      return s;
    }, keys);
    return keys.getKey().longValue();
  }

  /** Stores a document Anju made itself (the archive PDF), without the checks meant for uploads. */
  public Document addGenerated(Place place, String record, String fileName, String mediaType, byte[] bytes) {
    String sha = sha256(bytes);
    try {
      store.put(sha, new ByteArrayInputStream(bytes), bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException("the document store did not take " + fileName, e);
    }
    Checked file = new Checked(fileName, bytes, new UploadCheck.Accepted(UploadCheck.Kind.PDF, null, null), sha,
        Located.NOWHERE);
    long id = insert(place, record, file, "anju", AnjuClock.now(), null);
    return find(id).orElseThrow();
  }

  public Optional<Document> find(long id) {
    return jdbc.query("select " + COLUMNS + " from case_document where id = ?", ROW, id).stream().findFirst();
  }

  /** Every document of a case, in the order given. */
  public List<Document> ofCase(String processInstanceId) {
    return jdbc.query("select " + COLUMNS + " from case_document where process_instance_id = ? order by id", ROW,
        processInstanceId);
  }

  @Override
  public java.util.Set<String> recordsOf(String processInstanceId) {
    return new java.util.HashSet<>(jdbc.queryForList("select distinct record from case_document where "
        + "process_instance_id = ?", String.class, processInstanceId));
  }

  /** The archived household file (PDF) of a household, if it was archived. */
  public Optional<Document> householdFile(String householdId) {
    return jdbc.query("select " + COLUMNS + " from case_document where household_id = ? and record = ? order by id desc",
        ROW, householdId, HOUSEHOLD_FILE).stream().findFirst();
  }

  /** The documents given for one task. */
  public List<Document> ofTask(String taskId) {
    return jdbc.query("select " + COLUMNS + " from case_document where task_id = ? order by id", ROW, taskId);
  }

  private List<Document> byClientId(String processInstanceId, String clientId) {
    return jdbc.query("select " + COLUMNS + " from case_document where process_instance_id = ? and (client_id = ? "
        + "or client_id like ?) order by id", ROW, processInstanceId, clientId, clientId + "#%");
  }

  /** Removes the row; the content stays while another row points at it, and is swept otherwise. */
  public void remove(long id) {
    jdbc.update("delete from case_document where id = ?", id);
  }

  /**
   * Removes content that no row points at and that is older than {@code grace} (so an upload between its
   * content and its row is never swept); returns how many were removed.
   */
  public int sweepOrphans(java.time.Duration grace) throws IOException {
    List<String> orphans = new ArrayList<>();
    store.forEachStoredBefore(AnjuClock.now().minus(grace), sha -> {
      Integer rows = jdbc.queryForObject("select count(*) from case_document where sha256 = ?", Integer.class, sha);
      if (rows != null && rows == 0) {
        orphans.add(sha);
      }
    });
    for (String sha : orphans) {
      store.delete(sha);
    }
    return orphans.size();
  }

  /** A file name as the clerk's device gave it, without any path, within the column's size. */
  private static String cleanName(String given, FieldErrors errors) {
    String name = given == null ? "" : given.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    if (name.isEmpty() || name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
        || Character.getType(c) == Character.FORMAT)) {
      errors.add("file", "文件名为空或含有不可见字符", "the file name is empty or has invisible characters");
      return null;
    }
    if (name.length() > MAX_FILE_NAME) {
      errors.add("file", "文件名超过 " + MAX_FILE_NAME + " 个字", "the file name is longer than " + MAX_FILE_NAME + " characters");
      return null;
    }
    return name;
  }

  /** The lower-case hex SHA-256 by which the content store keys {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final RowMapper<Document> ROW = (ResultSet r, int n) -> new Document(r.getLong("id"),
      r.getString("household_id"), r.getString("process_instance_id"), r.getString("county_code"), r.getString("step"),
      r.getString("task_id"), r.getString("record"), r.getString("file_name"), r.getString("media_type"),
      r.getLong("size_bytes"), r.getString("sha256"), (Integer) r.getObject("width", Integer.class),
      r.getObject("height", Integer.class), r.getString("uploaded_by"), instant(r, "uploaded_at"),
      instant(r, "taken_at"), r.getObject("latitude", Double.class), r.getObject("longitude", Double.class),
      r.getObject("position_accuracy", Double.class));

  private static Instant instant(ResultSet r, String column) throws SQLException {
    Timestamp t = r.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
