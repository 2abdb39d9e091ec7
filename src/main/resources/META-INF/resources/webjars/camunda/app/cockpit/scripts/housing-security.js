// 住房安全保障 Housing security: a Cockpit dashboard plugin (pluginPoint cockpit.dashboard).
// It reads Anju's API (/api/progress, /api/progress/stuck) with the Cockpit session cookie: the API
// accepts the webapps' login for GET requests and shows only the counties of the logged-in user.

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
  const response = await fetch(appRoot() + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
  return response.json();
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

function stuckList(cases) {
  return el('div', {},
    el('h3', { text: '滞留案件 Stuck cases' }),
    cases.length === 0 ? el('p', { class: 'muted', text: '无 none' }) :
      el('table', { class: 'anju-stuck' },
        el('thead', {}, el('tr', {}, ['户主 Household', '县/乡镇 County/township', '环节 Step', '超期 Overdue', '事件 Incidents', '等待自 Waiting since']
          .map(text => el('th', { text })))),
        el('tbody', {}, cases.map(c => el('tr', {},
          el('td', {}, el('a', { href: `#/process-instance/${c.processInstanceId}/runtime`, text: `${c.headName} · ${c.village}` })),
          el('td', { text: `${c.countyName} ${c.townshipName}` }),
          el('td', { text: c.step || '' }),
          el('td', { text: c.overdueDays > 0 ? `${c.overdueDays} 天 days` : '', class: c.overdueDays > 0 ? 'risk' : '' }),
          el('td', { text: (c.incidents || []).join(', ') }),
          el('td', { text: c.waitingSince ? new Date(c.waitingSince).toLocaleDateString() : '' }))))));
}

async function fill(container) {
  const [cities, counties, stuck] = await Promise.all([
    getJson('/api/progress?level=city'),
    getJson('/api/progress?level=county'),
    getJson('/api/progress/stuck?limit=20')
  ]);
  container.replaceChildren(
    el('p', { class: 'muted', text: `${counties.campaign} 年 campaign · 距开工期限 ${counties.daysToStartDeadline} 天 days to start deadline · 距完成期限 ${counties.daysToCompletionDeadline} 天 days to completion deadline` }),
    progressTable('各市进度 Progress by city', cities, 'city'),
    progressTable('各县进度 Progress by county', counties, 'county'),
    riskList(counties),
    stuckList(stuck));
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
    fill(content).catch(error => content.replaceChildren(el('p', { class: 'risk', text: '无法加载 Cannot load: ' + error.message })));
  }
};
