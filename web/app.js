// The clerks' page of `vanban serve`. Plain JavaScript, no build step, nothing fetched but this
// server's own API. Document text only ever reaches the page through textContent (never
// innerHTML), and the Content-Security-Policy forbids inline script.
'use strict';

const UI = {
  vi: {
    skip: 'Bỏ qua, đến nội dung văn bản',
    title: 'Kiểm tra thể thức văn bản',
    subtitle: 'Theo Nghị định 30/2020/NĐ-CP. Văn bản chỉ được kiểm tra trên máy chủ này, không lưu lại.',
    inputTitle: 'Chọn văn bản cần kiểm tra',
    dropHere: 'Kéo thả tệp dự thảo vào đây, hoặc',
    choose: 'Chọn tệp…',
    chooseAnother: 'Chọn tệp khác…',
    formats: 'Word (.doc, .docx), RTF, PDF, văn bản (.txt, .md); tối đa {mb} MB.',
    profile: 'Mẫu kiểm tra',
    profileAuto: 'Tự chọn theo loại văn bản',
    pasteToggle: 'Dán nội dung thay vì chọn tệp',
    pasteLabel: 'Nội dung văn bản',
    step1: 'Chọn hoặc kéo thả tệp dự thảo (hoặc dán nội dung).',
    step2: 'Xem các điểm cần sửa ngay trên văn bản: lỗi tô đỏ, cảnh báo tô vàng, thông tin tô xanh.',
    step3: 'Sửa trong Word theo hướng dẫn “Cách sửa”, rồi kiểm tra lại trước khi trình ký.',
    pasteCheck: 'Kiểm tra nội dung đã dán',
    pasted: 'Nội dung đã dán',
    pasteEmpty: 'Hãy dán nội dung văn bản vào ô trước khi kiểm tra.',
    dlJson: 'Tải JSON',
    dlSarif: 'Tải SARIF',
    print: 'In báo cáo',
    outline: 'Bố cục văn bản',
    textTitle: 'Nội dung văn bản',
    findings: 'Các điểm cần sửa',
    keys: 'Phím tắt: n / p: điểm kế tiếp / trước; Esc: bỏ chọn.',
    footer: 'vanban: kiểm tra thể thức văn bản hành chính.',
    font: 'Phông chữ Be Vietnam Pro (SIL Open Font License)',
    checking: 'Đang kiểm tra {name}…',
    checked: 'Đã kiểm tra {name}: {summary}.',
    noFindings: 'Không phát hiện điểm nào cần sửa theo mẫu này.',
    meta: 'Mẫu: {profile}{auto} · {lines} dòng · mã hóa {encoding}',
    autoChosen: ' (tự chọn)',
    error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin',
    errors: 'lỗi', warnings: 'cảnh báo', infos: 'thông tin',
    filter: 'Lọc theo mức độ',
    line: 'Dòng {n}', lines: 'Dòng {a}–{b}',
    hint: 'Cách sửa:',
    expected: 'Cần có ở vị trí này',
    missing: 'chưa có',
    header: 'Phần đầu văn bản',
    nationalTitle: 'Quốc hiệu', motto: 'Tiêu ngữ', partyTitle: 'Tên Đảng',
    issuer: 'Cơ quan ban hành', reference: 'Số, ký hiệu', placeDate: 'Địa danh, ngày tháng',
    marks: 'Dấu mức độ khẩn, mật',
    docTitle: 'Tên loại và trích yếu', addressees: 'Kính gửi', preamble: 'Phần mở đầu',
    body: 'Nội dung', closing: 'Phần kết', signature: 'Chữ ký', recipients: 'Nơi nhận',
    archive: 'Lưu', appendices: 'Phụ lục', attachments: 'Văn bản kèm theo',
    citations: 'Văn bản được trích dẫn', unrecognized: 'Phần chưa nhận ra',
    reportTitle: 'Báo cáo kiểm tra thể thức văn bản',
    reportFile: 'Tệp', reportProfile: 'Mẫu kiểm tra', reportDate: 'Thời gian kiểm tra',
    reportWhere: 'Vị trí', reportWhat: 'Nội dung', reportSeverity: 'Mức độ',
    errTitle: {
      too_large: 'Tệp quá lớn: máy chủ chỉ nhận tệp đến {mb} MB.',
      empty: 'Tệp trống, không có nội dung để kiểm tra.',
      unreadable: 'Không đọc được nội dung tệp này.',
      tool_missing: 'Máy chủ chưa cài công cụ đọc tệp PDF.',
      timeout: 'Quá thời gian chờ gửi tệp.',
      busy: 'Máy chủ đang bận, chưa kiểm tra kịp.',
      bad_request: 'Yêu cầu không hợp lệ.',
      network: 'Không kết nối được với máy chủ kiểm tra.',
      internal: 'Máy chủ gặp lỗi khi kiểm tra văn bản này.',
    },
    errDetail: 'Chi tiết (tiếng Anh): ',
  },
  en: {
    skip: 'Skip to the document text',
    title: 'Check an administrative document',
    subtitle: 'Against Decree 30/2020/NĐ-CP. The document is checked on this server only and never stored.',
    inputTitle: 'Choose the document to check',
    dropHere: 'Drop the draft here, or',
    choose: 'Choose a file…',
    chooseAnother: 'Choose another file…',
    formats: 'Word (.doc, .docx), RTF, PDF, text (.txt, .md); at most {mb} MB.',
    profile: 'Profile',
    profileAuto: 'Chosen from the document type',
    pasteToggle: 'Paste the text instead',
    pasteLabel: 'Document text',
    step1: 'Choose or drop the draft (or paste its text).',
    step2: 'See what to fix on the text itself: errors in red, warnings in yellow, notes in blue.',
    step3: 'Fix it in Word as each “How to fix” says, then check again before signature.',
    pasteCheck: 'Check the pasted text',
    pasted: 'Pasted text',
    pasteEmpty: 'Paste the document text into the box first.',
    dlJson: 'Download JSON',
    dlSarif: 'Download SARIF',
    print: 'Print report',
    outline: 'Outline',
    textTitle: 'Document text',
    findings: 'To fix',
    keys: 'Keys: n / p: next / previous finding; Esc: clear.',
    footer: 'vanban: checks Vietnamese administrative documents.',
    font: 'Font Be Vietnam Pro (SIL Open Font License)',
    checking: 'Checking {name}…',
    checked: 'Checked {name}: {summary}.',
    noFindings: 'Nothing to fix under this profile.',
    meta: 'Profile: {profile}{auto} · {lines} lines · {encoding}',
    autoChosen: ' (chosen automatically)',
    error: 'Error', warning: 'Warning', info: 'Note',
    errors: 'errors', warnings: 'warnings', infos: 'notes',
    filter: 'Filter by severity',
    line: 'Line {n}', lines: 'Lines {a}–{b}',
    hint: 'How to fix:',
    expected: 'Expected at this place',
    missing: 'missing',
    header: 'Header',
    nationalTitle: 'National title', motto: 'Motto', partyTitle: 'Party title',
    issuer: 'Issuing body', reference: 'Number and symbol', placeDate: 'Place and date',
    marks: 'Urgency and secrecy marks',
    docTitle: 'Type and subject', addressees: 'Addressees', preamble: 'Preamble',
    body: 'Body', closing: 'Closing', signature: 'Signature', recipients: 'Recipients',
    archive: 'Archive', appendices: 'Appendices', attachments: 'Attached documents',
    citations: 'Cited documents', unrecognized: 'Not recognized',
    reportTitle: 'Document check report',
    reportFile: 'File', reportProfile: 'Profile', reportDate: 'Checked at',
    reportWhere: 'Where', reportWhat: 'What', reportSeverity: 'Severity',
    errTitle: {
      too_large: 'The file is too large: this server takes files up to {mb} MB.',
      empty: 'The file is empty: nothing to check.',
      unreadable: 'This file could not be read.',
      tool_missing: 'The server cannot read PDF files (pdftotext is not installed).',
      timeout: 'The upload took too long.',
      busy: 'The server is busy: the check did not finish in time.',
      bad_request: 'The request was refused.',
      network: 'The checking server cannot be reached.',
      internal: 'The server failed while checking this document.',
    },
    errDetail: 'Details: ',
  },
};

