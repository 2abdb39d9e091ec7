package org.anju.documents;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The household file's documents in an S3-compatible object store, with {@code anju.documents.store=s3}. The
 * store is not called at start-up: a node whose store is down starts, and only uploads and downloads fail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "anju.documents.store", havingValue = "s3")
@EnableConfigurationProperties(S3StoreSettings.class)
class S3StoreConfiguration {

  /** Closed with the context, which frees the HTTP client's connections. */
  @Bean
  ContentStore contentStore(S3StoreSettings settings) {
    return new S3ContentStore(settings);
  }
}
