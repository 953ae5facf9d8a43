// The designers' page: live preview of a form's artwork (the vest) from its parameters, downloads in PNG, SVG and PDF.

import { initLangSwitch, t } from './i18n.js';
import { ApiError, apiFetch, debounce, ensureOk, fileNameFrom, getApiKey, getJson, initSettings, readProblem, saveBlob, showStatus } from './common.js';

/**
 * The form whose artwork the page designs, as the API describes it: the one named after '#' (the clerks' page links
 * here so), else the first in the catalogue whose version in force has artwork of its own.
 */
async function artworkForm() {
  const wanted = decodeURIComponent(location.hash.replace(/^#/, ''));
  try {
    const forms = await getJson('/api/forms');
    const candidates = wanted ? forms.filter((f) => f.formId === wanted) : forms;
    for (const form of candidates) {
      const version = form.versions.at(-1);
      const detail = await getJson(version.href);
      if (detail.hasArtwork) return { formId: form.formId, versionHref: version.href };
    }
  } catch (error) {
    // The catalogue is not readable: with API keys on, ask for the key and start again once it is saved.
    if (error instanceof ApiError && error.status === 401) {
      document.addEventListener('apikeychange', () => location.reload(), { once: true });
      openSettings();
    }
  }
  return { formId: wanted, versionHref: null };
}

const PREVIEW_DPI = 96;
const NAMES = ['view', 'color', 'stripeColor', 'stripeWidthMm', 'stripePositionMm', 'letteringScale', 'dimensions', 'dpi'];

/**
 * The official specimen (the version's vest.json). A parameter at its official value is left out of
 * the URL, so the service applies its own default; the schema's `default`s, when the service publishes them, win.
 */
const official = {
  view: 'both', color: '#FF7A00', stripeColor: '#C0C0C0', stripeWidthMm: 50, stripePositionMm: 175,
  letteringScale: 1, dimensions: false, dpi: 150,
};

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('controls'),
  img: $('vest-preview'),
  frame: $('vest-frame'),
  busy: $('preview-busy'),
  status: $('params-status'),
  pageStatus: $('page-status'),
  reset: $('reset'),
  url: $('preview-url'),
  downloads: [...document.querySelectorAll('.downloads a[data-format]')],
};

const openSettings = initSettings({
  details: $('settings'), input: $('api-key'), save: $('api-key-save'), clear: $('api-key-clear'), note: $('api-key-note'),
});
initLangSwitch();

// ---------------------------------------------------------------- reading and writing the controls

function numberValue(id) {
  const raw = $(id).value.trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}

function readParams() {
  return {
    view: ui.form.querySelector('input[name="view"]:checked')?.value ?? official.view,
    color: $('color').value.toUpperCase(),
    stripeColor: $('stripeColor').value.toUpperCase(),
    stripeWidthMm: numberValue('stripeWidthMm'),
    stripePositionMm: numberValue('stripePositionMm'),
    letteringScale: numberValue('letteringScale'),
    dimensions: $('dimensions').checked,
    dpi: numberValue('dpi'),
  };
}

function writeParams(p) {
  for (const radio of ui.form.querySelectorAll('input[name="view"]')) radio.checked = radio.value === p.view;
  $('color').value = String(p.color).toLowerCase();
  $('stripeColor').value = String(p.stripeColor).toLowerCase();
  for (const id of ['stripeWidthMm', 'stripePositionMm', 'letteringScale']) {
    $(id).value = p[id] ?? '';
    if (p[id] !== undefined) $(`${id}-range`).value = p[id];
  }
  $('dimensions').checked = p.dimensions === true;
  const dpi = $('dpi');
  if (![...dpi.options].some((o) => o.value === String(p.dpi))) dpi.append(new Option(String(p.dpi), String(p.dpi)));
  dpi.value = String(p.dpi);
  showColors();
}

function showColors() {
  $('color-value').textContent = $('color').value.toUpperCase();
  $('stripeColor-value').textContent = $('stripeColor').value.toUpperCase();
}

/** The parameters that differ from the official specimen. */
function changed(params = readParams()) {
  const q = new URLSearchParams();
  for (const name of NAMES) {
    const value = params[name];
    if (value === undefined || value === '') continue;
    const same = typeof value === 'string' && typeof official[name] === 'string'
      ? value.toUpperCase() === official[name].toUpperCase()
      : value === official[name];
    if (!same) q.set(name, String(value));
  }
  return q;
}

/** The query for one format: what differs from the specimen; dpi only matters for PNG, and is always stated there. */
function query(format, params = readParams()) {
  const q = new URLSearchParams({ format });
  for (const [name, value] of changed(params)) if (name !== 'dpi') q.set(name, value);
  if (format === 'png') q.set('dpi', String(params.dpi ?? official.dpi));
  return q;
}

function previewUrl() {
  const q = query('png');
  q.set('dpi', String(PREVIEW_DPI));
  return `${BASE}?${q}`;
}

function downloadUrl(format) {
  return `${BASE}?${query(format)}`;
}

// ---------------------------------------------------------------- errors beside the controls

function clearErrors() {
  for (const name of NAMES) {
    const error = $(`err-${name}`);
    error.hidden = true;
    error.textContent = '';
    error.closest('.control')?.classList.remove('invalid');
  }
  showStatus(ui.status, 'info', '');
  showStatus(ui.pageStatus, 'info', '');
}

function showProblem(status, problem) {
  clearErrors();
  if (status === 401) {
    showStatus(ui.pageStatus, 'error', t('error.unauthorized'));
    openSettings();
    return;
  }
  const unplaced = [];
  for (const [key, value] of Object.entries(problem?.errors ?? {})) {
    const messages = (Array.isArray(value) ? value : [value]).map(String);
    const name = NAMES.find((n) => n.toLowerCase() === key.toLowerCase());
    if (name) {
      const error = $(`err-${name}`);
      error.textContent = messages.join(' ');
      error.hidden = false;
      error.closest('.control')?.classList.add('invalid');
    } else {
      for (const m of messages) unplaced.push(key ? `${key}: ${m}` : m);
    }
  }
  const heading = [problem?.title, problem?.detail].filter(Boolean).join(' — ') || `${t('error.generic')} ${status}`;
  showStatus(ui.status, 'error', heading, unplaced);
}

// ---------------------------------------------------------------- the preview

let seq = 0;
let blobUrl = null;

function setBusy(busy) {
  ui.busy.hidden = !busy;
  ui.frame.setAttribute('aria-busy', String(busy));
}

async function updatePreview() {
  const url = previewUrl();
  const mine = ++seq;
  ui.url.textContent = url;
  for (const link of ui.downloads) link.href = downloadUrl(link.dataset.format);
  const state = changed().toString();
  history.replaceState(null, '', state ? `${location.pathname}?${state}` : location.pathname);
  setBusy(true);
  if (!getApiKey()) {
    // Without a key the <img> loads the URL itself; a failure is read again with fetch to show the problem.
    ui.img.dataset.pending = url;
    ui.img.src = url;
    return;
  }
  try {
    const response = await apiFetch(url, { headers: { Accept: 'image/png' } });
    if (mine !== seq) return;
    if (!response.ok) {
      showProblem(response.status, await readProblem(response));
      setBusy(false);
      return;
    }
    const blob = await response.blob();
    if (mine !== seq) return;
    const previous = blobUrl;
    blobUrl = URL.createObjectURL(blob);
    ui.img.dataset.pending = blobUrl;
    ui.img.src = blobUrl;
    if (previous) setTimeout(() => URL.revokeObjectURL(previous), 1000);
  } catch (error) {
    if (mine !== seq) return;
    setBusy(false);
    showStatus(ui.status, 'error', error.message);
  }
}

ui.img.addEventListener('load', () => {
  if (ui.img.dataset.pending !== ui.img.getAttribute('src')) return;
  setBusy(false);
  clearErrors();
});

ui.img.addEventListener('error', async () => {
  const failed = ui.img.getAttribute('src');
  if (!failed || failed !== ui.img.dataset.pending || failed.startsWith('blob:')) return;
  const mine = seq;
  try {
    const response = await apiFetch(failed);
    if (mine !== seq) return;
    setBusy(false);
    if (!response.ok) showProblem(response.status, await readProblem(response));
  } catch (error) {
    setBusy(false);
    showStatus(ui.status, 'error', error.message);
  }
});

const updateSoon = debounce(updatePreview, 150);

// ---------------------------------------------------------------- controls

for (const id of ['stripeWidthMm', 'stripePositionMm', 'letteringScale']) {
  const number = $(id);
  const range = $(`${id}-range`);
  range.addEventListener('input', () => {
    number.value = range.value;
  });
  number.addEventListener('input', () => {
    if (number.value !== '' && Number.isFinite(Number(number.value))) range.value = number.value;
  });
}

ui.form.addEventListener('input', () => {
  showColors();
  updateSoon();
});
ui.form.addEventListener('change', () => {
  showColors();
  updateSoon();
});
ui.form.addEventListener('submit', (e) => e.preventDefault());

ui.reset.addEventListener('click', () => {
  writeParams(official);
  updateSoon.cancel();
  updatePreview();
});

document.addEventListener('apikeychange', () => updatePreview());

// Downloads fetch the file (with the API key, if any) so a problem is shown here instead of being saved as a file.
for (const link of ui.downloads) {
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    const format = link.dataset.format;
    try {
      const response = await apiFetch(downloadUrl(format));
      if (!response.ok) {
        showProblem(response.status, await readProblem(response));
        return;
      }
      saveBlob(await response.blob(), fileNameFrom(response, `${ARTWORK.formId}.${format}`));
    } catch (error) {
      showStatus(ui.status, 'error', error instanceof ApiError ? error.message : String(error));
    }
  });
}