const SEVERITIES = ['error', 'warning', 'info'];
const $ = (id) => document.getElementById(id);

const state = {
  lang: 'vi',
  input: null, // {file: File} or {text: string}
  result: null,
  current: -1,
  maxMb: (document.getElementById('formats').textContent.match(/\d+/) || ['10'])[0],
  hidden: new Set(),
};

function t(key, vars) {
  let s = UI[state.lang][key];
  if (s === undefined) s = UI.vi[key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split('{' + k + '}').join(String(v));
  return s;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

// ---- language -------------------------------------------------------------------------------

function applyLang() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n, { mb: state.maxMb });
  }
  $('lang-vi').setAttribute('aria-pressed', String(state.lang === 'vi'));
  $('lang-en').setAttribute('aria-pressed', String(state.lang === 'en'));
  $('chips').setAttribute('aria-label', t('filter'));
  document.title = t('title') + ' · vanban';
  if (state.result) $('choose').textContent = t('chooseAnother');
}

function setLang(lang) {
  if (state.lang === lang) return;
  state.lang = lang;
  applyLang();
  // Messages and hints come from the server in the chosen language.
  if (state.input) runCheck();
}

// ---- input ----------------------------------------------------------------------------------

async function loadProfiles() {
  try {
    const answer = await fetch('/api/profiles');
    const data = await answer.json();
    const select = $('profile');
    for (const p of data.profiles) {
      const option = el('option', null, p.title + ' (' + p.id + ')');
      option.value = p.id;
      option.title = p.description || '';
      select.append(option);
    }
  } catch (e) {
    // The automatic choice still works.
  }
}

