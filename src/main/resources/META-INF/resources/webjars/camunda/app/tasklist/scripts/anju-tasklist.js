// What Anju changes in Tasklist, besides the translation (locales/zh.json) and what all webapps get
// (../anju/webapps.js):
//
// 1. The task header names the county (岢岚县) where Tasklist shows the task's tenant (county140929): the
//    task directive's template passes the tenant id through the filter anjuCounty, which reads the
//    names from Anju's /api/divisions/counties.
// 2. A refusal by Anju's rules is shown as our sentence alone: Tasklist puts its own words in front of
//    the server's message ("The process could not be started. : …"); for our refusals the
//    notification shows the message only.
// 3. Camunda Forms (form-js 1.8.7) in Chinese. Tasklist creates the form itself (new Form({container})
//    in cam-tasklist-form-camunda.js) with no hook for translations, and form-js hard-codes its
//    validation messages in English (Validator.js) and takes the date format from the browser's locale
//    (Intl.DateTimeFormat('default')). So:
//    - its messages (in .fjs-form-field-error, form-js's documented error element) are translated
//      where they appear, by a MutationObserver, from the table MESSAGES below;
//    - the date picker (flatpickr, which form-js bundles and exposes as window.flatpickr) gets
//      Chinese months and weekdays and the format yyyy-mm-dd, and a typed date it cannot read as
//      yyyy-mm-dd is refused with a message instead of being turned into another date.
//    With English chosen, form-js keeps its own English.
// 4. A 资料 Documents tab on every task of a household's case (plugin point tasklist.task.detail): what the
//    step needs for the household file (一户一档), what is there (thumbnails of photos), uploads of several
//    files at once (from a phone's camera too) and removal while the step is open, through Anju's
//    /api/tasks/{id}/documents. Camunda Forms in 7.24 cannot upload files, hence a tab beside the form;
//    the server refuses to complete a step whose required documents are missing, naming them.

import { language } from '../../anju/webapps.js';

const ZH = language() === 'zh';
const angular = window.angular;

// ---------------------------------------------------------------- 1. the county's name

const counties = {};
let countiesAsked = false;

/** Reads the counties' names once, when the first task is shown (the API wants the logged-in session). */
function askForCounties() {
  countiesAsked = true;
  fetch(appRoot() + '/api/divisions/counties', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : {}))
    .then(names => {
      Object.assign(counties, names);
      const injector = angular && angular.element(document.documentElement).injector();
      if (injector) injector.get('$rootScope').$applyAsync();
    })
    .catch(() => { countiesAsked = false; });
}

function appRoot() {
  // /camunda/app/tasklist/default/ → the context root, where Anju's API lies beside the webapps
  const base = document.querySelector('base');
  const root = base ? base.getAttribute('app-root') || '' : '';
  return root.replace(/\/camunda$/, '');
}

function countyName(tenantId) {
  const code = /^county(\d{6})$/.exec(tenantId || '');
  if (code && !countiesAsked) askForCounties();
  return code && counties[code[1]] ? counties[code[1]] : tenantId;
}

// ---------------------------------------------------------------- 2. refusals alone

/** Anju's refusals name the field by its label, Chinese first: "身份证号：校验位错误，应为 6 / Resident ID number: …". */
function isAnjuRefusal(message) {
  return typeof message === 'string' && /^[^：/]{1,40}：[^/]+ \/ [^:]+: /.test(message);
}

// ---------------------------------------------------------------- 2b. the household id after a start

// Tasklist says only "The process has been started." and gives the new instance to no hook; its REST client
// (XMLHttpRequest) does receive it. The answer of a start form's submit is kept for a moment, and the
// notification that follows names the case's id (a household's 户号), shown long enough to copy it down.
let lastStarted = null;
if (typeof XMLHttpRequest !== 'undefined') {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function(method, url) {
    if (String(method).toUpperCase() === 'POST' && /\/process-definition\/[^/]+\/submit-form(\?|$)/.test(String(url))) {
      this.addEventListener('load', () => {
        try {
          const started = JSON.parse(this.responseText);
          if (this.status === 200 && started && started.businessKey) {
            lastStarted = { businessKey: started.businessKey, at: Date.now() };
          }
        } catch (e) {
          // not a start's answer: nothing to show
        }
      });
    }
    return open.apply(this, arguments);
  };
}

function startedCase() {
  const started = lastStarted && Date.now() - lastStarted.at < 10000 ? lastStarted : null;
  lastStarted = null;
  return started;
}

