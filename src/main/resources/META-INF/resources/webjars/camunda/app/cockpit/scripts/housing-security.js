// 住房安全保障 Housing security: a Cockpit dashboard plugin (pluginPoint cockpit.dashboard).
// It reads Anju's API (/api/progress, /api/progress/stuck, /steps, /find) with the Cockpit session cookie:
// the API accepts the webapps' login, for a write (an administrator ending a notice) with the session's
// CSRF token as the webapps send it, and shows only the counties of the logged-in user. Cockpit puts
// dashboard plugins in a "Custom plugins" section below its own panels; this one moves that section first.

const STYLE = `
.anju-hs { margin: 0 0 20px; }
.anju-hs h3 { margin: 12px 0 6px; font-size: 15px; }
.anju-hs table { border-collapse: collapse; width: 100%; font-size: 13px; }
.anju-hs th, .anju-hs td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #e5e5e5; vertical-align: middle; }
.anju-hs .bar { position: relative; background: #eee; height: 14px; width: 220px; border-radius: 2px; }
.anju-hs .bar span { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 2px; }
.anju-hs .bar .started { background: #9cc3e6; }
.anju-hs .bar .completed { background: #2f7ec1; }
.anju-hs .risk { color: #b5152b; font-weight: bold; }
.anju-hs .muted { color: #777; }
`;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function appRoot() {
  // /camunda/app/cockpit/default/ → /camunda; Anju's API lies beside the webapps, at the context root
  const base = document.querySelector('base');
  const href = base ? base.getAttribute('href') : window.location.pathname;
  const at = href.indexOf('/app/');
  const webapps = at >= 0 ? href.substring(0, at) : '';
  return webapps.replace(/\/camunda$/, '');
}

