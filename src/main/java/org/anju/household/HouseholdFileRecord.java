package org.anju.household;

import org.anju.tasklist.Step;

/**
 * The records of a household file (一户一档) in the national sample's order, with the county additions:
 * each as the clerk names it, and whether it is a photo (an image) or a paper's scan (an image or a PDF).
 */
public enum HouseholdFileRecord implements Step.Document {
  APPLICATION("申请书", "Application", false),
  ID_COPY("身份证复印件", "ID card copy", false),
  HOUSEHOLD_REGISTER_COPY("户口簿复印件", "Household register copy", false),
  PROOF_OF_GROUP("重点对象身份证明", "Proof of the key group", false),
  SURVEY_FORM("入户核验调查表", "House-to-house survey form", false),
  APPRAISAL_REPORT("危房鉴定表", "Appraisal report", false),
  REVIEW_RECORD("民主评议、审核记录及公示照片", "Review records and notice photos", false),
  APPROVAL_FORM("审批表", "Approval form", false),
  AGREEMENT("改造协议", "Renovation agreement", false),
  INSPECTION_LOG("施工质量安全巡查记录", "Construction inspection log", false),
  ACCEPTANCE_FORM("竣工验收表", "Acceptance form", false),
  PAYMENT_PROOF("补助资金发放凭证", "Proof of subsidy payment", false),
  PHOTOS_BEFORE("改造前照片", "Photos before renovation", true),
  PHOTOS_DURING("改造中照片", "Photos during renovation", true),
  PHOTOS_AFTER("改造后照片", "Photos after renovation", true),
  /** One household, one house: a rebuild shows the old house gone. */
  DEMOLITION_PHOTO("旧房拆除照片", "Photo of the old house demolished", true);

  private final String zh;
  private final String en;
  private final boolean photo;

  HouseholdFileRecord(String zh, String en, boolean photo) {
    this.zh = zh;
    this.en = en;
    this.photo = photo;
  }

  /** The record of this name, if it is one. */
  public static java.util.Optional<HouseholdFileRecord> valueOfName(String name) {
    for (HouseholdFileRecord r : values()) {
      if (r.name().equals(name)) {
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public String zh() {
    return zh;
  }

  @Override
  public String en() {
    return en;
  }

  @Override
  public boolean photo() {
    return photo;
  }
}