if (angular) {
  const module = angular.module('cam.tasklist.custom');
  const countyFilter = function() {
    const filter = tenantId => countyName(tenantId);
    filter.$stateful = true; // the names arrive after the first rendering
    return filter;
  };
  module.filter('anjuCounty', countyFilter);
  module.config(['$provide', function($provide) {
    $provide.decorator('camTasklistTaskDirective', ['$delegate', function($delegate) {
      $delegate.forEach(directive => {
        if (typeof directive.template === 'string') {
          directive.template = directive.template.replace(/\{\{\s*task\.tenantId\s*\}\}/g, '{{ task.tenantId | anjuCounty }}');
        }
      });
      return $delegate;
    }]);
    $provide.decorator('Notifications', ['$delegate', function($delegate) {
      const addError = $delegate.addError;
      $delegate.addError = function(notification) {
        if (notification && isAnjuRefusal(notification.message)) {
          notification = Object.assign({}, notification, { status: notification.message, message: '' });
        }
        return addError.call(this, notification);
      };
      const addMessage = $delegate.addMessage;
      $delegate.addMessage = function(notification) {
        const started = notification && !notification.message ? startedCase() : null;
        if (started) {
          notification = Object.assign({}, notification, { duration: 30000,
            message: '编号 Case id: ' + started.businessKey });
        }
        return addMessage.call(this, notification);
      };
      return $delegate;
    }]);
  }]);
}

// ---------------------------------------------------------------- 3. Camunda Forms in Chinese

const MESSAGES = [
  [/^Field is required\.$/, () => '必填项。'],
  [/^Field must have minimum length of (.+)\.$/, n => `至少填写 ${n} 个字。`],
  [/^Field must have maximum length of (.+)\.$/, n => `最多填写 ${n} 个字。`],
  [/^Field must have minimum value of (.+)\.$/, n => `不能小于 ${n}。`],
  [/^Field must have maximum value of (.+)\.$/, n => `不能大于 ${n}。`],
  [/^Field must match pattern (.+)\.$/, p => `格式不符合要求（${p}）。`],
  [/^Value is not a number\.$/, () => '不是数字。'],
  [/^Value is expected to be an integer\.$/, () => '必须是整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, n => `最多保留 ${n} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `请填写有效的值，最接近的两个有效值是 ${a} 和 ${b}。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid {1,2}international phone number\. \(e\.g\. (.+)\)$/, e => `请填写有效的国际电话号码（例如 ${e}）。`],
  [/^Date and time must both be entered\.$/, () => '日期和时间都须填写。']
];

const PLACEHOLDERS = { Select: '请选择', Search: '搜索', 'Select a value': '请选择' };

function translated(text) {
  for (const [pattern, make] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) return make(...match.slice(1));
  }
  return null;
}

/** Translates form-js's own words below {@code root}, in place (the text nodes form-js keeps). */
function translateForm(root) {
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error').forEach(item => {
    item.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE) {
        const zh = translated(node.data.trim());
        if (zh && node.data !== zh) node.data = zh;
      }
    });
  });
  root.querySelectorAll('.fjs-form input[placeholder], .fjs-form .fjs-select-display').forEach(el => {
    const placeholder = el.getAttribute('placeholder');
    if (placeholder && PLACEHOLDERS[placeholder]) el.setAttribute('placeholder', PLACEHOLDERS[placeholder]);
    if (el.classList.contains('fjs-select-display') && PLACEHOLDERS[el.textContent.trim()]) {
      el.childNodes.forEach(node => {
        if (node.nodeType === Node.TEXT_NODE && PLACEHOLDERS[node.data.trim()]) node.data = PLACEHOLDERS[node.data.trim()];
      });
    }
  });
}