async function getJson(path) {
  const response = await fetch(appRoot() + path, { credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
  if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
  return response.json();
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function postJson(path) {
  const response = await fetch(appRoot() + path, { method: 'POST', credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrfToken() } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.message || path + ': HTTP ' + response.status);
  return body;
}

const OUTCOMES = {
  MADE_SAFE_BY_RENOVATION: '改造后安全 Made safe by renovation',
  APPRAISED_SAFE: '鉴定安全 Appraised safe',
  SECURED_OTHER_WAY: '其他方式保障 Secured another way',
  NOT_ELIGIBLE: '非保障对象 Not eligible',
  CANCELLED: '已撤销 Cancelled'
};

function caseLink(c) {
  return el('a', { href: `#/process-instance/${c.processInstanceId}/runtime`, text: `${c.headName} · ${c.village}` });
}

function outcomeList(report) {
  const totals = {};
  report.rows.forEach(row => Object.entries(row.outcomes || {}).forEach(([outcome, n]) => {
    totals[outcome] = (totals[outcome] || 0) + n;
  }));
  return el('div', {},
    el('h3', { text: '保障结果 Outcomes' }),
    el('table', { class: 'anju-outcomes' },
      el('tbody', {}, Object.keys(OUTCOMES).map(outcome => el('tr', { 'data-outcome': outcome },
        el('td', { text: OUTCOMES[outcome] }), el('td', { text: totals[outcome] || 0 }))))));
}

// the categories of the hazard checks' findings (data/form-options.json hazardCategories)
const HAZARDS = {
  STRUCTURE: '结构 Structure', FOUNDATION: '地基 Foundation', ROOF: '屋面 Roof', WALLS: '墙体 Walls',
  FIRE: '消防 Fire', GEOLOGICAL: '地质灾害 Geological hazard', ILLEGAL_ALTERATION: '违法改扩建 Illegal alteration',
  OTHER: '其他 Other'
};

function hazardList(report) {
  const totals = {};
  report.rows.forEach(row => Object.entries(row.hazards || {}).forEach(([category, n]) => {
    const t = totals[category] || (totals[category] = { found: 0, open: 0, closed: 0 });
    t.found += n.found; t.open += n.open; t.closed += n.closed;
  }));
  const shown = Object.keys(HAZARDS).filter(category => totals[category]);
  return el('div', {},
    el('h3', { text: '安全隐患排查整治（按类别） Hazard findings by category' }),
    shown.length === 0 ? el('p', { class: 'muted', text: '无 none' }) :
      el('table', { class: 'anju-hazards' },
        el('thead', {}, el('tr', {}, ['类别 Category', '发现 Found', '未整改 Open', '已销号 Closed']
          .map(text => el('th', { text })))),
        el('tbody', {}, shown.map(category => el('tr', { 'data-category': category },
          el('td', { text: HAZARDS[category] }), el('td', { text: totals[category].found }),
          el('td', { text: totals[category].open, class: totals[category].open > 0 ? 'risk' : '' }),
          el('td', { text: totals[category].closed }))))));
}

function stepList(board, reload) {
  const notices = board.notices.length === 0 ? el('p', { class: 'muted', text: '无 none' }) :
    el('table', { class: 'anju-notices' },
      el('thead', {}, el('tr', {}, ['户主 Household', '户号 Household id', '县/乡镇 County/township', '公示 Notice',
        '公示结束 Ends on', ''].map(text => el('th', { text })))),
      el('tbody', {}, board.notices.map(n => el('tr', {},
        el('td', {}, caseLink(n)),
        el('td', { text: n.householdId }),
        el('td', { text: `${n.countyName} ${n.townshipName}` }),
        el('td', { text: n.noticeName }),
        el('td', { text: n.endsOn }),
        el('td', {}, board.mayEndNotices ? endButton(n, reload) : '')))));
  return el('div', {},
    el('h3', { text: '各环节案件 Open cases by step' }),
    el('table', { class: 'anju-steps' },
      el('tbody', {}, board.steps.map(s => el('tr', { 'data-step': s.step },
        el('td', { text: s.name }), el('td', { text: s.cases }))))),
    el('h3', { text: '公示中的案件 Cases in public notice' }),
    notices);
}

function endButton(notice, reload) {
  const button = el('button', { class: 'btn btn-default btn-xs', type: 'button', text: '立即结束公示 End this notice now' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await postJson(`/api/progress/notices/${encodeURIComponent(notice.jobId)}/end`);
      reload();
    } catch (error) {
      button.replaceWith(el('span', { class: 'risk', text: error.message }));
    }
  });
  return button;
}

function finder() {
  const input = el('input', { type: 'search', class: 'form-control input-sm anju-find-input',
    placeholder: '户主姓名或身份证号 Name or resident ID', maxlength: '50', style: 'display:inline-block;width:280px' });
  const button = el('button', { class: 'btn btn-default btn-sm', type: 'submit', text: '查找 Find' });
  const results = el('div', { class: 'anju-found' });
  const form = el('form', { class: 'anju-find' }, input, ' ', button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const found = await getJson('/api/progress/find?q=' + encodeURIComponent(input.value));
      results.replaceChildren(found.length === 0 ? el('p', { class: 'muted', text: '未找到 nothing found' }) :
        el('table', {}, el('tbody', {}, found.map(c => el('tr', {},
          el('td', {}, c.processInstanceId ? caseLink(c) : `${c.headName} · ${c.village}`),
          el('td', { text: c.householdId }),
          el('td', { text: c.residentId.substring(0, 6) + '********' + c.residentId.substring(14) }),
          el('td', { text: `${c.countyName} ${c.townshipName}` }),
          el('td', { text: c.outcome ? (OUTCOMES[c.outcome] || c.outcome) : c.steps.join(', ') }),
          // the archived household file (一户一档), as the county's archivist and the inspectors read it
          el('td', {}, c.outcome ? el('a', { class: 'anju-household-file',
            href: '/api/households/' + encodeURIComponent(c.householdId) + '/household-file',
            text: '一户一档 PDF Household file' }) : ''))))));
    } catch (error) {
      results.replaceChildren(el('p', { class: 'risk', text: '无法查找 Cannot search: ' + error.message }));
    }
  });
  return el('div', {}, el('h3', { text: '查找案件 Find a case' }), form, results);
}

function bar(row) {
  const target = Math.max(row.dynamicTarget, 1);
  const box = el('div', { class: 'bar', title: `开工 started ${row.dynamicStarted} · 竣工 completed ${row.dynamicCompleted} / 目标 target ${row.dynamicTarget}` });
  box.append(el('span', { class: 'started', style: `width:${Math.round(100 * row.dynamicStarted / target)}%` }));
  box.append(el('span', { class: 'completed', style: `width:${Math.round(100 * row.dynamicCompleted / target)}%` }));
  return box;
}

function progressTable(caption, report, levelLabel) {
  const rows = report.rows.map(row => el('tr', { 'data-code': row.code },
    el('td', { text: row.name }),
    el('td', { text: row.households }),
    el('td', {}, bar(row)),
    el('td', { text: `${row.dynamicStarted} / ${row.dynamicCompleted} / ${row.dynamicTarget}` }),
    el('td', { text: row.openProblems }),
    el('td', { text: row.overdueSteps, class: row.overdueSteps > 0 ? 'risk' : '' }),
    el('td', { text: row.projectedCompletionDate || '—' })));
  return el('div', {},
    el('h3', { text: caption }),
    el('table', { class: 'anju-progress-' + levelLabel },
      el('thead', {}, el('tr', {},
        ['名称 Name', '户数 Households', '动态保障 Dynamic', '开工/竣工/目标 Started/completed/target',
          '未销号问题 Open problems', '超期环节 Overdue steps', '预计完成 Projected completion']
          .map(text => el('th', { text })))),
      el('tbody', {}, rows)));
}

