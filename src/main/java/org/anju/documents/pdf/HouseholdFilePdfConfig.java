package org.anju.documents.pdf;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The household file PDF with its font: {@code anju.documents.pdf.font} (a Spring resource, e.g.
 * {@code file:/opt/fonts/NotoSansSC-Regular.ttf}), by default the Noto Sans SC that the build installs from
 * {@code fonts/}. A font that is missing or cannot print Chinese is an error in the start-up log, and every
 * print is refused with the same reason, never printed with boxes.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdFilePdfConfig {

  static final String DEFAULT_FONT = "classpath:fonts/NotoSansSC_400Regular.ttf";

  private static final Logger LOG = LoggerFactory.getLogger(HouseholdFilePdfConfig.class);

  @Bean
  HouseholdFilePdf householdFilePdf(
      @Value("${anju.documents.pdf.font:" + DEFAULT_FONT + "}") Resource font,
      @Value("${anju.documents.pdf.image-dpi:200}") int imageDpi) {
    return create(font, imageDpi);
  }

  static HouseholdFilePdf create(Resource font, int imageDpi) {
    try (InputStream in = font.getInputStream()) {
      CjkFont loaded = CjkFont.read(in, font.getDescription());
      LOG.info("Household file PDF: font {}", loaded.describe());
      return new HouseholdFilePdf(loaded, imageDpi);
    } catch (IOException | IllegalArgumentException e) {
      String reason = "no usable CJK font at anju.documents.pdf.font (" + font.getDescription() + "): " + e.getMessage()
          + ". The build installs the default with npm ci in fonts/; or name a TrueType font with Chinese glyphs.";
      LOG.error("Household file PDF: {}", reason);
      return HouseholdFilePdf.unavailable(reason);
    }
  }
}
