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

export default [];