function chooseFile(file) {
  if (!file) return;
  state.input = { file };
  runCheck();
}

function setupInput() {
  const drop = $('drop');
  const picker = $('file');
  $('choose').addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    chooseFile(picker.files[0]);
    picker.value = '';
  });
  // The whole window takes a dropped file; the drop zone shows where.
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  window.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) drop.classList.remove('over');
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) chooseFile(e.dataTransfer.files[0]);
  });
  $('paste-toggle').addEventListener('click', () => {
    const box = $('paste-box');
    box.hidden = !box.hidden;
    $('paste-toggle').setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) $('paste').focus();
  });
  $('paste-check').addEventListener('click', () => {
    const text = $('paste').value;
    if (!text.trim()) {
      showError('empty', t('pasteEmpty'));
      return;
    }
    state.input = { text };
    runCheck();
  });
  $('profile').addEventListener('change', () => {
    if (state.input) runCheck();
  });
  $('lang-vi').addEventListener('click', () => setLang('vi'));
  $('lang-en').addEventListener('click', () => setLang('en'));
}

function inputName() {
  return state.input.file ? state.input.file.name : t('pasted');
}

function form(format) {
  const data = new FormData();
  if (state.input.file) data.append('file', state.input.file, state.input.file.name);
  else data.append('text', state.input.text);
  data.append('profile', $('profile').value);
  data.append('lang', state.lang);
  if (format) data.append('format', format);
  return data;
}

async function post(format) {
  let answer;
  try {
    answer = await fetch('/api/check', { method: 'POST', body: form(format) });
  } catch (e) {
    throw { kind: 'network', message: String(e) };
  }
  if (!answer.ok) {
    let error = { kind: 'internal', message: answer.status + ' ' + answer.statusText };
    try {
      error = (await answer.json()).error;
    } catch (e) {
      // Not our JSON (a proxy's page): keep the status.
    }
    throw error;
  }
  return answer;
}

async function runCheck() {
  hideError();
  const name = inputName();
  $('status').textContent = t('checking', { name });
  document.body.classList.add('busy');
  try {
    const answer = await post();
    state.result = await answer.json();
    render();
    $('status').textContent = t('checked', { name, summary: state.result.summary });
  } catch (e) {
    $('status').textContent = '';
    showError(e.kind, e.message);
  } finally {
    document.body.classList.remove('busy');
  }
}

function showError(kind, message) {
  const titles = UI[state.lang].errTitle;
  $('error-title').textContent = (titles[kind] || titles.bad_request).replace('{mb}', state.maxMb);
  $('error-detail').textContent = message ? t('errDetail') + message : '';
  $('error').hidden = false;
}

function hideError() {
  $('error').hidden = true;
}

// ---- the result -----------------------------------------------------------------------------

