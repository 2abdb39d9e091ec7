package org.anju.documents;

import java.nio.file.Path;

import org.anju.documents.pdf.HouseholdFilePdf;
import org.anju.tasklist.StepEvidence;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The household file's documents: the content store (the local file system unless {@code anju.documents.store}
 * is {@code s3}), the limits of an upload, and the evidence the step rules ask for.
 */
@Configuration
@EnableScheduling
class DocumentsConfiguration {

  @Bean
  @ConditionalOnProperty(name = "anju.documents.store", havingValue = "file", matchIfMissing = true)
  ContentStore fileSystemContentStore(@Value("${anju.documents.root:./data/documents}") Path root) {
    return new FileSystemContentStore(root);
  }

  @Bean
  CaseDocuments caseDocuments(JdbcTemplate jdbc, PlatformTransactionManager transactions, ContentStore store,
      @Value("${anju.documents.max-file-size:20MB}") DataSize maxFile,
      @Value("${anju.documents.max-pixels:50000000}") long maxPixels) {
    return new CaseDocuments(jdbc, new TransactionTemplate(transactions), store, maxFile.toBytes(), maxPixels);
  }

  @Bean
  CompileHouseholdFileDelegate compileHouseholdFileDelegate(CaseDocuments documents, HouseholdFilePdf pdf, JdbcTemplate jdbc) {
    return new CompileHouseholdFileDelegate(documents, pdf, jdbc);
  }

  @Bean
  StepEvidence stepEvidence(JdbcTemplate jdbc, @Value("${camunda.bpm.database.table-prefix:}") String prefix) {
    return new TaskDocuments(jdbc, prefix);
  }
}
