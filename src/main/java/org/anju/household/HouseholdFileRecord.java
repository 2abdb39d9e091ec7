package org.anju.household;

import org.anju.tasklist.Step;

/** The records of a household file (一户一档) as the national sample orders them, with the county additions. */
public enum HouseholdFileRecord implements Step.Document {
  /** 申请书 */
  APPLICATION,
  /** 身份证复印件 */
  ID_COPY,
  /** 户口簿复印件 */
  HOUSEHOLD_REGISTER_COPY,
  /** 重点对象身份证明 */
  PROOF_OF_GROUP,
  /** 入户核验调查表 */
  SURVEY_FORM,
  /** 危房鉴定表 */
  APPRAISAL_REPORT,
  /** 民主评议、审核记录及公示照片 */
  REVIEW_RECORD,
  /** 审批表 */
  APPROVAL_FORM,
  /** 改造协议 */
  AGREEMENT,
  /** 施工质量安全巡查记录 */
  INSPECTION_LOG,
  /** 竣工验收表 */
  ACCEPTANCE_FORM,
  /** 补助资金发放凭证 */
  PAYMENT_PROOF,
  /** 改造前照片 */
  PHOTOS_BEFORE,
  /** 改造中照片 */
  PHOTOS_DURING,
  /** 改造后照片 */
  PHOTOS_AFTER
}