function riskList(report) {
  const atRisk = report.rows.filter(row => row.risks && row.risks.length > 0);
  const labels = {
    START_DEADLINE: `开工期限 ${report.startDeadline} start deadline`,
    COMPLETION_DEADLINE: `完成期限 ${report.completionDeadline} completion deadline`,
    OVERDUE_STEPS: '超期环节 overdue steps'
  };
  return el('div', {},
    el('h3', { text: '有风险的县 Counties at risk' }),
    atRisk.length === 0 ? el('p', { class: 'muted', text: '无 none' }) :
      el('ul', { class: 'anju-risks' }, atRisk.map(row => el('li', {},
        el('span', { class: 'risk', text: row.name }), ' ',
        row.risks.map(risk => labels[risk] || risk).join(', '),
        row.projectedCompletionDate ? ` · 预计 projected ${row.projectedCompletionDate}` : ' · 近期无进度 no recent progress'))));
}

// why a case is stuck: the engine's incident types and a wait past a campaign deadline (ProgressReport.stuck)
const STUCK_REASONS = {
  failedJob: '作业失败 Failed job',
  failedExternalTask: '外部任务失败 Failed external task',
  overdue: '超期 Overdue',
  deadlineMissed: '攻坚截止日未完成 Missed a campaign deadline'
};

function stuckList(cases) {
  return el('div', {},
    el('h3', { text: '滞留案件（超期、有事件或错过攻坚截止日，最久的在前） Stuck cases: overdue, with an incident or past a missed deadline, longest first' }),
    cases.length === 0 ? el('p', { class: 'muted', text: '无 none' }) :
      el('table', { class: 'anju-stuck' },
        el('thead', {}, el('tr', {}, ['户主 Household', '县/乡镇 County/township', '环节 Step', '超期 Overdue', '事件 Incidents', '等待自 Waiting since']
          .map(text => el('th', { text })))),
        el('tbody', {}, cases.map(c => el('tr', {},
          el('td', {}, el('a', { href: `#/process-instance/${c.processInstanceId}/runtime`, text: `${c.headName} · ${c.village}` })),
          el('td', { text: `${c.countyName} ${c.townshipName}` }),
          el('td', { text: c.step || '' }),
          el('td', { text: c.overdueDays > 0 ? `${c.overdueDays} 天 days` : '', class: c.overdueDays > 0 ? 'risk' : '' }),
          el('td', { text: (c.incidents || []).map(type => STUCK_REASONS[type] || type).join('、') }),
          el('td', { text: c.waitingSince ? new Date(c.waitingSince).toLocaleDateString() : '' }))))));
}

async function fill(container) {
  const [cities, counties, stuck, board] = await Promise.all([
    getJson('/api/progress?level=city'),
    getJson('/api/progress?level=county'),
    getJson('/api/progress/stuck?limit=20'),
    getJson('/api/progress/steps')
  ]);
  const reload = () => fill(container).catch(error => container.replaceChildren(
    el('p', { class: 'risk', text: '无法加载 Cannot load: ' + error.message })));
  container.replaceChildren(
    el('p', { class: 'muted anju-campaign', text: `${counties.campaign} 年攻坚 · 距开工期限 ${counties.daysToStartDeadline} 天 · 距完成期限 ${counties.daysToCompletionDeadline} 天` +
      ` — Campaign ${counties.campaign} · ${counties.daysToStartDeadline} days to the start deadline · ${counties.daysToCompletionDeadline} days to the completion deadline` }),
    finder(),
    progressTable('各市进度 Progress by city', cities, 'city'),
    progressTable('各县进度 Progress by county', counties, 'county'),
    outcomeList(counties),
    hazardList(counties),
    riskList(counties),
    stepList(board, reload),
    stuckList(stuck));
}

// Cockpit renders dashboard plugins in its "Custom plugins" section, after its own panels: move that
// section to the top of the dashboard, where a campaign manager looks first.
function moveFirst(node) {
  const section = node.closest('section.deprecate');
  if (section && section.parentElement && section.parentElement.firstElementChild !== section) {
    section.parentElement.prepend(section);
  }
}

export default {
  id: 'anju.housing-security',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node) => {
    const style = el('style', {}, STYLE);
    const section = el('section', { class: 'anju-hs dashboard-row' },
      el('h2', { class: 'section-title', text: '住房安全保障 Housing security' }));
    const content = el('div', { class: 'anju-hs-content' }, el('p', { class: 'muted', text: '加载中… Loading…' }));
    section.append(content);
    node.append(style, section);
    setTimeout(() => moveFirst(node));
    fill(content).catch(error => content.replaceChildren(el('p', { class: 'risk', text: '无法加载 Cannot load: ' + error.message })));
  }
};