// ---------------------------------------------------------------- start

/** The schema's defaults and limits, once the service publishes the schema; the page works without it. */
async function loadSchemaDefaults() {
  try {
    if (!ARTWORK.versionHref) return;
    const schema = await getJson(`${ARTWORK.versionHref}/schema`);
    for (const name of NAMES) {
      const node = schema?.properties?.[name];
      if (!node) continue;
      if (node.default !== undefined) official[name] = node.default;
      for (const el of [$(name), document.getElementById(`${name}-range`)]) {
        if (!el || el.type === 'color' || el.tagName === 'SELECT') continue;
        if (typeof node.minimum === 'number') el.min = String(node.minimum);
        if (typeof node.maximum === 'number') el.max = String(node.maximum);
      }
    }
  } catch {
    // not published (yet): the built-in specimen values stand
  }
}

function paramsFromLocation() {
  const q = new URLSearchParams(location.search);
  const p = { ...official };
  for (const name of NAMES) {
    if (!q.has(name)) continue;
    const v = q.get(name);
    p[name] = typeof official[name] === 'number' ? Number(v) : typeof official[name] === 'boolean' ? v === 'true' : v;
  }
  return p;
}

const ARTWORK = await artworkForm();
const BASE = `/api/forms/${encodeURIComponent(ARTWORK.formId)}/preview`;
await loadSchemaDefaults();
writeParams(paramsFromLocation());
updatePreview();