function render() {
  const r = state.result;
  const doc = r.document;
  state.current = -1;
  $('result').hidden = false;
  $('input').classList.add('compact');
  $('paste-box').hidden = true;
  $('paste-toggle').setAttribute('aria-expanded', 'false');
  $('choose').textContent = t('chooseAnother');
  $('doc-name').textContent = r.file;
  $('doc-meta').textContent = t('meta', {
    profile: r.profile.title,
    auto: r.profile.auto ? t('autoChosen') : '',
    lines: doc.source.lines,
    encoding: doc.source.encoding,
  });
  $('summary-line').textContent = r.summary;
  for (const chip of $('chips').children) {
    const sev = chip.dataset.sev;
    chip.textContent = r.counts[sev + 's'] + ' ' + t(sev + 's');
  }
  renderText(r.text, doc.findings);
  renderFindings(doc.findings);
  renderOutline(doc);
  renderReport();
  applyFilter();
}

/** The text, one element per line, findings marked at their span. */
function renderText(text, findings) {
  const lines = text.split('\n');
  const marks = new Map(); // line -> [{from, to, f}] in characters, 0-based, `to` exclusive
  const notes = new Map(); // line -> [f] for missing parts (no span)
  findings.forEach((f, i) => {
    if (!f.span) {
      const at = Math.min(Math.max(f.line, 1), lines.length);
      if (!notes.has(at)) notes.set(at, []);
      notes.get(at).push(i);
      return;
    }
    for (let n = f.line; n <= f.end_line && n <= lines.length; n++) {
      const length = Array.from(lines[n - 1]).length;
      const from = n === f.line ? f.column - 1 : 0;
      let to = n === f.end_line ? f.end_column - 1 : length;
      if (to <= from) to = Math.min(from + 1, length);
      if (to <= from) continue;
      if (!marks.has(n)) marks.set(n, []);
      marks.get(n).push({ from, to, f: i });
    }
  });
  const box = $('lines');
  box.replaceChildren();
  const out = document.createDocumentFragment();
  lines.forEach((line, index) => {
    const n = index + 1;
    for (const i of notes.get(n) || []) out.append(noteFor(findings[i], i));
    const row = el('div', 'line');
    row.id = 'L' + n;
    row.dataset.line = n;
    row.append(el('span', 'ln', n));
    const body = el('span', 'lt');
    const spans = marks.get(n);
    if (spans) {
      row.classList.add('has-finding');
      fillMarked(body, Array.from(line), spans, findings);
    } else {
      body.textContent = line;
    }
    row.append(body);
    out.append(row);
  });
  box.append(out);
}

/** A missing part: a note standing where the part was expected. */
function noteFor(f, i) {
  const note = el('div', 'note sev-' + f.severity + '-item sev-' + f.severity);
  note.dataset.f = i;
  note.append(el('span', 'note-where', t('expected') + ': '));
  note.append(el('span', 'note-msg', f.message));
  note.addEventListener('click', () => select(i, false));
  return note;
}

/** Splits a line's characters at every mark boundary; each piece is marked by its findings. */
function fillMarked(body, chars, spans, findings) {
  const cuts = new Set([0, chars.length]);
  for (const s of spans) {
    cuts.add(Math.min(s.from, chars.length));
    cuts.add(Math.min(s.to, chars.length));
  }
  const points = Array.from(cuts).sort((a, b) => a - b);
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const piece = chars.slice(a, b).join('');
    const over = spans.filter((s) => s.from <= a && s.to >= b).map((s) => s.f);
    if (!over.length) {
      body.append(document.createTextNode(piece));
      continue;
    }
    const worst = SEVERITIES.find((sev) => over.some((i) => findings[i].severity === sev));
    const mark = el('mark', 'f sev-' + worst, piece);
    mark.dataset.f = over.join(' ');
    for (const i of over) mark.classList.add('sev-' + findings[i].severity + '-item');
    mark.title = over.map((i) => findings[i].message).join('\n');
    mark.addEventListener('click', () => select(over[0], false));
    body.append(mark);
  }
}

function where(f) {
  return f.end_line > f.line ? t('lines', { a: f.line, b: f.end_line }) : t('line', { n: f.line });
}

