// Register intake page: plain fetch against /api/intake with the login of the Camunda webapps (the
// Tasklist session cookie); its one write carries the session's CSRF token, as the webapps' own writes do.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let timer = null;
  let permission = null;

  function text(value) {
    return value === null || value === undefined ? '' : String(value);
  }

  function cell(row, value) {
    const td = document.createElement('td');
    td.textContent = text(value);
    row.appendChild(td);
    return td;
  }

  const LOGIN = '/camunda/app/tasklist/';

  // X-Requested-With: a 401 then asks for the Tasklist login, not the browser's password popup
  function call(path, options = {}) {
    const headers = Object.assign({ 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
      options.headers || {});
    return fetch(path, Object.assign({ credentials: 'same-origin' }, options, { headers }));
  }

  function loginExpired(message) {
    const p = $('permission');
    p.textContent = message + ' ';
    const link = document.createElement('a');
    link.href = LOGIN;
    link.textContent = '去登录 Log in';
    p.appendChild(link);
    p.hidden = false;
    $('file').disabled = true;
    $('upload').querySelector('button').disabled = true;
  }

  async function json(response) {
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) {
      loginExpired(body.message || '未登录或登录已过期 Not logged in, or the login has expired.');
    }
    if (!response.ok) {
      throw new Error(body.message || (response.status + ' ' + response.statusText));
    }
    return body;
  }

  async function fillProblems(id, kind, tbodyId, blockId, noteId, stored) {
    const tbody = $(tbodyId);
    tbody.innerHTML = '';
    if (!stored) {
      $(blockId).hidden = true;
      return;
    }
    const rows = await json(await call('/api/intake/registers/' + id + '/' + kind + '?limit=1000'));
    rows.forEach((p) => {
      const tr = document.createElement('tr');
      cell(tr, p.line);
      if (kind !== 'errors') {
        cell(tr, p.field);
      }
      cell(tr, p.reason); // a bad row's reason names its field by its label, Chinese first
      tbody.appendChild(tr);
    });
    $(noteId).textContent = stored > rows.length ? '(前 first ' + rows.length + ' / ' + stored + ')' : '';
    $(blockId).hidden = false;
  }

  // a run whose rows failed is never shown as a success: its own word and colour
  const STATUS = {
    RUNNING: '导入中 Running',
    DONE: '完成 Done',
    DONE_WITH_ERRORS: '完成，有错误行 Done with errors',
    FAILED: '失败 Failed',
    INTERRUPTED: '中断 Interrupted',
  };

  function statusCell(td, status) {
    td.textContent = STATUS[status] || text(status);
    td.className = 'status-' + status;
  }

  function show(i) {
    $('current').hidden = false;
    $('importId').textContent = i.id;
    $('fileName').textContent = i.fileName;
    statusCell($('status'), i.status);
    $('statusMessage').textContent = text(i.message);
    ['rowsDone', 'rowsImported', 'rowsSkipped', 'rowsFailed'].forEach((k) => { $(k).textContent = i[k]; });
  }

  async function watch(id) {
    if (timer) {
      clearTimeout(timer);
    }
    $('errorsBlock').hidden = true;
    $('skippedBlock').hidden = true;
    try {
      const i = await json(await call('/api/intake/registers/' + id));
      show(i);
      if (i.status === 'RUNNING') {
        timer = setTimeout(() => watch(id), 1000);
        return;
      }
      await fillProblems(id, 'errors', 'errors', 'errorsBlock', 'errorsNote', i.errorsStored);
      await fillProblems(id, 'skipped', 'skipped', 'skippedBlock', 'skippedNote', i.skippedStored);
      loadImports();
    } catch (e) {
      $('statusMessage').textContent = e.message;
    }
  }

  async function loadImports() {
    try {
      const list = await json(await call('/api/intake/registers'));
      const tbody = $('imports');
      tbody.innerHTML = '';
      list.forEach((i) => {
        const tr = document.createElement('tr');
        const link = document.createElement('a');
        link.href = '#' + i.id;
        link.textContent = i.id;
        link.addEventListener('click', () => watch(i.id));
        cell(tr, '').appendChild(link);
        [i.fileName, i.importedBy, text(i.startedAt).replace('T', ' ').replace(/\..*/, '')].forEach((v) => cell(tr, v));
        statusCell(cell(tr, ''), i.status);
        [i.rowsDone, i.rowsImported, i.rowsSkipped, i.rowsFailed].forEach((v) => cell(tr, v));
        tbody.appendChild(tr);
      });
    } catch (e) {
      $('uploadMessage').textContent = e.message;
    }
  }

  $('upload').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('uploadMessage').textContent = '';
    const file = $('file').files[0];
    if (!file) {
      return;
    }
    if (permission && permission.maxFileSize > 0 && file.size > permission.maxFileSize) {
      $('uploadMessage').textContent = '上传失败 Upload refused: ' + permission.tooLarge;
      return;
    }
    const data = new FormData();
    data.append('file', file);
    try {
      const i = await json(await call('/api/intake/registers', {
        method: 'POST', body: data, headers: { 'X-XSRF-TOKEN': (permission && permission.csrfToken) || '' },
      }));
      location.hash = String(i.id);
      watch(i.id);
      loadImports();
    } catch (e) {
      $('uploadMessage').textContent = '上传失败 Upload refused: ' + e.message;
    }
  });

  // who may not register households is told so before choosing a file; the server refuses it anyway
  async function checkPermission() {
    try {
      const p = await json(await call('/api/intake/permission'));
      permission = p;
      if (!p.mayImport) {
        $('permission').textContent = p.message;
        $('permission').hidden = false;
        $('file').disabled = true;
        $('upload').querySelector('button').disabled = true;
      }
    } catch (e) {
      $('uploadMessage').textContent = e.message;
    }
  }

  checkPermission();
  loadImports();
  if (/^#\d+$/.test(location.hash)) {
    watch(location.hash.substring(1));
  }
})();
