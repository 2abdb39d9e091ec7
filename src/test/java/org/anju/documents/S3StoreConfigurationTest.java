package org.anju.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which store a node gets, and what it is told when the S3 settings are incomplete: no server needed. */
class S3StoreConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(S3StoreConfiguration.class);

  @Test
  void shouldNeedNoS3SettingsWithoutTheS3Store() {
    context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(ContentStore.class));
    context.withPropertyValues("anju.documents.store=file")
        .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(ContentStore.class));
  }

  @Test
  void shouldProvideTheS3StoreFromItsSettings() {
    // never called at start-up, so nothing need listen there
    context.withPropertyValues("anju.documents.store=s3", "anju.documents.s3.endpoint=http://127.0.0.1:9",
            "anju.documents.s3.bucket=anju", "anju.documents.s3.prefix=household-file",
            "anju.documents.s3.access-key=anju", "anju.documents.s3.secret-key=not-for-logs",
            "anju.documents.s3.read-timeout=10s")
        .run(started -> {
          assertThat(started).hasNotFailed().hasSingleBean(ContentStore.class);
          assertThat(started.getBean(ContentStore.class).describe()).isEqualTo("s3://anju/household-file");
          S3StoreSettings settings = started.getBean(S3StoreSettings.class);
          assertThat(settings.pathStyle()).isTrue();
          assertThat(settings.region()).isEqualTo("us-east-1");
          assertThat(settings.readTimeout()).hasSeconds(10);
          assertThat(settings.callTimeout()).hasSeconds(60);
          assertThat(settings.toString()).doesNotContain("not-for-logs");
        });
  }

  @Test
  void shouldNameTheMissingBucket() {
    context.withPropertyValues("anju.documents.store=s3", "anju.documents.s3.endpoint=http://127.0.0.1:9")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("anju.documents.s3.bucket is not set"));
  }

  @Test
  void shouldNameTheMissingEndpoint() {
    context.withPropertyValues("anju.documents.store=s3", "anju.documents.s3.bucket=anju")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("anju.documents.s3.endpoint is not set"));
  }

  @Test
  void shouldNameTheMissingHalfOfTheKeys() {
    context.withPropertyValues("anju.documents.store=s3", "anju.documents.s3.endpoint=http://127.0.0.1:9",
            "anju.documents.s3.bucket=anju", "anju.documents.s3.access-key=anju")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("anju.documents.s3.secret-key is not set"));
  }
}
