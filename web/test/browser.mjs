// The browser test of `vanban serve`: starts the server on a free loopback port, opens the page
// in headless Debian Chromium (playwright-core, no downloaded browser), drops the seed report
// and checks that the outline and the findings stand at the right lines; then the keyboard, the
// English switch, the downloads, an 11 MB upload (413) and pasted markup (shown as text).
//
//   VANBAN=target/debug/vanban node web/test/browser.mjs
//   SCREENSHOTS=docs/img node web/test/browser.mjs   # also writes the README's screenshots
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = process.env.VANBAN || join(process.env.CARGO_TARGET_DIR || join(repo, 'target'), 'debug', 'vanban');
const seed = join(repo, 'corpus', '000_9ebb4c68ea5cda49.txt');
const shots = process.env.SCREENSHOTS ? resolve(process.env.SCREENSHOTS) : null;

/** Starts `vanban serve` on port 0 and reads the address it prints. */
function startServer() {
  const server = spawn(binary, ['serve', '--bind', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('vanban serve printed no address in 20 s: ' + out)), 20000);
    server.on('error', fail);
    server.on('exit', (code) => fail(new Error('vanban serve exited with ' + code + ': ' + out)));
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (found) {
        clearTimeout(timer);
        ok({ server, url: found[0] });
      }
    });
  });
}

const checks = [];
function check(name, fn) {
  checks.push({ name, fn });
}

const profileDir = mkdtempSync(join(tmpdir(), 'vanban-chromium-'));
const { server, url } = await startServer();
// Stopped however the test ends, a failed browser start included.
process.on('exit', () => server.kill());
// A fresh profile folder: playwright passes it to Chromium as --user-data-dir.
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  viewport: { width: 1366, height: 768 },
  acceptDownloads: true,
});
const page = await context.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });

/** The findings list as {code, line, text}. */
const listed = () => page.$$eval('#finding-list button', (buttons) => buttons.map((b) => ({
  code: b.querySelector('.code').textContent,
  where: b.querySelector('.where').textContent,
  text: b.textContent,
})));

check('the page loads in Vietnamese with its font and the shipped profiles', async () => {
  await page.goto(url);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.match(await page.textContent('h1'), /Kiểm tra thể thức văn bản/);
  await page.waitForFunction(() => document.querySelectorAll('#profile option').length > 5);
  await page.evaluate(() => document.fonts.ready);
  const font = await page.evaluate(() => document.fonts.check('16px "Be Vietnam Pro"', 'Quốc hiệu'));
  assert.ok(font, 'the bundled font is loaded');
  assert.match(await page.textContent('#formats'), /10 MB/);
  assert.ok(!(await page.isVisible('#result')), 'no result before a document');
  assert.ok(!(await page.isVisible('#paste')), 'the paste box opens on demand');
  if (shots) await page.screenshot({ path: join(shots, 'serve-start.png') });
});

check('dropping the seed shows the findings at their lines', async () => {
  await page.setInputFiles('#file', seed);
  await page.waitForSelector('#result:not([hidden])');
  assert.match(await page.textContent('#doc-name'), /000_9ebb4c68ea5cda49\.txt/);
  assert.match(await page.textContent('#summary-line'), /\d+ lỗi, \d+ cảnh báo/);
  const items = await listed();
  const at = (code) => items.find((i) => i.code === code);
  for (const [code, line, words] of [
    ['HDR001', 3, /Quốc hiệu/],
    ['HDR002', 3, /Tiêu ngữ/],
    ['HDR006', 3, /chưa có số/],
    ['HDR011', 5, /để trống/],
  ]) {
    const item = at(code);
    assert.ok(item, code + ' is listed');
    assert.equal(item.where, 'Dòng ' + line, code + ' line');
    assert.match(item.text, words, code + ' message');
    assert.match(item.text, /Cách sửa:/, code + ' hint');
  }
  // The missing national title and motto stand as notes just before line 3.
  const notes = await page.$$eval('#L3', ([row]) => {
    const out = [];
    for (let n = row.previousElementSibling; n && n.classList.contains('note'); n = n.previousElementSibling) out.push(n.textContent);
    return out.join(' | ');
  });
  assert.match(notes, /Quốc hiệu/);
  assert.match(notes, /Tiêu ngữ/);
  // The unnumbered draft is marked on the number line, the blank day on the date line.
  assert.equal(await page.textContent('#L3 mark.f'), 'Số: /BC-SLĐTBXH');
  assert.equal(await page.textContent('#L5 mark.f'), 'ngày tháng 11 năm 2020');
  assert.match(await page.getAttribute('#L5 mark.f', 'class'), /sev-info/);
  // Text of other lines is untouched.
  assert.equal(await page.textContent('#L7 .lt'), '## **BÁO CÁO** **thực hiện “Năm dân vận khéo” 2020**');
});

check('the outline names the parts and leads to their lines', async () => {
  const tree = await page.textContent('#outline-tree');
  for (const part of ['Phần đầu văn bản', 'Quốc hiệu', 'chưa có', 'Số, ký hiệu', 'Tên loại và trích yếu',
    'ĐẶC ĐIỂM TÌNH HÌNH', 'Chữ ký', 'Phạm Việt Công', 'Nơi nhận', 'Sở Nội vụ', 'Phụ lục', 'Văn bản được trích dẫn']) {
    assert.ok(tree.includes(part), 'outline shows ' + part);
  }
  await page.click('#outline-tree button:has-text("ĐẶC ĐIỂM TÌNH HÌNH")');
  const lit = await page.$$eval('.line.lit', (rows) => rows.map((r) => Number(r.dataset.line)));
  assert.equal(lit[0], 9, 'section I starts at line 9');
  await page.click('#outline-tree button:has-text("Chữ ký")');
  const signed = await page.$$eval('.line.lit', (rows) => rows.map((r) => Number(r.dataset.line)));
  assert.equal(signed[0], 113, 'the signature starts at line 113');
  assert.ok(await page.isVisible('#L113'));
  // A missing part leads to its finding.
  await page.click('#outline-tree .node-missing >> nth=0');
  assert.match(await page.textContent('#finding-list button.current'), /Quốc hiệu/);
});