function renderFindings(findings) {
  const list = $('finding-list');
  list.replaceChildren();
  if (!findings.length) {
    list.append(el('li', 'none', t('noFindings')));
    return;
  }
  findings.forEach((f, i) => {
    const item = el('li', 'sev-' + f.severity + '-item');
    const button = el('button', 'finding sev-' + f.severity);
    button.type = 'button';
    button.dataset.f = i;
    const top = el('span', 'finding-top');
    top.append(el('span', 'sev-label', t(f.severity)));
    top.append(el('span', 'where', where(f)));
    top.append(el('code', 'code', f.code));
    button.append(top);
    button.append(el('span', 'msg', f.message));
    const hint = el('span', 'hint');
    hint.append(el('strong', null, t('hint') + ' '));
    hint.append(document.createTextNode(f.hint));
    button.append(hint);
    button.addEventListener('click', () => select(i, false));
    item.append(button);
    list.append(item);
  });
}

/** Selects finding `i`: its list entry, its marks or note, the text scrolled to it. */
function select(i, focusList) {
  const findings = state.result.document.findings;
  if (i < 0 || i >= findings.length) return;
  clearCurrent();
  state.current = i;
  const f = findings[i];
  const targets = document.querySelectorAll('#lines [data-f]');
  let first = null;
  for (const node of targets) {
    if (node.dataset.f.split(' ').includes(String(i))) {
      node.classList.add('current');
      if (!first) first = node;
    }
  }
  const button = document.querySelector('#finding-list button[data-f="' + i + '"]');
  if (button) {
    button.classList.add('current');
    button.setAttribute('aria-current', 'true');
    button.scrollIntoView({ block: 'nearest' });
    if (focusList) button.focus();
  }
  highlightLines(f.line, f.end_line, false);
  (first || $('L' + f.line) || $('lines')).scrollIntoView({ block: 'center' });
}

function clearCurrent() {
  for (const node of document.querySelectorAll('.current')) node.classList.remove('current');
  for (const node of document.querySelectorAll('[aria-current]')) node.removeAttribute('aria-current');
  for (const node of document.querySelectorAll('.line.lit')) node.classList.remove('lit');
}

/** Lights lines `a`..`b` and scrolls them into view. */
function highlightLines(a, b, scroll) {
  for (const node of document.querySelectorAll('.line.lit')) node.classList.remove('lit');
  for (let n = a; n <= b; n++) {
    const row = $('L' + n);
    if (row) row.classList.add('lit');
  }
  const row = $('L' + a);
  if (row && scroll) row.scrollIntoView({ block: 'start' });
}

function step(delta) {
  const visible = Array.from(document.querySelectorAll('#finding-list button'))
    .filter((b) => b.offsetParent !== null)
    .map((b) => Number(b.dataset.f));
  if (!visible.length) return;
  const at = visible.indexOf(state.current);
  const next = at < 0 ? (delta > 0 ? 0 : visible.length - 1)
    : (at + delta + visible.length) % visible.length;
  select(visible[next], true);
}

function applyFilter() {
  for (const chip of $('chips').children) {
    const on = !state.hidden.has(chip.dataset.sev);
    chip.setAttribute('aria-pressed', String(on));
    document.body.classList.toggle('hide-' + chip.dataset.sev, !on);
  }
}

// ---- the outline ----------------------------------------------------------------------------

/** Line ranges of every JSON Pointer and its ancestors, from the source map. */
function rangesOf(doc) {
  const ranges = new Map();
  for (const e of doc.source_map) {
    let path = e.path;
    for (;;) {
      const r = ranges.get(path);
      if (r) {
        r[0] = Math.min(r[0], e.line);
        r[1] = Math.max(r[1], e.end_line);
      } else {
        ranges.set(path, [e.line, e.end_line]);
      }
      const cut = path.lastIndexOf('/');
      if (cut <= 0) break;
      path = path.slice(0, cut);
    }
  }
  return ranges;
}