// the date picker: yyyy-mm-dd, read strictly
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function strictDate(text) {
  const match = ISO_DATE.exec(String(text).trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

if (ZH) {
  // form-js asks Intl.DateTimeFormat('default') for the date's order and separators (localisationUtil.js):
  // China's order with '-', so the picker shows and reads yyyy-mm-dd as the forms store it
  const BrowserDateTimeFormat = Intl.DateTimeFormat;
  const isoDay = new BrowserDateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const AnjuDateTimeFormat = function(locales, options) {
    if (locales === 'default' && options === undefined) {
      return {
        format: date => isoDay.formatToParts(date).map(p => (p.type === 'literal' ? '-' : p.value)).join(''),
        formatToParts: date => isoDay.formatToParts(date).map(p => (p.type === 'literal' ? { type: 'literal', value: '-' } : p)),
        resolvedOptions: () => isoDay.resolvedOptions()
      };
    }
    return new BrowserDateTimeFormat(locales, options);
  };
  AnjuDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
  AnjuDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf;
  Intl.DateTimeFormat = AnjuDateTimeFormat;
}

function configureFlatpickr() {
  const flatpickr = window.flatpickr;
  if (!flatpickr || flatpickr.anju) return !!flatpickr;
  flatpickr.anju = true;
  if (ZH) {
    flatpickr.localize({
      weekdays: { shorthand: ['日', '一', '二', '三', '四', '五', '六'],
        longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] },
      months: { shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
        longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'] },
      rangeSeparator: ' 至 ',
      weekAbbreviation: '周',
      scrollTitle: '滚动切换',
      toggleTitle: '点击切换 12/24 小时制',
      firstDayOfWeek: 1,
      time_24hr: true
    });
  }
  return true;
}
configureFlatpickr();

const UNREADABLE = 'anju-date-unreadable';

function unreadableMessage(text) {
  return ZH ? `无法识别日期“${text}”，请按 yyyy-mm-dd 填写，例如 2026-03-31。`
    : `"${text}" is not a date this field can read; type it as yyyy-mm-dd, e.g. 2026-03-31.`;
}

function showUnreadable(input, text) {
  const field = input.closest('.fjs-form-field') || input.parentElement;
  let note = field.querySelector('.' + UNREADABLE);
  if (!text) {
    if (note) note.remove();
    input.removeAttribute('aria-invalid');
    return;
  }
  if (!note) {
    note = document.createElement('div');
    note.className = 'fjs-form-field-error ' + UNREADABLE;
    note.setAttribute('aria-live', 'polite');
    field.appendChild(note);
  }
  note.textContent = unreadableMessage(text);
  input.setAttribute('aria-invalid', 'true');
}

/**
 * Before flatpickr reads what was typed (Enter, or leaving the field, which form-js turns into Enter): a
 * text that is not a date written yyyy-mm-dd is taken out of the field and named in a message, so that
 * flatpickr never reads "12/01/2026" as some other day.
 */
function checkTypedDate(event) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.closest('.fjs-datepicker')) return;
  if (event.type === 'keydown' && event.key !== 'Enter' && event.code !== 'Enter') return;
  configureFlatpickr();
  const text = input.value.trim();
  if (!text) return;
  if (strictDate(text)) {
    showUnreadable(input, '');
  } else {
    showUnreadable(input, text);
    input.value = '';
  }
}

document.addEventListener('keydown', checkTypedDate, true);
document.addEventListener('blur', checkTypedDate, true);

if (ZH) {
  new MutationObserver(mutations => {
    configureFlatpickr();
    const roots = new Set();
    mutations.forEach(m => {
      const node = m.target.nodeType === Node.ELEMENT_NODE ? m.target : m.target.parentElement;
      const form = node && node.closest ? node.closest('.fjs-container, .fjs-form') : null;
      if (form) roots.add(form);
    });
    roots.forEach(translateForm);
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

// ---------------------------------------------------------------- 4. the Documents tab

const T = ZH ? {
  title: '本步骤的资料（一户一档）', needed: '必需', when: '需要：', optional: '可选', none: '尚未上传',
  upload: '上传', uploading: '正在上传…', remove: '删除', removeAsk: '删除该资料？', refused: '未能完成：',
  readOnly: '只有该任务的办理人或候选组成员可以上传或删除资料。', notCase: '此任务不属于农户的一户一档。',
  taken: '拍摄于', size: '大小', photoHint: '照片：JPEG 或 PNG，可用手机拍照', scanHint: '扫描件：PDF、JPEG 或 PNG',
} : {
  title: 'Documents of this step (household file)', needed: 'required', when: 'required ', optional: 'optional',
  none: 'none yet', upload: 'Upload', uploading: 'Uploading…', remove: 'Remove', removeAsk: 'Remove this document?',
  refused: 'Not done: ', readOnly: 'Only the task\u2019s assignee or candidates may add or remove documents.',
  notCase: 'This task has no household file.', nothing: 'This step adds nothing to the household file.', taken: 'taken', size: 'size', photoHint: 'Photos: JPEG or PNG, a phone camera too',
  scanHint: 'Scans: PDF, JPEG or PNG',
};

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'text') node.textContent = v;
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach(c => node.append(c));
  return node;
}

/** The server's refusal as a clerk reads it: its sentences, Chinese first. */
async function refusal(response) {
  try {
    const body = await response.json();
    if (Array.isArray(body.errors) && body.errors.length) return body.errors.map(e => e.message || e.reason).join('；');
    return body.detail || body.message || String(response.status);
  } catch (e) {
    return String(response.status);
  }
}

function megabytes(bytes) {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1) + ' MB';
}

async function renderDocuments(node, taskId) {
  node.classList.add('anju-documents');
  node.replaceChildren(h('p', { class: 'text-muted', text: '…' }));
  const response = await fetch(appRoot() + '/api/tasks/' + encodeURIComponent(taskId) + '/documents',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    node.replaceChildren(h('p', { class: 'text-muted', text: response.status === 404 ? T.notCase : await refusal(response) }));
    return;
  }
  const listing = await response.json();
  const message = h('div', { class: 'anju-documents-message', role: 'alert' });
  const rows = listing.records.map(record => recordRow(listing, record, message, () => renderDocuments(node, taskId)));
  node.replaceChildren(
    h('h4', { text: T.title }),
    rows.length === 0 ? h('p', { class: 'text-muted anju-no-documents', text: T.nothing }) : '',
    listing.mayChange || rows.length === 0 ? '' : h('p', { class: 'text-muted', text: T.readOnly }),
    message,
    rows.length === 0 ? '' : h('table', { class: 'table anju-documents-table' }, h('tbody', {}, rows)));
}

