#!/usr/bin/env node
// Generates the Camunda Forms in forms/ (form-js schemaVersion 16, the
// form-js 1.8.x bundled by Camunda 7.24 Tasklist) and fills the division
// selects of the two start forms from the divisions CSV.
//
// Usage (from the repository root):
//   node scripts/forms/generate-forms.mjs [--check] [path/to/shanxi-divisions.csv]
// --check writes nothing and fails when a committed form differs from what this makes (FormsGeneratedTest).
//
// The .form files are the deployed artefacts. If a form is later edited by
// hand or in Camunda Modeler, make the same change here (or stop using this
// generator); scripts/forms/divisions-to-form.mjs alone only refreshes the
// division option lists.

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyDivisions, defaultCsvPath, formText, readDivisions, writeForm } from './divisions-to-form.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FORMS_DIR = resolve(REPO, 'forms');
const SCHEMA_VERSION = 16;

// ---------------------------------------------------------------- options

// One source for the option lists that the server's rules also check (src/main/resources/data/form-options.json)
const OPTIONS = JSON.parse(readFileSync(resolve(REPO, 'src/main/resources/data/form-options.json'), 'utf8'));
const opts = (options) => options.map(({ value, label }) => ({ label, value }));

const KEY_GROUPS = opts(OPTIONS.keyGroups);

const HOUSE_STRUCTURES = opts(OPTIONS.houseStructures);

const SAFETY_GRADES = opts(OPTIONS.safetyGrades);

const RENOVATION_METHODS = opts(OPTIONS.renovationMethods);

const ALTERNATIVE_TYPES = opts(OPTIONS.alternativeTypes);

const BUILDER_TYPES = opts(OPTIONS.builderTypes);