function renderOutline(doc) {
  const ranges = rangesOf(doc);
  const findings = doc.findings;
  const node = (label, text, path, children) => ({ label, text, path, children: children || [] });
  const h = doc.header || {};
  const headerParts = [
    ['nationalTitle', 'national_title', h.national_title && h.national_title.text],
    ['motto', 'motto', h.motto && h.motto.text],
    ['partyTitle', 'party_title', h.party_title && h.party_title.text],
    ['issuer', 'issuer', h.issuer && [h.issuer.parent, h.issuer.name].filter(Boolean).join(' / ')],
    ['reference', 'reference', h.reference && h.reference.text],
    ['placeDate', 'place_date', h.place_date && h.place_date.text],
  ];
  const missingAt = (path) => findings.findIndex((f) => f.path === path && !f.span);
  const header = headerParts
    .filter(([, key, text]) => text || missingAt('/header/' + key) >= 0)
    .map(([label, key, text]) => node(t(label), text, '/header/' + key));
  (h.marks || []).forEach((m, i) => header.push(node(t('marks'), m.text, '/header/marks/' + i)));
  const roots = [node(t('header'), null, '/header', header)];
  if (doc.title || missingAt('/title') >= 0) {
    const title = doc.title;
    roots.push(node(t('docTitle'), title && [title.type_name, title.subject].filter(Boolean).join(': '), '/title'));
  }
  if (doc.addressees.length) {
    roots.push(node(t('addressees'), null, '/addressees',
      doc.addressees.map((a, i) => node(null, a, '/addressees/' + i))));
  }
  if (doc.preamble.length) {
    roots.push(node(t('preamble'), null, '/preamble',
      doc.preamble.map((p, i) => node(null, p.text, '/preamble/' + i))));
  }
  const sections = (list, base) => list.map((s, i) => node(
    s.label, s.title || firstText(s), base + '/' + i, sections(s.children || [], base + '/' + i + '/children')));
  if (doc.sections.length) roots.push(node(t('body'), null, '/sections', sections(doc.sections, '/sections')));
  if (doc.closing.length) roots.push(node(t('closing'), doc.closing[0].text, '/closing'));
  if (doc.signature || missingAt('/signature') >= 0) {
    const s = doc.signature;
    const text = s && [...(s.chain || []).map((c) => c.raw + ' ' + (c.for || '')), s.title, s.name]
      .filter(Boolean).join(' · ');
    roots.push(node(t('signature'), text, '/signature'));
  }
  if (doc.recipients.length || missingAt('/recipients') >= 0) {
    const list = doc.recipients.map((r, i) => node(null, r.name + (r.note ? ' (' + r.note + ')' : ''), '/recipients/' + i));
    if (doc.archive.length) list.push(node(t('archive'), doc.archive.join(', '), '/archive'));
    roots.push(node(t('recipients'), null, '/recipients', list));
  }
  if (doc.appendices.length) {
    roots.push(node(t('appendices'), null, '/appendices', doc.appendices.map((a, i) =>
      node(a.label, a.title, '/appendices/' + i, sections(a.sections || [], '/appendices/' + i + '/sections')))));
  }
  if (doc.attachments.length) {
    roots.push(node(t('attachments'), null, '/attachments', doc.attachments.map((a, i) =>
      node(null, a.title ? [a.title.type_name, a.title.subject].filter(Boolean).join(': ') : null, '/attachments/' + i,
        sections(a.sections || [], '/attachments/' + i + '/sections')))));
  }
  if (doc.citations.length) {
    roots.push(node(t('citations') + ' (' + doc.citations.length + ')', null, '/citations',
      doc.citations.map((c, i) => node(null, c.text, '/citations/' + i))));
  }
  if (doc.unrecognized.length) {
    roots.push(node(t('unrecognized') + ' (' + doc.unrecognized.length + ')', null, '/unrecognized',
      doc.unrecognized.map((u, i) => node(null, u.text, '/unrecognized/' + i))));
  }
  const lineOf = (n) => {
    const r = ranges.get(n.path);
    if (r) return r;
    if (n.path.startsWith('/citations/')) {
      const c = doc.citations[Number(n.path.slice(11))];
      return c ? [c.line, c.line] : null;
    }
    return null;
  };
  const worstAt = (path) => {
    const hits = findings.filter((f) => f.path === path || f.path.startsWith(path + '/'));
    return SEVERITIES.find((sev) => hits.some((f) => f.severity === sev));
  };
  const build = (list, depth) => {
    const ul = el('ul', depth ? 'tree' : 'tree root');
    for (const n of list) {
      const li = el('li');
      const range = lineOf(n);
      const missing = !range && n.text == null && !n.children.length ? missingAt(n.path) : -1;
      const button = el('button', 'node');
      button.type = 'button';
      if (n.label) button.append(el('span', 'node-label', n.label));
      if (n.text) button.append(el('span', 'node-text', short(n.text)));
      if (missing >= 0) {
        button.classList.add('node-missing');
        button.append(el('span', 'node-text', t('missing')));
      }
      const worst = n.path === '/header' || n.path === '/sections' ? null : worstAt(n.path);
      if (worst) {
        const dot = el('span', 'dot sev-' + worst);
        dot.title = t(worst);
        button.append(dot);
      }
      if (range) {
        button.append(el('span', 'node-line', range[0]));
        button.title = range[1] > range[0] ? t('lines', { a: range[0], b: range[1] }) : t('line', { n: range[0] });
        button.addEventListener('click', () => {
          clearCurrent();
          highlightLines(range[0], range[1], true);
        });
      } else if (missing >= 0) {
        button.addEventListener('click', () => select(missing, false));
      } else {
        button.disabled = !n.children.length;
        button.classList.add('group');
      }
      li.append(button);
      if (n.children.length) li.append(build(n.children, depth + 1));
      ul.append(li);
    }
    return ul;
  };
  $('outline-tree').replaceChildren(build(roots, 0));
}

