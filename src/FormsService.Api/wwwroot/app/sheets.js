// "From a spreadsheet" on the clerks' page: download the chosen form's template, upload the filled file, see each
// row's problems, and download a ZIP of documents or one PDF to print — with progress for long files.
// It reads the chosen form and version from the page's pickers; values from the file or the API become text only.

import { lang, onLangChange } from './i18n.js';
import { ensureOk, apiFetch, el, fileNameFrom, getApiKey, readProblem, saveBlob, showStatus } from './common.js';

const words = {
  kk: {
    title: 'Кестеден (XLSX, CSV)',
    help: 'Үлгіні жүктеп алып, әр құжатқа бір жол толтырыңыз, содан кейін файлды осында жүктеңіз.',
    templateXlsx: 'Үлгі (XLSX)',
    templateCsv: 'Үлгі (CSV)',
    file: 'Толтырылған файл',
    chooseFile: 'Файлды таңдау',
    noFileChosen: 'Файл таңдалмаған',
    check: 'Тексеру',
    zip: 'ZIP жүктеу',
    single: 'Бір PDF (басып шығару үшін)',
    pdfa: 'PDF/A-2b (мұрағат үшін)',
    noFile: 'Алдымен файлды таңдаңыз.',
    uploading: 'Жүктелуде',
    working: 'Құжаттар жасалуда…',
    receiving: 'Алынуда',
    summary: (r) => `Жолдар: ${r.rows}, дайын: ${r.rendered}, қатесі бар: ${r.failed}.`,
    done: 'Дайын.',
    skipped: (rows) => `Қатесі бар жолдар құжатқа кірмеді: ${rows}.`,
    row: 'Жол', field: 'Өріс', problem: 'Қате',
  },
  ru: {
    title: 'Из таблицы (XLSX, CSV)',
    help: 'Скачайте шаблон, заполните по строке на каждый документ и загрузите файл сюда.',
    templateXlsx: 'Шаблон (XLSX)',
    templateCsv: 'Шаблон (CSV)',
    file: 'Заполненный файл',
    chooseFile: 'Выбрать файл',
    noFileChosen: 'Файл не выбран',
    check: 'Проверить',
    zip: 'Скачать ZIP',
    single: 'Один PDF (для печати)',
    pdfa: 'PDF/A-2b (для архива)',
    noFile: 'Сначала выберите файл.',
    uploading: 'Загрузка',
    working: 'Документы создаются…',
    receiving: 'Получение',
    summary: (r) => `Строк: ${r.rows}, готово: ${r.rendered}, с ошибками: ${r.failed}.`,
    done: 'Готово.',
    skipped: (rows) => `Строки с ошибками не вошли в документ: ${rows}.`,
    row: 'Строка', field: 'Поле', problem: 'Ошибка',
  },
};
const w = (key) => (words[lang()] ?? words.kk)[key];

const section = document.getElementById('sheets');
const picker = document.getElementById('form-picker');
const versionPicker = document.getElementById('version-picker');