function recordRow(listing, record, message, reload) {
  const mine = listing.documents.filter(d => d.record === record.record);
  const need = record.required ? h('span', { class: 'label label-danger anju-required', text: T.needed })
    : record.condition ? h('span', { class: 'label label-warning anju-conditional',
      text: T.when + (ZH ? record.condition.zh : record.condition.en) })
      : h('span', { class: 'label label-default', text: T.optional });
  const input = h('input', { type: 'file', multiple: true, class: 'anju-file', 'data-record': record.record,
    accept: record.photo ? 'image/jpeg,image/png' : 'application/pdf,image/jpeg,image/png',
    disabled: !listing.mayChange, 'aria-label': (ZH ? record.zh : record.en) + ' ' + T.upload });
  input.addEventListener('change', async () => {
    if (!input.files.length) return;
    const tooLarge = Array.from(input.files).find(f => f.size > listing.maxFileSize);
    if (tooLarge) {
      message.className = 'anju-documents-message alert alert-danger';
      message.textContent = T.refused + '“' + tooLarge.name + '” > ' + megabytes(listing.maxFileSize);
      input.value = '';
      return;
    }
    const data = new FormData();
    data.append('record', record.record);
    Array.from(input.files).forEach(f => data.append('file', f, f.name));
    message.className = 'anju-documents-message text-muted';
    message.textContent = T.uploading;
    const sent = await fetch(appRoot() + '/api/tasks/' + encodeURIComponent(listing.taskId) + '/documents',
      { method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrfToken(), Accept: 'application/json' } });
    if (sent.ok) {
      reload();
    } else {
      message.className = 'anju-documents-message alert alert-danger';
      message.textContent = T.refused + await refusal(sent);
      input.value = '';
    }
  });
  const files = mine.length === 0 ? h('span', { class: 'text-muted', text: T.none })
    : h('ul', { class: 'list-unstyled anju-document-list' }, mine.map(d => documentItem(listing, d, message, reload)));
  return h('tr', { 'data-record': record.record },
    h('td', {}, h('strong', { text: ZH ? record.zh : record.en }), ' ', need,
      h('div', { class: 'text-muted small', text: record.photo ? T.photoHint : T.scanHint })),
    h('td', {}, files),
    h('td', {}, input));
}

function documentItem(listing, d, message, reload) {
  const content = appRoot() + d.content;
  const preview = d.thumbnail
    ? h('a', { href: content, target: '_blank', rel: 'noopener' },
      h('img', { src: appRoot() + d.thumbnail, alt: d.fileName, class: 'anju-thumbnail', style: 'max-width:120px;max-height:90px' }))
    : h('a', { href: content, target: '_blank', rel: 'noopener', class: 'anju-pdf', text: '📄 PDF' });
  const facts = [d.fileName, T.size + ' ' + megabytes(d.size)];
  if (d.takenAt) facts.push(T.taken + ' ' + new Date(d.takenAt).toLocaleString(ZH ? 'zh-CN' : 'en', { timeZone: 'Asia/Shanghai' }));
  if (d.latitude != null) facts.push(d.latitude.toFixed(5) + ', ' + d.longitude.toFixed(5));
  const remove = h('button', { type: 'button', class: 'btn btn-link btn-xs anju-remove', text: T.remove, disabled: !listing.mayChange });
  remove.addEventListener('click', async () => {
    if (!window.confirm(T.removeAsk)) return;
    const done = await fetch(appRoot() + '/api/documents/' + d.id,
      { method: 'DELETE', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrfToken(), Accept: 'application/json' } });
    if (done.ok) reload();
    else {
      message.className = 'anju-documents-message alert alert-danger';
      message.textContent = T.refused + await refusal(done);
    }
  });
  return h('li', { 'data-document': d.id }, preview, ' ', h('span', { class: 'small', text: facts.join(' · ') }), ' ', remove);
}

const documentsTab = {
  id: 'anju-documents',
  pluginPoint: 'tasklist.task.detail',
  // after the form, before the history and the diagram
  priority: 950,
  properties: { label: ZH ? '资料 Documents' : 'Documents' },
  render(node, { taskId }) {
    renderDocuments(node, taskId).catch(error => {
      node.textContent = T.refused + error.message;
    });
  },
};

export default [documentsTab];