// A FEEL string literal (form-js evaluates valuesExpression with feelin).
const feelString = (text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

// Options offered only where a case variable allows them: [[option, condition or null], ...] as a FEEL
// valuesExpression, so the select shows what the server's rule accepts for this case.
function valuesWhere(pairs) {
  const entry = ({ label, value }) => `{label: ${feelString(label)}, value: ${feelString(value)}}`;
  const always = pairs.filter(([, when]) => !when).map(([o]) => entry(o));
  const parts = pairs.filter(([, when]) => when).map(([o, when]) => `(if ${when} then [${entry(o)}] else [])`);
  return `=concatenate(${[...parts, `[${always.join(', ')}]`].join(', ')})`;
}

// Self-build only where verification found that the household can build (HouseholdSteps.signAgreement).
const BUILDER_CHOICES = valuesWhere(BUILDER_TYPES.map((o) => [o, o.value === 'SELF_BUILD' ? 'canBuild = true' : null]));

const CHECK_LEVELS = opts(OPTIONS.checkLevels);

const CHECK_KINDS = opts(OPTIONS.checkKinds);

// A hazard check's findings start with their category (HazardCategory.parse): the hint lists the words.
const HAZARD_HINT = {
  type: 'text', id: 'Text_hazardCategories',
  text: '每条以类别开头，如“屋面：刘家屋顶漏雨”。类别：' + OPTIONS.hazardCategories.map((c) => c.label.split(' ')[0]).join('、')
    + '。\n\nStart each finding with its category, e.g. "Roof: the roof leaks". Categories: '
    + OPTIONS.hazardCategories.map((c) => c.label.substring(c.label.indexOf(' ') + 1)).join(', ') + '.',
  conditional: { hide: '=checkKind != "SAFETY_HAZARD"' },
};

const CAMPAIGN_DEADLINES = opts(OPTIONS.campaignDeadlines);

const LIVELIHOODS = opts(OPTIONS.livelihoods);

// The province's format of each paper number (ReferenceFormats; a county may configure its own).
const FORMATS = JSON.parse(readFileSync(resolve(REPO, 'src/main/resources/data/reference-formats.json'), 'utf8'));
const formatHint = (key) => {
  const example = FORMATS[key].replace('{year}', '2026').replace('{n}', '17').replace('{place}', '宋家沟镇')
    .replace('{township}', '宋家沟镇');
  // the same words as ReferenceFormats.readable, which the server's refusal uses
  const zh = FORMATS[key].replace('{year}', '年度').replace('{n}', '序号').replace('{place}', '乡镇名')
    .replace('{township}', '本乡镇');
  return `格式 ${zh}，如 ${example}；县另有规定的从其规定 Format ${FORMATS[key]}, unless the county sets its own`;
};

// ---------------------------------------------------------------- labels (reused across forms)

const L = {
  headName: '户主姓名 Head of household',
  residentId: '身份证号 Resident ID number',
  keyGroup: '对象类别 Key group',
  cityCode: '市 City',
  countyCode: '县(市、区) County',
  townshipCode: '乡镇 Township',
  townshipName: '乡镇 Township',
  village: '行政村 Village',
  houseAddress: '房屋地址 House address',
  householdSize: '家庭人口 Household size',
  verificationDate: '核验日期 Verification date',
  appraisalDate: '鉴定日期 Appraisal date',
  appraisalReportRef: '鉴定报告编号 Appraisal report reference',
  safetyGrade: '鉴定等级 Safety grade',
  renovationMethod: '改造方式 Renovation method',
  relocationSite: '安置点 Resettlement site',
  moveInDate: '入住日期 Move-in date',
  alternativeAddress: '住房地址 Address',
  alternativeAgreementDate: '协议日期 Agreement date',
  villageReviewDate: '评议日期 Review date',
  homeVisitDate: '入户核查日期 Home visit date',
  subsidyAmount: '补助金额(元) Subsidy (yuan)',
  countyApprovalDate: '审批日期 Approval date',
  agreementNumber: '协议编号 Agreement number',
  agreementDate: '签订日期 Date signed',
  builderName: '施工方名称 Builder\'s name',
  canBuild: '有能力自建或组织施工 Household can build or organise the work',
  constructionStartDate: '开工日期 Construction start date',
  constructionCompletedDate: '竣工日期 Completion date',
  acceptanceDate: '验收日期 Acceptance date',
  paymentDate: '发放日期 Payment date',
  paymentReference: '银行凭证号 Bank payment reference',
  checkLevel: '排查层级 Check level',
  checkScope: '排查范围 Scope',
  problemDescription: '问题 Problem',
  rectificationMeasures: '整改措施 Measures taken',
  rectifiedDate: '整改完成日期 Date rectified',
  remarks: '说明 Remarks',
};

// ---------------------------------------------------------------- component builders

function validation({ required, min, max, minLength, maxLength, pattern } = {}) {
  const v = {};
  if (required) v.required = true;
  if (min !== undefined) v.min = min;
  if (max !== undefined) v.max = max;
  if (minLength !== undefined) v.minLength = minLength;
  if (maxLength !== undefined) v.maxLength = maxLength;
  if (pattern !== undefined) v.pattern = pattern;
  return Object.keys(v).length ? v : undefined;
}

function field(type, key, label, o = {}, extra = {}) {
  const c = { type, id: `Field_${key}`, key };
  if (type === 'datetime') {
    c.subtype = 'date';
    c.dateLabel = label;
  } else {
    c.label = label;
  }
  Object.assign(c, extra);
  if (o.description) c.description = o.description;
  const v = validation(o);
  if (v && !o.disabled) c.validate = v;
  if (o.disabled) c.disabled = true;
  if (o.hide) c.conditional = { hide: o.hide };
  return c;
}

const textfield = (key, label, o) => field('textfield', key, label, o);
const textarea = (key, label, o) => field('textarea', key, label, o);
const checkbox = (key, label, o) => field('checkbox', key, label, o);
const date = (key, label, o) => field('datetime', key, label, o);
const number = (key, label, o = {}) =>
  field('number', key, label, o, o.decimalDigits !== undefined ? { decimalDigits: o.decimalDigits } : {});
const select = (key, label, values, o = {}) =>
  field('select', key, label, o, {
    ...(typeof values === 'string' ? { valuesExpression: values } : { values }),
    ...(o.searchable ? { searchable: true } : {}),
  });
const radio = (key, label, values, o) => field('radio', key, label, o, { values });

const RO = { disabled: true };

const group = (id, label, components) => ({ type: 'group', id, label, showOutline: true, components });

function heading(title, purpose) {
  return { type: 'text', id: 'Text_heading', text: `#### ${title}\n\n${purpose}` };
}

// Read-only household context shown at the top of every household-case task form.
const householdGroup = () =>
  group('Group_household', '农户信息 Household', [
    textfield('headName', L.headName, RO),
    textfield('village', L.village, RO),
    textfield('townshipName', L.townshipName, RO),
    select('keyGroup', L.keyGroup, KEY_GROUPS, RO),
    number('householdSize', L.householdSize, RO),
    textfield('houseAddress', L.houseAddress, RO),
  ]);

const caseGroup = (components) => group('Group_case', '案件信息 Case so far', components);

// Read-only context of the problem-rectification task forms.
const checkGroup = (components) => group('Group_check', '排查信息 Check', components);
const problemGroup = (components) => group('Group_problem', '问题信息 Problem', components);

const divisionSelects = () => [
  select('cityCode', L.cityCode, [], { required: true, searchable: true }),
  select('countyCode', L.countyCode, [], { required: true, searchable: true }),
  select('townshipCode', L.townshipCode, [], { required: true, searchable: true }),
];

// The reasons for a "no": shown, and required, only while the decision checkbox is unticked, as the
// server requires them (HouseholdSteps.requireRemarksUnless, RectificationSteps.verifyRectification).
const reasonsUnless = (key, decisionKey, label, description, maxLength = 500) =>
  textarea(key, label, { required: true, maxLength, description, hide: `=${decisionKey} = true` });
const remarks = (key, decisionKey, description) => reasonsUnless(key, decisionKey, L.remarks, description);

function form(id, title, purpose, components) {
  return {
    id,
    type: 'default',
    executionPlatform: 'Camunda Platform',
    executionPlatformVersion: '7.24.0',
    schemaVersion: SCHEMA_VERSION,
    components: [heading(title, purpose), ...components],
  };
}

// ---------------------------------------------------------------- the forms

const FORMS = [
  form('register-household', '登记农户 Register household',
    '登记需要住房安全保障的重点对象农户。 Record a key-group household whose housing security is to be checked.', [
      textfield('headName', L.headName, { required: true, maxLength: 50 }),
      textfield('residentId', L.residentId, {
        required: true, minLength: 18, maxLength: 18, pattern: '^[0-9]{17}[0-9Xx]$',
        description: '18位，末位可为X 18 characters; the last may be X',
      }),
      select('keyGroup', L.keyGroup, KEY_GROUPS, { required: true }),
      ...divisionSelects(),
      textfield('village', L.village, { required: true, maxLength: 50 }),
      textfield('houseAddress', L.houseAddress, { required: true, maxLength: 200 }),
      number('householdSize', L.householdSize, { required: true, min: 1, max: 30, decimalDigits: 0 }),
      checkbox('dynamicGuarantee', '动态保障对象 Dynamic-guarantee case', {
        description: '新增危房或新纳入保障的农户 Newly unsafe house or newly eligible household',
      }),
    ]),

  form('confirm-identification', '身份确认 Confirm identification',
    '核实农户属于四类重点对象。 Confirm that the household belongs to its key group.', [
      householdGroup(),
      checkbox('identityConfirmed', '身份属实 Membership of the key group confirmed'),
      remarks('identityRemarks', 'identityConfirmed', '不属实时说明原因 Why it is not confirmed'),
    ]),

  form('verify-housing', '入户核验 Verify housing safety',
    '入户查看房屋并记录基本情况。 Visit the house and record its condition.', [
      householdGroup(),
      date('verificationDate', L.verificationDate, { required: true }),
      textfield('verifierName', '核验人 Verified by', { required: true, maxLength: 50 }),
      select('houseStructure', '房屋结构 House structure', HOUSE_STRUCTURES, { required: true }),
      checkbox('canBuild', L.canBuild),
      checkbox('inRelocationProgramme', '已纳入易地扶贫搬迁 Already in the relocation programme'),
      textarea('verificationNotes', '核验情况 Notes', { maxLength: 500 }),
    ]),

  form('appraise-house', '房屋安全鉴定 Appraise house safety',
    '评定房屋安全等级。 Appraise the house and record its safety grade.', [
      householdGroup(),
      radio('safetyGrade', L.safetyGrade, SAFETY_GRADES, { required: true }),
      // asked only where it matters: an A/B house in a county of seismic intensity 7+ (SeismicZoning)
      checkbox('seismicallySafe', '抗震设防达标 Built to resist earthquakes', {
        description: '设防烈度7度及以上地区的A/B级房屋；未勾选即不达标，进行抗震加固 For an A/B house where the seismic intensity is 7 or more; unticked, the house is reinforced against earthquakes',
        hide: '=not(seismicIntensity >= 7 and (safetyGrade = "A" or safetyGrade = "B"))',
      }),
      textfield('appraiserName', '鉴定人 Appraiser', { required: true, maxLength: 50 }),
      date('appraisalDate', L.appraisalDate, { required: true }),
      textfield('appraisalReportRef', L.appraisalReportRef, {
        required: true, maxLength: 50, description: formatHint('appraisalReportRef'),
      }),
    ]),

  form('confirm-relocation', '确认易地搬迁 Confirm relocation',
    '记录搬迁安置点和入住日期。 Record the resettlement site and the move-in date.', [
      householdGroup(),
      textfield('relocationSite', L.relocationSite, { required: true, maxLength: 200 }),
      date('moveInDate', L.moveInDate, { required: true }),
    ]),

  form('relocation-follow-up-visit', '搬迁后续扶持回访 Relocation follow-up visit',
    '入户回访搬迁户：是否在新居居住、有无就业或保障、旧房是否拆除、旧宅基地是否复垦；有一项为否即转入问题整改。 Visit the relocated household: its new home, its work or support, its old house and land; any "no" goes to rectification.', [
      group('Group_relocation', '搬迁户信息 Relocated household', [
        textfield('headName', L.headName, RO),
        textfield('village', '迁出村 Village moved from', RO),
        textfield('townshipName', L.townshipName, RO),
        textfield('relocationSite', L.relocationSite, RO),
        date('moveInDate', L.moveInDate, RO),
        textfield('visitName', '本次回访 This visit', RO),
      ]),
      date('visitDate', '回访日期 Visit date', { required: true }),
      textfield('visitorName', '回访人 Visited by', { required: true, maxLength: 50 }),
      checkbox('livesInNewHome', '在安置新居居住 Lives in the new home'),
      select('livelihood', '就业或保障 Work or support', LIVELIHOODS, { required: true }),
      checkbox('oldHomeDemolished', '旧房已拆除 Old house demolished'),
      checkbox('landReclaimed', '旧宅基地已复垦 Old homestead reclaimed (复垦)'),
      // shown, and required, while any answer is "no", as the server requires it (RelocationSteps.followUpVisit)
      textarea('followUpRemarks', L.remarks, {
        required: true, maxLength: 400, description: '有一项为否时说明情况 What is wrong, when any answer is no',
        hide: '=livesInNewHome = true and oldHomeDemolished = true and landReclaimed = true and livelihood != "NONE"',
      }),
    ]),

  form('arrange-alternative-housing', '其他方式保障 Arrange alternative housing',
    '以公租房、农房置换或长期租赁保障住房安全。 Secure safe housing by rental, swap or long lease.', [
      householdGroup(),
      select('alternativeType', '保障方式 Alternative', ALTERNATIVE_TYPES, { required: true }),
      textfield('alternativeAddress', L.alternativeAddress, { required: true, maxLength: 200 }),
      date('alternativeAgreementDate', L.alternativeAgreementDate, { required: true }),
      date('moveInDate', L.moveInDate, { required: true }),
    ]),

  form('village-review', '村级评议 Village review',
    '村民代表会议评议改造对象并公示。 The village representatives review the case and post the notice.', [
      householdGroup(),
      caseGroup([
        select('safetyGrade', L.safetyGrade, SAFETY_GRADES, RO),
        select('renovationMethod', L.renovationMethod, RENOVATION_METHODS, RO),
      ]),
      date('villageReviewDate', L.villageReviewDate, { required: true }),
      checkbox('villageReviewApproved', '村民代表评议通过并公示 Approved by the village and notice posted'),
      remarks('villageReviewRemarks', 'villageReviewApproved', '不通过时说明原因 Why it is not approved'),
    ]),

  form('township-review', '乡镇审核 Township review',
    '乡镇入户核查、审核并公示。 The township visits the household, reviews the case and posts the notice.', [
      householdGroup(),
      caseGroup([
        select('safetyGrade', L.safetyGrade, SAFETY_GRADES, RO),
        select('renovationMethod', L.renovationMethod, RENOVATION_METHODS, RO),
      ]),
      date('homeVisitDate', L.homeVisitDate, { required: true }),
      checkbox('townshipReviewApproved', '乡镇审核通过并公示 Approved by the township and notice posted'),
      remarks('townshipReviewRemarks', 'townshipReviewApproved', '不通过时说明原因 Why it is not approved'),
    ]),

  form('county-approval', '县级审批 County approval',
    '县级审批改造对象和补助并公示。 The county approves the case and the subsidy and posts the notice.', [
      householdGroup(),
      caseGroup([
        select('safetyGrade', L.safetyGrade, SAFETY_GRADES, RO),
        select('renovationMethod', L.renovationMethod, RENOVATION_METHODS, RO),
        number('subsidyAmount', L.subsidyAmount, RO),
      ]),
      date('countyApprovalDate', L.countyApprovalDate, { required: true }),
      checkbox('countyApproved', '县级批准并公示 Approved by the county and notice posted'),
      remarks('countyApprovalRemarks', 'countyApproved', '不通过时说明原因 Why it is not approved'),
    ]),

  form('sign-agreement', '签订改造协议 Sign renovation agreement',
    '与农户签订改造协议并确定施工方。 Sign the renovation agreement with the household and name the builder.', [
      householdGroup(),
      caseGroup([
        select('renovationMethod', L.renovationMethod, RENOVATION_METHODS, RO),
        number('subsidyAmount', L.subsidyAmount, RO),
        checkbox('canBuild', L.canBuild, RO),
      ]),
      textfield('agreementNumber', L.agreementNumber, {
        required: true, maxLength: 50, description: formatHint('agreementNumber'),
      }),
      date('agreementDate', L.agreementDate, { required: true }),
      select('builderType', '施工方 Builder', BUILDER_CHOICES, {
        required: true, description: '农户有能力自建时可选自建 Self-build is offered where the household can build',
      }),
      textfield('builderName', L.builderName, {
        required: true, maxLength: 100, description: '自建时填指导工匠 For self-build, the guiding craftsman',
      }),
    ]),

  form('start-construction', '开工 Start construction',
    '记录开工日期。 Record the date construction started.', [
      householdGroup(),
      caseGroup([
        textfield('agreementNumber', L.agreementNumber, RO),
        textfield('builderName', L.builderName, RO),
      ]),
      date('constructionStartDate', L.constructionStartDate, { required: true }),
    ]),

  form('inspect-construction', '施工巡查 Inspect construction',
    '现场巡查施工质量和安全；竣工时勾选已竣工。 Inspect quality and site safety; tick completed when the work is finished.', [
      householdGroup(),
      caseGroup([
        date('constructionStartDate', L.constructionStartDate, RO),
        number('inspectionCount', '已巡查次数 Inspections so far', RO),
      ]),
      date('inspectionDate', '巡查日期 Inspection date', { required: true }),
      textfield('inspectorName', '巡查人 Inspector', { required: true, maxLength: 50 }),
      checkbox('qualityOk', '质量符合要求 Quality satisfactory'),
      checkbox('safetyOk', '施工安全 Site safe'),
      textarea('inspectionNotes', '巡查记录 Findings', { maxLength: 1000 }),
      checkbox('constructionCompleted', '已竣工 Construction completed'),
      date('constructionCompletedDate', L.constructionCompletedDate, {
        required: true, hide: '=constructionCompleted != true',
      }),
    ]),

  form('inspect-acceptance', '竣工验收 Acceptance inspection',
    '竣工后组织验收；不合格的问题逐条进入整改。 Inspect the finished work; each defect found goes to rectification.', [
      householdGroup(),
      caseGroup([
        select('renovationMethod', L.renovationMethod, RENOVATION_METHODS, RO),
        date('constructionCompletedDate', L.constructionCompletedDate, RO),
      ]),
      date('acceptanceDate', L.acceptanceDate, { required: true }),
      number('floorArea', '建筑面积(㎡) Floor area (m²)', {
        required: true, min: 10, max: 300, decimalDigits: 1,
        description: '3人及以上每人不超过18㎡ At most 18 m² per person for 3 or more people',
      }),
      checkbox('hasSanitaryToilet', '有卫生厕所 Sanitary toilet'),
      checkbox('livestockSeparated', '人畜分离 People separated from livestock'),
      checkbox('oldHouseDemolished', '旧房已拆除(一户一宅) Old house demolished', {
        description: '拆除重建须拆除旧房 A rebuild must demolish the old house',
        hide: '=renovationMethod != "REBUILD"',
      }),
      checkbox('seismicMeasures', '抗震构造措施到位 Anti-seismic measures in place', {
        description: '设防烈度7度及以上的县须有圈梁、构造柱等，方可验收合格 Where the seismic intensity is 7 or more, ring beams, tie columns and the like are needed to pass',
        hide: '=seismicIntensity < 7',
      }),
      checkbox('acceptancePassed', '验收合格 Acceptance passed', {
        description: '合格须有卫生厕所、人畜分离，拆除重建还须旧房已拆除 Passing needs a sanitary toilet and livestock separated, and for a rebuild the old house demolished',
      }),
      textarea('acceptanceDefects', '存在问题(每行一条) Defects, one per line', {
        required: true, maxLength: 2000,
        description: '逐条进入整改，每条不超过200字 Each line goes to rectification (200 characters at most)',
        hide: '=acceptancePassed = true',
      }),
    ]),

  form('payout-subsidy', '拨付补助 Pay out subsidy',
    '通过一卡通将补助资金发放给农户。 Pay the subsidy into the household\'s one-card (一卡通) account.', [
      householdGroup(),
      caseGroup([
        number('subsidyAmount', L.subsidyAmount, RO),
        date('acceptanceDate', L.acceptanceDate, RO),
      ]),
      number('paidAmount', '发放金额(元) Amount paid (yuan)', {
        required: true, min: 0, decimalDigits: 0, description: '应等于批准的补助金额 Must equal the approved subsidy',
      }),
      date('paymentDate', L.paymentDate, { required: true }),
      textfield('paymentReference', L.paymentReference, {
        required: true, maxLength: 50, description: '一卡通 One-card account',
      }),
    ]),

  form('supply-archive-data', '补充档案资料 Supply archive data',
    '补齐一户一档缺少的资料。 Supply the items the case archive still lacks.', [
      householdGroup(),
      textarea('archiveMissing', '缺少的资料 Missing items', RO),
      textarea('nationalRecordGaps', '信息系统数据缺项 Gaps in the national system record', RO),
      ...[
        ['appraisalReportRef', 'textfield'],
        ['agreementNumber', 'textfield'],
        ['paymentReference', 'textfield'],
        ['relocationSite', 'textfield'],
        ['alternativeAddress', 'textfield'],
        ['verificationDate', 'date'],
        ['appraisalDate', 'date'],
        ['villageReviewDate', 'date'],
        ['homeVisitDate', 'date'],
        ['countyApprovalDate', 'date'],
        ['agreementDate', 'date'],
        ['constructionStartDate', 'date'],
        ['constructionCompletedDate', 'date'],
        ['acceptanceDate', 'date'],
        ['paymentDate', 'date'],
        ['moveInDate', 'date'],
        ['alternativeAgreementDate', 'date'],
      ].map(([key, kind]) => {
        const o = { hide: `=not(contains(archiveMissing, "${key}"))` };
        if (kind === 'textfield') {
          o.maxLength = ['relocationSite', 'alternativeAddress'].includes(key) ? 200 : 50;
          return textfield(key, L[key], o);
        }
        return date(key, L[key], o);
      }),
    ]),

  form('archive-case', '归档 Archive case',
    '一户一档归档，并在信息系统中核准数据。 File the case archive and approve the data in the information system.', [
      householdGroup(),
      caseGroup([
        select('renovationMethod', L.renovationMethod, RENOVATION_METHODS, RO),
        select('safetyGrade', L.safetyGrade, SAFETY_GRADES, RO),
      ]),
      textfield('archiveNumber', '档案编号 Archive number', {
        required: true, maxLength: 50, description: formatHint('archiveNumber'),
      }),
      date('archivedDate', '归档日期 Archive date', { required: true }),
      checkbox('systemDataApproved', '信息系统数据已核准 Data checked and approved in the national information system', {
        required: true,
      }),
    ]),

  form('start-rectification-check', '启动问题排查 Start problem check',
    '开始一轮农房安全问题排查，边查边改。 Start a check for housing-security problems; problems are rectified as they are found.', [
      select('checkKind', '排查类型 Kind of check', CHECK_KINDS, {
        required: true,
        description: '隐患排查覆盖本地全部农房，不限于重点对象 A hazard check covers every rural house of the place, not only the key groups',
      }),
      select('checkLevel', L.checkLevel, CHECK_LEVELS, { required: true }),
      ...divisionSelects(),
      textfield('village', L.village, {
        required: true, maxLength: 50, hide: '=checkLevel = "COUNTY"',
        description: '村级自查和乡镇检查的村 The village of a village or township check',
      }),
      textarea('checkScope', L.checkScope, { required: true, maxLength: 500 }),
      textfield('checkerName', '排查负责人 Check led by', { required: true, maxLength: 50 }),
    ]),

  form('conduct-check', '开展排查 Conduct check',
    '登记发现的问题；每条问题立即进入整改。 Record the problems found; each goes to rectification at once.', [
      checkGroup([
        select('checkKind', '排查类型 Kind of check', CHECK_KINDS, RO),
        select('checkLevel', L.checkLevel, CHECK_LEVELS, RO),
        textfield('village', L.village, RO),
        textarea('checkScope', L.checkScope, RO),
      ]),
      HAZARD_HINT,
      textarea('problemsFound', '发现的问题(每行一条) Problems found, one per line', {
        maxLength: 4000,
        description: '每条问题立即进入整改，每条不超过200字 Each goes to rectification at once (200 characters at most)',
      }),
      date('rectifyDeadline', '整改期限 Rectification deadline'),
      checkbox('checkFinished', '排查已结束 Check finished'),
    ]),

  form('rectify-problem', '问题整改 Rectify problem',
    '落实整改措施并记录完成日期。 Carry out the rectification and record when it was done.', [
      checkGroup([
        textfield('village', L.village, RO),
        textarea('checkScope', L.checkScope, RO),
      ]),
      problemGroup([
        textarea('problemDescription', L.problemDescription, RO),
        textfield('rectifyDeadline', '整改期限 Deadline', RO),
      ]),
      textarea('rectificationMeasures', L.rectificationMeasures, { required: true, maxLength: 2000 }),
      date('rectifiedDate', L.rectifiedDate, { required: true }),
    ]),

  form('verify-rectification', '整改复核 Verify rectification',
    '复核整改是否到位。 Check that the problem has really been put right.', [
      checkGroup([
        textfield('village', L.village, RO),
        textarea('checkScope', L.checkScope, RO),
      ]),
      problemGroup([
        textarea('problemDescription', L.problemDescription, RO),
        textarea('rectificationMeasures', L.rectificationMeasures, RO),
        date('rectifiedDate', L.rectifiedDate, RO),
      ]),
      checkbox('rectificationVerified', '整改到位 Rectification verified'),
      reasonsUnless('verificationRemarks', 'rectificationVerified', '复核意见 Remarks', '未到位时说明原因 Why it is not put right', 1000),
    ]),

  form('close-out-problem', '问题销号 Close out problem',
    '整改到位的问题销号。 Close out a problem whose rectification has been verified.', [
      checkGroup([
        textfield('village', L.village, RO),
        textarea('checkScope', L.checkScope, RO),
      ]),
      problemGroup([
        textarea('problemDescription', L.problemDescription, RO),
        textarea('rectificationMeasures', L.rectificationMeasures, RO),
      ]),
      date('closeOutDate', '销号日期 Close-out date', { required: true }),
      textarea('closeOutRemarks', '销号意见 Remarks', { maxLength: 1000 }),
    ]),

  form('supervise-county', '挂牌督战 Listed supervision',
    '该县在攻坚截止日仍有滞后案件，请督促整改并记录督战措施。 The county still has lagging cases at a campaign deadline: press it to catch up and record what was done.', [
      group('Group_county', '滞后县 Lagging county', [
        textfield('countyName', '县 County', RO),
        select('deadline', '截止日 Deadline', CAMPAIGN_DEADLINES, RO),
        textarea('laggingCases', '滞后案件 Lagging cases', RO),
      ]),
      textarea('supervisionMeasures', '督战措施 Supervision measures', {
        required: true, maxLength: 2000, description: '约谈、现场督导、限期整改等 Talks, site visits, deadlines set',
      }),
      date('supervisionDate', '督战日期 Date', { required: true }),
    ]),
];

// ---------------------------------------------------------------- write

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const csvArg = args.find((a) => a !== '--check');
  const csvPath = csvArg ? resolve(csvArg) : defaultCsvPath();
  const divisions = readDivisions(csvPath);
  mkdirSync(FORMS_DIR, { recursive: true });
  const stale = [];
  for (const schema of FORMS) {
    const patched = applyDivisions(schema, divisions);
    const path = resolve(FORMS_DIR, `${schema.id}.form`);
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== formText(schema)) stale.push(`forms/${schema.id}.form`);
      continue;
    }
    writeForm(path, schema);
    console.log(`forms/${schema.id}.form${patched.length ? ` (divisions: ${patched.join(', ')})` : ''}`);
  }
  if (check) {
    const made = new Set(FORMS.map((schema) => `${schema.id}.form`));
    const extra = readdirSync(FORMS_DIR).filter((f) => f.endsWith('.form') && !made.has(f));
    for (const f of extra) stale.push(`forms/${f} (no generator entry)`);
    if (stale.length) {
      console.error(`forms differ from scripts/forms/generate-forms.mjs; run it and commit:\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`${FORMS.length} forms match their source`);
  }
}

main();
