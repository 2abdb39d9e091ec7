package org.anju.documents;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * When and where a photo was taken, from its EXIF data when the camera wrote it. Cameras write the local
 * time without a zone, so it is read in China's zone; GPS positions are WGS-84, as phones give them.
 */
record PhotoMetadata(Instant takenAt, Double latitude, Double longitude) {

  static final PhotoMetadata NONE = new PhotoMetadata(null, null, null);

  static PhotoMetadata of(byte[] image, ZoneId zone) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
      Instant taken = Optional.ofNullable(metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class))
          .map(exif -> exif.getDateOriginal(TimeZone.getTimeZone(zone)))
          .map(Date::toInstant).orElse(null);
      GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
      GeoLocation where = gps == null ? null : gps.getGeoLocation();
      if (where != null && (where.isZero() || Math.abs(where.getLatitude()) > 90 || Math.abs(where.getLongitude()) > 180)) {
        where = null;
      }
      if (taken == null && where == null) {
        return NONE;
      }
      return new PhotoMetadata(taken, where == null ? null : where.getLatitude(), where == null ? null : where.getLongitude());
    } catch (Exception e) {
      return NONE; // metadata is a courtesy: a photo without readable EXIF is still a photo
    }
  }
}