check('the keyboard walks the findings', async () => {
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  const first = await page.evaluate(() => document.activeElement.dataset.f);
  assert.equal(first, '0');
  await page.keyboard.press('n');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.f), '1');
  await page.keyboard.press('p');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.f), '0');
  // Tab order reaches the findings' buttons.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BUTTON');
});

check('README screenshots', async () => {
  if (!shots) return;
  await page.keyboard.press('Escape');
  await page.click('#finding-list button:has-text("HDR011")');
  await page.screenshot({ path: join(shots, 'serve-page.png') });
});

check('downloads: the JSON tree and SARIF', async () => {
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
  assert.equal(json.suggestedFilename(), '000_9ebb4c68ea5cda49.json');
  const tree = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(tree.title.type_code, 'BC');
  assert.ok(tree.findings.some((f) => f.code === 'HDR001'));
  const [sarif] = await Promise.all([page.waitForEvent('download'), page.click('#dl-sarif')]);
  assert.equal(sarif.suggestedFilename(), '000_9ebb4c68ea5cda49.sarif');
  const log = JSON.parse(readFileSync(await sarif.path(), 'utf8'));
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs[0].results.some((r) => r.ruleId === 'HDR011' && r.locations[0].physicalLocation.region.startLine === 5));
});

check('the printable report lists every finding', async () => {
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#report'));
  assert.ok(!(await page.isVisible('#lines')));
  const rows = await page.$$eval('#report tbody tr', (r) => r.length);
  assert.equal(rows, (await listed()).length);
  assert.match(await page.textContent('#report'), /Báo cáo kiểm tra thể thức văn bản/);
  if (shots) await page.pdf({ path: join(tmpdir(), 'vanban-report.pdf') }).catch(() => {});
  await page.emulateMedia({ media: 'screen' });
});

check('severity filters hide and show findings', async () => {
  await page.click('#chips button[data-sev="info"]');
  assert.equal(await page.getAttribute('#chips button[data-sev="info"]', 'aria-pressed'), 'false');
  assert.ok(!(await page.isVisible('#finding-list button:has-text("HDR011")')));
  await page.click('#chips button[data-sev="info"]');
  assert.ok(await page.isVisible('#finding-list button:has-text("HDR011")'));
});

check('English: the page and the messages switch', async () => {
  await page.click('#lang-en');
  await page.waitForFunction(() => document.querySelector('#summary-line').textContent.includes('error'));
  assert.match(await page.textContent('h1'), /Check an administrative document/);
  const items = await listed();
  const first = items.find((i) => i.code === 'HDR001');
  assert.equal(first.where, 'Line 3');
  assert.match(first.text, /national title/i);
  if (shots) await page.screenshot({ path: join(shots, 'serve-page-en.png') });
  await page.click('#lang-vi');
  await page.waitForFunction(() => document.querySelector('#summary-line').textContent.includes('lỗi'));
});

check('an 11 MB upload is refused with a clear message', async () => {
  const big = Buffer.alloc(11 * 1024 * 1024, 'a');
  await page.setInputFiles('#file', { name: 'lon.txt', mimeType: 'text/plain', buffer: big });
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error-title'), /Tệp quá lớn/);
  assert.match(await page.textContent('#error-title'), /10 MB/);
  assert.match(await page.textContent('#error-detail'), /over the limit of 10485760 bytes/);
});

check('pasted markup is shown as text, never run', async () => {
  await page.click('#paste-toggle');
  assert.equal(await page.getAttribute('#paste-toggle', 'aria-expanded'), 'true');
  const markup = 'BÁO CÁO\nVề <img src=x onerror="window.hacked=1"> <script>window.hacked=2</script>\n\nI. KẾT QUẢ\n';
  await page.fill('#paste', markup);
  await page.click('#paste-check');
  await page.waitForFunction(() => document.querySelector('#doc-name').textContent !== '000_9ebb4c68ea5cda49.txt');
  await page.waitForSelector('#error', { state: 'hidden' });
  assert.equal(await page.$$eval('#lines img, #lines script, #outline img', (n) => n.length), 0);
  assert.equal(await page.textContent('#L2 .lt'), 'Về <img src=x onerror="window.hacked=1"> <script>window.hacked=2</script>');
  assert.equal(await page.evaluate(() => window.hacked), undefined);
});

let failed = 0;
try {
  for (const { name, fn } of checks) {
    try {
      await fn();
      console.log('ok   ' + name);
    } catch (e) {
      failed++;
      console.log('FAIL ' + name + '\n     ' + (e.stack || e).toString().split('\n').slice(0, 4).join('\n     '));
    }
  }
  const real = problems.filter((p) => !/status of 413/.test(p));
  if (real.length) {
    failed++;
    console.log('FAIL the page logged errors:\n     ' + real.join('\n     '));
  }
} finally {
  await context.close();
  server.kill();
  rmSync(profileDir, { recursive: true, force: true });
}
console.log(failed ? failed + ' browser check(s) failed' : 'all browser checks passed');
process.exit(failed ? 1 : 0);