const ui = {
  title: el('h2', { id: 'sheets-title' }),
  help: el('p', { class: 'help' }),
  templateXlsx: el('button', { type: 'button', id: 'sheet-template-xlsx', class: 'secondary' }),
  templateCsv: el('button', { type: 'button', id: 'sheet-template-csv', class: 'secondary' }),
  fileLabel: el('span', { id: 'sheet-file-label', class: 'field-label' }),
  // The browser's own file input words its button and "no file" in the browser's language: it stays hidden, and the
  // page's button (in the page's language) opens it.
  file: el('input', { type: 'file', id: 'sheet-file', class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true',
    accept: '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  fileButton: el('button', { type: 'button', id: 'sheet-file-button', class: 'secondary', 'aria-labelledby': 'sheet-file-label sheet-file-button sheet-file-name' }),
  fileName: el('span', { id: 'sheet-file-name', class: 'file-name', 'aria-live': 'polite' }),
  check: el('button', { type: 'button', id: 'sheet-check' }),
  zip: el('button', { type: 'button', id: 'sheet-zip' }),
  single: el('button', { type: 'button', id: 'sheet-single' }),
  pdfa: el('input', { type: 'checkbox', id: 'sheet-pdfa' }),
  pdfaLabel: el('label', { for: 'sheet-pdfa' }),
  progress: el('progress', { id: 'sheet-progress', max: 100, hidden: true }),
  status: el('div', { class: 'status', id: 'sheet-status', role: 'status', hidden: true }),
  table: el('table', { id: 'sheet-errors', hidden: true }),
};

function relabel() {
  ui.title.textContent = w('title');
  ui.help.textContent = w('help');
  ui.templateXlsx.textContent = w('templateXlsx');
  ui.templateCsv.textContent = w('templateCsv');
  ui.fileLabel.textContent = w('file');
  ui.fileButton.textContent = w('chooseFile');
  showFileName();
  ui.check.textContent = w('check');
  ui.zip.textContent = w('zip');
  ui.single.textContent = w('single');
  ui.pdfaLabel.textContent = w('pdfa');
}

function build() {
  section.setAttribute('aria-labelledby', 'sheets-title');
  section.append(
    ui.title, ui.help,
    el('div', { class: 'toolbar' }, ui.templateXlsx, ui.templateCsv),
    el('div', { class: 'picker-field file-field' }, ui.fileLabel, el('div', { class: 'file-row' }, ui.fileButton, ui.fileName, ui.file)),
    el('div', { class: 'sheets-option' }, ui.pdfa, ui.pdfaLabel),
    el('div', { class: 'downloads' }, ui.check, ui.zip, ui.single),
    ui.progress, ui.status,
    el('div', { class: 'table-wrap' }, ui.table),
  );
  relabel();
}

function showFileName() {
  const file = ui.file.files?.[0];
  ui.fileName.textContent = file ? file.name : w('noFileChosen');
  ui.fileName.classList.toggle('empty', !file);
}

const form = () => picker.value;
const version = () => versionPicker.value;
// The documents' language (the page's own language is another choice): kk unless the version offers Russian and it is chosen.
const documentLanguagePicker = document.getElementById('document-language');
const documentLanguage = () => (documentLanguagePicker && !documentLanguagePicker.disabled ? documentLanguagePicker.value : 'kk');

async function downloadTemplate(extension) {
  if (!form() || !version()) return;
  try {
    const response = await ensureOk(await apiFetch(`/api/forms/${encodeURIComponent(form())}/versions/${encodeURIComponent(version())}/template.${extension}?language=${encodeURIComponent(documentLanguage())}`));
    saveBlob(await response.blob(), fileNameFrom(response, `${form()}.${extension}`));
  } catch (error) {
    showStatus(ui.status, 'error', error.message);
  }
}

/** POSTs the file with XMLHttpRequest: fetch reports no upload progress. Resolves with { status, blob, headers }. */
function send(output) {
  const file = ui.file.files[0];
  const params = new URLSearchParams({ output, format: 'pdf', version: version(), language: documentLanguage() });
  if (ui.pdfa.checked && output !== 'report') params.set('pdfa', '2b');
  const body = new FormData();
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/forms/${encodeURIComponent(form())}/merge?${params}`);
    xhr.responseType = 'blob';
    const key = getApiKey();
    if (key) xhr.setRequestHeader('X-Api-Key', key);
    // Problems and the row report come back in the page's language, as every other request's do.
    xhr.setRequestHeader('Accept-Language', lang());
    ui.progress.hidden = false;
    ui.progress.removeAttribute('value');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) ui.progress.value = Math.round((e.loaded / e.total) * 100);
      showStatus(ui.status, 'info', `${w('uploading')}: ${Math.round(e.loaded / 1024)} KB`);
    };
    xhr.upload.onload = () => {
      ui.progress.removeAttribute('value');
      showStatus(ui.status, 'info', w('working'));
    };
    xhr.onprogress = (e) => showStatus(ui.status, 'info', `${w('receiving')}: ${Math.round(e.loaded / 1024)} KB`);
    xhr.onload = () => {
      ui.progress.hidden = true;
      resolve(new Response(xhr.response, {
        status: xhr.status,
        headers: Object.fromEntries(xhr.getAllResponseHeaders().trim().split(/\r?\n/).filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()])),
      }));
    };
    xhr.onerror = () => {
      ui.progress.hidden = true;
      reject(new Error('network'));
    };
    xhr.send(body);
  });
}

function showRows(report) {
  const bad = report.items.filter((item) => item.errors);
  ui.table.replaceChildren();
  ui.table.hidden = bad.length === 0;
  if (bad.length === 0) return;
  ui.table.append(el('thead', {}, el('tr', {}, ['row', 'field', 'problem'].map((k) => el('th', { scope: 'col', text: w(k) })))));
  const body = el('tbody');
  for (const item of bad)
    for (const [path, messages] of Object.entries(item.errors))
      body.append(el('tr', {}, el('td', { text: String(item.row) }), el('td', { text: path }), el('td', { text: messages.join(' ') })));
  ui.table.append(body);
}

async function problemOf(response) {
  const problem = await readProblem(response);
  const details = Object.entries(problem.errors ?? {}).map(([k, v]) => `${k}: ${[].concat(v).join(' ')}`);
  showStatus(ui.status, 'error', [problem.title, problem.detail].filter(Boolean).join(' — '), details);
}

async function run(output) {
  if (!ui.file.files[0]) return showStatus(ui.status, 'error', w('noFile'));
  for (const b of [ui.check, ui.zip, ui.single]) b.disabled = true;
  try {
    const response = await send(output);
    if (!response.ok) return await problemOf(response);
    if (output === 'report') {
      const report = await response.json();
      showRows(report);
      return showStatus(ui.status, report.failed ? 'error' : 'ok', w('summary')(report));
    }
    const blob = await response.blob();
    saveBlob(blob, fileNameFrom(response, `${form()}.${output === 'single' ? 'pdf' : 'zip'}`));
    const skipped = response.headers.get('X-Merge-Skipped-Rows');
    showStatus(ui.status, skipped ? 'error' : 'ok', skipped ? w('skipped')(skipped) : w('done'));
  } catch (error) {
    showStatus(ui.status, 'error', error.message);
  } finally {
    ui.progress.hidden = true;
    for (const b of [ui.check, ui.zip, ui.single]) b.disabled = false;
  }
}

if (section) {
  build();
  onLangChange(relabel);
  ui.templateXlsx.addEventListener('click', () => downloadTemplate('xlsx'));
  ui.templateCsv.addEventListener('click', () => downloadTemplate('csv'));
  ui.check.addEventListener('click', () => run('report'));
  ui.zip.addEventListener('click', () => run('zip'));
  ui.single.addEventListener('click', () => run('single'));
  ui.fileButton.addEventListener('click', () => ui.file.click());
  ui.file.addEventListener('change', () => {
    showFileName();
    ui.table.hidden = true;
    showStatus(ui.status, 'info', '');
  });
}