function firstText(section) {
  const p = (section.paragraphs || [])[0];
  return p ? p.text : null;
}

function short(text) {
  const chars = Array.from(text);
  return chars.length > 90 ? chars.slice(0, 88).join('') + '…' : text;
}

// ---- downloads and the printed report -------------------------------------------------------

function baseName() {
  return state.result.file.replace(/\.[^.]*$/, '') || 'document';
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function setupActions() {
  $('dl-json').addEventListener('click', () => {
    const json = JSON.stringify(state.result.document, null, 2) + '\n';
    download(new Blob([json], { type: 'application/json' }), baseName() + '.json');
  });
  $('dl-sarif').addEventListener('click', async () => {
    try {
      const answer = await post('sarif');
      download(await answer.blob(), baseName() + '.sarif');
    } catch (e) {
      showError(e.kind, e.message);
    }
  });
  $('print').addEventListener('click', () => window.print());
  for (const chip of $('chips').children) {
    chip.addEventListener('click', () => {
      const sev = chip.dataset.sev;
      if (state.hidden.has(sev)) state.hidden.delete(sev);
      else state.hidden.add(sev);
      applyFilter();
    });
  }
  document.addEventListener('keydown', (e) => {
    const tag = (e.target && e.target.tagName) || '';
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(tag) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (!state.result) return;
    if (e.key === 'n' || e.key === 'j') { step(1); e.preventDefault(); }
    if (e.key === 'p' || e.key === 'k') { step(-1); e.preventDefault(); }
    if (e.key === 'Escape') {
      clearCurrent();
      state.current = -1;
    }
  });
}

/** The printable report: what was checked, the summary, each finding with its line. */
function renderReport() {
  const r = state.result;
  const lines = r.text.split('\n');
  const report = $('report');
  report.replaceChildren();
  report.append(el('h1', null, t('reportTitle')));
  const facts = el('dl');
  for (const [k, v] of [
    [t('reportFile'), r.file],
    [t('reportProfile'), r.profile.title + ' (' + r.profile.id + ')'],
    [t('reportDate'), new Date().toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-GB')],
  ]) {
    facts.append(el('dt', null, k), el('dd', null, v));
  }
  report.append(facts);
  report.append(el('p', 'summary-line', r.summary));
  if (!r.document.findings.length) {
    report.append(el('p', null, t('noFindings')));
    return;
  }
  const table = el('table');
  const head = el('tr');
  for (const k of ['reportWhere', 'reportSeverity', 'reportWhat']) head.append(el('th', null, t(k)));
  table.append(el('thead'));
  table.firstChild.append(head);
  const body = el('tbody');
  for (const f of r.document.findings) {
    const row = el('tr', 'sev-' + f.severity + '-item');
    row.append(el('td', null, where(f)), el('td', 'sev-label sev-' + f.severity, t(f.severity)));
    const what = el('td');
    what.append(el('p', 'msg', f.message));
    // The marked line; a missing part has no text of its own to quote.
    const quote = f.span ? (lines[f.line - 1] || '').trim() : '';
    if (quote) what.append(el('p', 'quote', short(quote)));
    what.append(el('p', 'hint', t('hint') + ' ' + f.hint));
    row.append(what);
    body.append(row);
  }
  table.append(body);
  report.append(table);
}

// ---- start ----------------------------------------------------------------------------------

setupInput();
setupActions();
applyLang();
loadProfiles();
