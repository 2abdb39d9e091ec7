// The field page (/field/): a township clerk's verification, inspection and acceptance tasks on a phone, with
// or without a network. The forms are rendered from the deployed Camunda Form of each task (no second copy of
// labels or options); completions and photos wait in IndexedDB, each with an id made here, and are sent when the
// network is back: photos first (each once, by its clientId), then the completion (once, by its submissionId).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const API = '/api/field';
  const WEBAPPS = '/camunda/api/admin/auth/user/default';
  const state = { user: null, csrf: null, online: navigator.onLine, task: null, photos: {}, syncing: null };

  // ---- IndexedDB: the queue ("outbox") and what was loaded for offline use ("cache")
  let dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        const open = indexedDB.open('anju-field', 1);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('outbox', { keyPath: 'submissionId' });
          open.result.createObjectStore('cache');
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
    }
    return dbPromise;
  }
  async function store(name, mode, work) {
    const d = await db();
    return new Promise((resolve, reject) => {
      const tx = d.transaction(name, mode);
      const request = work(tx.objectStore(name));
      tx.oncomplete = () => resolve(request && request.result);
      tx.onerror = () => reject(tx.error);
    });
  }
  const outbox = {
    all: () => store('outbox', 'readonly', (s) => s.getAll()),
    put: (entry) => store('outbox', 'readwrite', (s) => s.put(entry)),
    remove: (id) => store('outbox', 'readwrite', (s) => s.delete(id)),
  };
  const cache = {
    get: (key) => store('cache', 'readonly', (s) => s.get(key)),
    put: (key, value) => store('cache', 'readwrite', (s) => s.put(value, key)),
  };

  // ---- ids made on the phone: crypto.randomUUID where the page is a secure context
  function newId() {
    if (self.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function sha256(blob) {
    if (!(self.crypto && crypto.subtle)) {
      return null; // only in a secure context (https, localhost); the server computes it all the same
    }
    const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // ---- the server
  class Offline extends Error {}
  class LoggedOut extends Error {}
  async function call(path, options = {}) {
    const headers = Object.assign({ 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' }, options.headers || {});
    if (options.method && options.method !== 'GET' && state.csrf) {
      headers['X-XSRF-TOKEN'] = state.csrf;
    }
    let response;
    try {
      response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options, { headers }));
    } catch (e) {
      setOnline(false);
      throw new Offline('没有网络 No network');
    }
    setOnline(true);
    if (response.status === 401) {
      showLogin();
      throw new LoggedOut('请重新登录 Please log in again');
    }
    const body = await response.json().catch(() => ({}));
    return { status: response.status, ok: response.ok, body };
  }
  function problemText(body, status) {
    if (body && Array.isArray(body.errors) && body.errors.length) {
      return body.errors.map((e) => e.message || (e.field + ': ' + e.reason)).join('\n');
    }
    return (body && (body.detail || body.message)) || ('HTTP ' + status);
  }

  function setOnline(online) {
    state.online = online;
    const badge = $('network');
    badge.textContent = online ? '在线 Online' : '离线 Offline';
    badge.classList.toggle('offline', !online);
  }

  // ---- login: the Camunda webapps' own, so the same users, groups and counties
  // the webapps' CSRF filter gives a session its token (and says it in a header) on a request that asks for it
  async function csrfProbe() {
    const probe = await fetch(WEBAPPS, { headers: { 'X-XSRF-TOKEN': 'Fetch' }, credentials: 'same-origin' });
    return probe.headers.get('X-XSRF-TOKEN');
  }

  async function me() {
    let answer = await call(API + '/me');
    if (!answer.body.csrfToken) {
      await csrfProbe().catch(() => undefined);
      answer = await call(API + '/me');
    }
    state.user = answer.body.userId;
    state.csrf = answer.body.csrfToken;
    localStorage.setItem('anju-field-user', state.user);
    $('logout').hidden = false;
    return answer.body;
  }

  async function logIn(username, password) {
    const token = await csrfProbe();
    const response = await fetch(WEBAPPS + '/login/tasklist', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token || '' },
      body: new URLSearchParams({ username, password }),
    });
    if (!response.ok) {
      throw new Error(response.status === 429 ? '尝试次数过多，请稍后再试 Too many tries; wait a while'
        : '用户名或密码错误 Wrong user or password');
    }
    await me();
  }

  function show(section) {
    ['login', 'work', 'task'].forEach((id) => { $(id).hidden = id !== section; });
    window.scrollTo(0, 0);
  }
  function showLogin() {
    state.user = null;
    $('logout').hidden = true;
    show('login');
  }

  // ---- my work
  const STEP_NAMES = {
    UserTask_VerifyHousing: '入户核验 Verification',
    UserTask_InspectConstruction: '施工巡查 Construction inspection',
    UserTask_InspectAcceptance: '竣工验收 Acceptance',
  };
  const day = (iso) => (iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');

  async function loadList() {
    show('work');
    const q = $('q').value.trim();
    let tasks;
    try {
      const answer = await call(API + '/tasks' + (q ? '?q=' + encodeURIComponent(q) : ''));
      tasks = answer.body.tasks || [];
      await cache.put('list:' + q, tasks);
      $('list-note').textContent = tasks.length >= answer.body.max ? '只显示最近到期的 ' + answer.body.max
        + ' 项，请搜索 Showing the ' + answer.body.max + ' nearest due; search for others' : '';
      prefetch(tasks);
    } catch (e) {
      if (e instanceof LoggedOut) {
        return;
      }
      tasks = (await cache.get('list:' + q)) || [];
      $('list-note').textContent = '离线：显示上次载入的任务 Offline: the tasks as last loaded';
    }
    await renderList(tasks);
    await renderOutbox();
  }

  async function renderList(tasks) {
    const queued = new Set((await outbox.all()).map((e) => e.taskId));
    const list = $('tasks');
    list.innerHTML = '';
    if (!tasks.length) {
      list.innerHTML = '<li class="hint">没有任务 No tasks</li>';
    }
    for (const t of tasks) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#task/' + encodeURIComponent(t.id);
      a.dataset.taskId = t.id;
      const late = t.due && new Date(t.due) < new Date();
      a.innerHTML = '<span class="step"></span><span class="who"></span><span class="where"></span>'
        + '<span class="due"></span><span class="cached"></span>';
      a.querySelector('.step').textContent = STEP_NAMES[t.step] || t.name;
      a.querySelector('.who').textContent = t.headName || t.householdId;
      a.querySelector('.where').textContent = [t.village, t.address].filter(Boolean).join(' · ');
      const due = a.querySelector('.due');
      due.textContent = '到期 Due ' + day(t.due) + (queued.has(t.id) ? ' · 待发送 queued' : '');
      due.classList.toggle('late', !!late);
      li.appendChild(a);
      list.appendChild(li);
    }
    markCached(tasks);
  }

  async function markCached(tasks) {
    for (const t of tasks) {
      const ready = await cache.get('task:' + t.id);
      const a = document.querySelector('a[data-task-id="' + CSS.escape(t.id) + '"] .cached');
      if (a) {
        a.textContent = ready ? '✓ 可离线办理 ready offline' : '';
      }
    }
  }

  // what is on the list is loaded for use in the village, where there may be no network
  async function prefetch(tasks) {
    for (const t of tasks.slice(0, 50)) {
      const had = await cache.get('task:' + t.id);
      if (had && had.fetchedAt > Date.now() - 10 * 60 * 1000) {
        continue; // loaded a moment ago: the list's next visit need not load it again
      }
      try {
        const answer = await call(API + '/tasks/' + encodeURIComponent(t.id));
        if (answer.ok) {
          await cache.put('task:' + t.id, Object.assign(answer.body, { fetchedAt: Date.now() }));
          markCached([t]);
        }
      } catch (e) {
        return;
      }
    }
  }

  // ---- one task, its form rendered from the deployed Camunda Form
  async function openTask(id) {
    let task;
    try {
      const answer = await call(API + '/tasks/' + encodeURIComponent(id));
      if (!answer.ok) {
        alert(problemText(answer.body, answer.status));
        location.hash = '';
        return;
      }
      task = answer.body;
      await cache.put('task:' + id, Object.assign({}, task, { fetchedAt: Date.now() }));
    } catch (e) {
      if (e instanceof LoggedOut) {
        return;
      }
      task = await cache.get('task:' + id);
      if (!task) {
        alert('离线，且此任务未曾载入 Offline, and this task was never loaded');
        location.hash = '';
        return;
      }
    }
    state.task = task;
    state.photos = {};
    state.redoing = state.redo && state.redo.taskId === task.id ? state.redo : null; // a refused entry, filled in again
    state.redo = null;
    show('task');
    $('task-title').textContent = task.name;
    $('task-household').textContent = [task.headName, task.village, task.address, '到期 Due ' + day(task.due)]
      .filter(Boolean).join(' · ');
    $('task-error').hidden = true;
    const queued = (await outbox.all()).find((e) => e.taskId === task.id);
    $('task-note').textContent = queued ? '此任务已在待发送队列中 This task is already queued' : '';
    renderForm(task, state.redoing ? state.redoing.variables : {});
    renderPhotos(task);
    if (state.redoing) {
      for (const photo of state.redoing.photos.filter((p) => !p.sent)) {
        (state.photos[photo.record] = state.photos[photo.record] || []).push(photo);
        const list = document.querySelector('.record[data-record="' + CSS.escape(photo.record) + '"] .photo-list');
        if (list) showPhoto(photo, list);
      }
      $('task-note').textContent = '上次被退回 Refused last time: ' + state.redoing.message;
    }
  }

  const fields = []; // {component, input(s)} of the open form

  function renderForm(task, given) {
    fields.length = 0;
    const root = $('fields');
    root.innerHTML = '';
    let unsupported = false;
    const add = (components, parent) => {
      for (const c of components || []) {
        if (c.type === 'group') {
          const set = document.createElement('fieldset');
          const legend = document.createElement('legend');
          legend.textContent = c.label || '';
          set.appendChild(legend);
          add(c.components, set);
          parent.appendChild(set);
        } else if (c.type === 'text') {
          const div = document.createElement('div');
          div.className = 'text-block';
          div.textContent = String(c.text || '').replace(/^#+\s*/gm, '');
          parent.appendChild(div);
        } else if (c.key) {
          const field = renderField(c, Object.assign({}, task.variables || {}, given));
          if (!field) {
            unsupported = true;
            continue;
          }
          fields.push(field);
          parent.appendChild(field.element);
        }
      }
    };
    add(task.form.components, root);
    if (fields.some((f) => f.component.conditional && f.component.conditional.hide
        && !CONDITION.test(f.component.conditional.hide))) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent = '部分字段的显示条件本页无法判断，始终显示 Some fields are always shown: their condition is beyond this page';
      root.appendChild(p);
    }
    if (unsupported) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent = '部分字段请在 Tasklist 中填写 Some fields can only be filled in Tasklist';
      root.appendChild(p);
    }
    applyConditions();
  }

  function labelOf(c) {
    return c.label || c.dateLabel || c.key;
  }

  function renderField(c, values) {
    const value = values[c.key];
    const readOnly = !!(c.disabled || c.readonly);
    const required = !!(c.validate && c.validate.required);
    const wrap = document.createElement('div');
    wrap.className = 'field';
    wrap.dataset.key = c.key;
    const id = 'f-' + c.key;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = labelOf(c);
    label.classList.toggle('required', required && !readOnly);
    let input;
    let read;
    switch (c.type) {
      case 'textfield':
      case 'number':
      case 'datetime': {
        if (c.type === 'datetime' && c.subtype && c.subtype !== 'date') {
          return null;
        }
        input = document.createElement('input');
        input.type = c.type === 'number' ? 'number' : c.type === 'datetime' ? 'date' : 'text';
        if (c.type === 'number') {
          input.inputMode = 'decimal';
          input.step = 'any';
          if (c.validate && c.validate.min !== undefined) input.min = c.validate.min;
          if (c.validate && c.validate.max !== undefined) input.max = c.validate.max;
        }
        if (c.validate && c.validate.maxLength) input.maxLength = c.validate.maxLength;
        input.value = value === null || value === undefined ? '' : String(value);
        read = () => {
          if (input.value === '') return null;
          return c.type === 'number' ? Number(input.value) : input.value;
        };
        wrap.append(label, input);
        break;
      }
      case 'textarea':
        input = document.createElement('textarea');
        if (c.validate && c.validate.maxLength) input.maxLength = c.validate.maxLength;
        input.value = value === null || value === undefined ? '' : String(value);
        read = () => (input.value === '' ? null : input.value);
        wrap.append(label, input);
        break;
      case 'checkbox': {
        input = document.createElement('input');
        input.type = 'checkbox';
        input.checked = value === true;
        read = () => input.checked;
        label.className = 'check';
        label.textContent = '';
        label.append(input, document.createTextNode(labelOf(c)));
        wrap.append(label);
        break;
      }
      case 'select': {
        if (!Array.isArray(c.values)) return null;
        input = document.createElement('select');
        const none = document.createElement('option');
        none.value = '';
        none.textContent = '— 请选择 Choose —';
        input.appendChild(none);
        for (const v of c.values) {
          const option = document.createElement('option');
          option.value = v.value;
          option.textContent = v.label;
          input.appendChild(option);
        }
        input.value = value === null || value === undefined ? '' : String(value);
        read = () => (input.value === '' ? null : input.value);
        wrap.append(label, input);
        break;
      }
      case 'radio': {
        if (!Array.isArray(c.values)) return null;
        const group = document.createElement('div');
        group.setAttribute('role', 'radiogroup');
        group.setAttribute('aria-label', labelOf(c));
        const radios = c.values.map((v, i) => {
          const r = document.createElement('input');
          r.type = 'radio';
          r.name = id;
          r.value = v.value;
          r.id = id + '-' + i;
          r.checked = String(value) === String(v.value);
          r.disabled = readOnly;
          const l = document.createElement('label');
          l.className = 'radio';
          l.append(r, document.createTextNode(v.label));
          group.appendChild(l);
          return r;
        });
        label.removeAttribute('for');
        wrap.append(label, group);
        read = () => (radios.find((r) => r.checked) || {}).value || null;
        input = group;
        break;
      }
      default:
        return null;
    }
    input.id = id;
    if (readOnly && input.tagName !== 'DIV') {
      input.disabled = true;
    }
    input.addEventListener('change', applyConditions);
    return { component: c, element: wrap, read, readOnly, required };
  }

  // conditional.hide as the forms write it: "=name OP literal" (=, !=, <, <=, >, >=); anything else shows the field
  const CONDITION = /^=\s*([A-Za-z_][\w]*)\s*(!=|<=|>=|=|<|>)\s*(true|false|null|-?\d+(?:\.\d+)?|"[^"]*")\s*$/;
  function hidden(expression, values) {
    const m = CONDITION.exec(expression || '');
    if (!m) return false;
    const left = values[m[1]] === undefined ? null : values[m[1]];
    const right = JSON.parse(m[3]);
    switch (m[2]) {
      case '=': return left === right;
      case '!=': return left !== right;
      case '<': return left !== null && left < right;
      case '<=': return left !== null && left <= right;
      case '>': return left !== null && left > right;
      default: return left !== null && left >= right;
    }
  }

  function currentValues() {
    const values = Object.assign({}, (state.task && state.task.variables) || {});
    for (const f of fields) {
      if (!f.readOnly) values[f.component.key] = f.read();
    }
    return values;
  }

  function applyConditions() {
    const values = currentValues();
    for (const f of fields) {
      const hide = f.component.conditional && f.component.conditional.hide;
      f.hidden = hidden(hide, values);
      f.element.hidden = f.hidden;
    }
  }

  // ---- photos: per record the step takes, from the camera; time, position and SHA-256 of each
  function renderPhotos(task) {
    const root = $('photos');
    root.innerHTML = '';
    const listing = task.documents;
    if (!listing || !listing.records) return;
    for (const record of listing.records) {
      const div = document.createElement('div');
      div.className = 'record';
      div.dataset.record = record.record;
      const h = document.createElement('label');
      h.textContent = record.zh + ' ' + record.en + (record.required ? '（必需 required）'
        : record.condition ? '（' + record.condition.zh + '必需 required ' + record.condition.en + '）' : '');
      h.htmlFor = 'photo-' + record.record;
      const have = (listing.documents || []).filter((d) => d.record === record.record).length;
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent = have ? '已上传 ' + have + ' 份 Already uploaded: ' + have : '';
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'photo-' + record.record;
      input.accept = record.photo ? 'image/*' : 'image/*,application/pdf';
      input.setAttribute('capture', 'environment');
      input.multiple = true;
      const list = document.createElement('div');
      list.className = 'photo-list';
      input.addEventListener('change', () => takePhotos(record.record, input.files, list));
      div.append(h, p, input, list);
      root.appendChild(div);
    }
  }

  function position() {
    return new Promise((resolve) => {
      if (!navigator.geolocation) return resolve(null);
      navigator.geolocation.getCurrentPosition(
        (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
        () => resolve(null), { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  async function takePhotos(record, files, list) {
    const where = await position();
    const takenAt = new Date().toISOString();
    for (const file of Array.from(files)) {
      const photo = {
        clientId: newId(), record, name: file.name || 'photo.jpg', type: file.type || 'image/jpeg', blob: file,
        sha256: await sha256(file), takenAt, latitude: where && where.latitude, longitude: where && where.longitude,
        accuracy: where && where.accuracy, sent: false,
      };
      (state.photos[record] = state.photos[record] || []).push(photo);
      showPhoto(photo, list);
    }
  }

  function showPhoto(photo, list) {
    const where = photo.latitude === null || photo.latitude === undefined ? null : photo;
    const row = document.createElement('div');
    row.className = 'photo';
    if (photo.type.startsWith('image/')) {
      const img = document.createElement('img');
      img.src = URL.createObjectURL(photo.blob);
      img.alt = photo.name;
      row.appendChild(img);
    }
    const text = document.createElement('div');
    text.innerHTML = '<b class="name"></b><br><span class="when"></span><br><span class="where"></span><br>'
      + 'SHA-256 <span class="sha"></span>';
    text.querySelector('.name').textContent = photo.name;
    text.querySelector('.when').textContent = new Date(photo.takenAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
    text.querySelector('.where').textContent = where
      ? where.latitude.toFixed(5) + ', ' + where.longitude.toFixed(5) + ' ±' + Math.round(where.accuracy) + ' m (WGS-84)'
      : '无位置 No position';
    text.querySelector('.sha').textContent = photo.sha256 || '（由服务器计算 computed by the server）';
    row.appendChild(text);
    list.appendChild(row);
  }

  // ---- complete: checked here as a courtesy, queued, then sent
  async function complete(event) {
    event.preventDefault();
    const task = state.task;
    const values = {};
    const missing = [];
    for (const f of fields) {
      if (f.readOnly || f.hidden) continue;
      const v = f.read();
      if (f.required && (v === null || v === '')) missing.push(labelOf(f.component));
      values[f.component.key] = v;
    }
    const listing = task.documents;
    for (const record of (listing && listing.records) || []) {
      const given = (listing.documents || []).some((d) => d.record === record.record) || (state.photos[record.record] || []).length;
      if (record.required && !given) missing.push(record.zh + ' ' + record.en);
    }
    if (missing.length) {
      $('task-error').textContent = '请填写 Please fill in: ' + missing.join('、');
      $('task-error').hidden = false;
      return;
    }
    const entry = {
      submissionId: newId(), taskId: task.id, taskName: task.name, headName: task.headName, village: task.village,
      variables: values, photos: [].concat(...Object.values(state.photos)), state: 'queued', message: null,
      createdAt: new Date().toISOString(),
    };
    await outbox.put(entry);
    if (state.redoing) {
      await outbox.remove(state.redoing.submissionId); // replaced by this one
      state.redoing = null;
    }
    location.hash = '';
    await sync();
  }

  // photos first, each once by its clientId, then the completion, once by its submissionId
  function sync() {
    if (!state.syncing) {
      state.syncing = doSync().finally(() => { state.syncing = null; });
    }
    return state.syncing;
  }

  async function doSync() {
    const entries = (await outbox.all()).filter((e) => e.state === 'queued');
    if (!entries.length) {
      await renderOutbox();
      return;
    }
    try {
      if (!state.csrf) await me();
      for (const entry of entries) {
        await send(entry);
        await renderOutbox();
      }
    } catch (e) {
      // offline or logged out: the queue stays as it is, for the next try
    }
    await renderOutbox();
    if (!$('work').hidden) {
      const tasks = (await cache.get('list:' + $('q').value.trim())) || [];
      await renderList(tasks);
    }
  }

  async function send(entry) {
    for (const photo of entry.photos) {
      if (photo.sent) continue;
      const form = new FormData();
      form.append('record', photo.record);
      form.append('clientId', photo.clientId);
      form.append('file', photo.blob, photo.name);
      for (const k of ['latitude', 'longitude', 'accuracy', 'takenAt']) {
        if (photo[k] !== null && photo[k] !== undefined) form.append(k, String(photo[k]));
      }
      const answer = await call('/api/tasks/' + encodeURIComponent(entry.taskId) + '/documents', { method: 'POST', body: form });
      if (answer.status === 404) break; // the task is gone: the completion below says why
      if (!answer.ok) {
        return review(entry, problemText(answer.body, answer.status));
      }
      photo.sent = true;
      await outbox.put(entry);
    }
    const answer = await call(API + '/tasks/' + encodeURIComponent(entry.taskId) + '/complete', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ submissionId: entry.submissionId, variables: entry.variables }),
    });
    if (answer.ok) {
      await outbox.remove(entry.submissionId);
      return;
    }
    return review(entry, problemText(answer.body, answer.status));
  }

  // never dropped silently: the entry stays, marked, with the server's words, until the clerk discards it
  async function review(entry, message) {
    entry.state = 'review';
    entry.message = message;
    await outbox.put(entry);
  }

  async function renderOutbox() {
    const entries = await outbox.all();
    $('outbox').hidden = entries.length === 0;
    $('outbox-count').textContent = entries.length ? '(' + entries.length + ')' : '';
    const list = $('outbox-list');
    list.innerHTML = '';
    for (const e of entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      const li = document.createElement('li');
      li.dataset.submissionId = e.submissionId;
      li.dataset.taskId = e.taskId;
      li.className = e.state;
      const photos = e.photos.length ? ' · 照片 photos ' + e.photos.filter((p) => p.sent).length + '/' + e.photos.length : '';
      li.textContent = (e.taskName || [e.headName, e.village].filter(Boolean).join(' · ')) + photos
        + (e.state === 'queued' ? ' · 待发送 queued' : '');
      if (e.state === 'review') {
        const m = document.createElement('span');
        m.className = 'message';
        m.textContent = '需核对 To review: ' + e.message;
        const discard = document.createElement('button');
        discard.className = 'secondary';
        discard.textContent = '已核对，移除 Reviewed, remove';
        discard.addEventListener('click', async () => {
          if (confirm('移除此记录？其照片与填写内容将从本机删除。 Remove this entry? Its photos and values leave this phone.')) {
            await outbox.remove(e.submissionId);
            await renderOutbox();
          }
        });
        const again = document.createElement('button');
        again.className = 'secondary';
        again.textContent = '重新填写 Fill in again';
        again.addEventListener('click', () => {
          state.redo = e;
          const hash = '#task/' + encodeURIComponent(e.taskId);
          if (location.hash === hash) route(); else location.hash = hash;
        });
        li.append(m, again, discard);
      }
      list.appendChild(li);
    }
  }

  // ---- wiring
  async function route() {
    const m = /^#task\/(.+)$/.exec(location.hash);
    if (!state.user) return;
    if (m) {
      await openTask(decodeURIComponent(m[1]));
    } else {
      await loadList();
    }
  }

  async function start() {
    setOnline(navigator.onLine);
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => undefined);
    }
    $('login-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      $('login-error').hidden = true;
      try {
        await logIn($('username').value.trim(), $('password').value);
        $('password').value = '';
        await route();
        sync();
      } catch (e) {
        $('login-error').textContent = e.message;
        $('login-error').hidden = false;
      }
    });
    $('logout').addEventListener('click', async () => {
      await fetch(WEBAPPS + '/logout', { method: 'POST', credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': state.csrf || '' } }).catch(() => undefined);
      localStorage.removeItem('anju-field-user');
      state.csrf = null;
      showLogin();
    });
    $('search-form').addEventListener('submit', (event) => { event.preventDefault(); loadList(); });
    $('back').addEventListener('click', () => { location.hash = ''; });
    $('task-form').addEventListener('submit', complete);
    $('sync').addEventListener('click', () => sync());
    window.addEventListener('hashchange', route);
    window.addEventListener('online', () => { setOnline(true); state.csrf = null; sync(); });
    window.addEventListener('offline', () => setOnline(false));
    setInterval(() => { if (navigator.onLine) sync(); }, 15000);
    if (!localStorage.getItem('anju-field-user')) {
      show('login'); // nobody logged in on this phone yet: the form at once, not after a round trip
    }
    try {
      await me();
    } catch (e) {
      if (e instanceof LoggedOut) return;
      // offline: whoever last logged in on this phone keeps working; the server checks again when it sends
      state.user = localStorage.getItem('anju-field-user');
      if (!state.user) {
        showLogin();
        return;
      }
    }
    await route();
    sync();
  }

  start();
})();
