package org.anju.documents;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each night, the content that no document row points at and that is older than an upload can take: what a
 * crash between an upload's content and its row left, and what removed documents no longer use. Every node
 * may run it; removing content twice is a no-op, and the grace keeps an upload in flight safe.
 */
@Component
class DocumentSweep {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentSweep.class);

  private final CaseDocuments documents;
  private final Duration grace;

  DocumentSweep(CaseDocuments documents, @Value("${anju.documents.orphan-grace:PT24H}") Duration grace) {
    this.documents = documents;
    this.grace = grace;
  }

  @Scheduled(cron = "${anju.documents.sweep-cron:0 30 3 * * *}", zone = "${anju.zone:Asia/Shanghai}")
  void sweep() {
    try {
      int removed = documents.sweepOrphans(grace);
      LOG.info("document sweep: {} content(s) without a document removed from {}", removed, documents.store().describe());
    } catch (IOException | RuntimeException e) {
      // the store may be down tonight; tomorrow's sweep finds the same orphans
      LOG.warn("document sweep of {} failed: {}", documents.store().describe(), e.toString());
    }
  }
}
