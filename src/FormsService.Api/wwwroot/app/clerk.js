// The clerks' page: pick a form, fill it (a form built from the version's JSON Schema), see the first page,
// download DOCX or PDF. Everything a user types or the API returns is put on the page as text only.

import { applyI18n, initLangSwitch, lang, onLangChange, t } from './i18n.js';
import {
  ApiError, apiFetch, debounce, el, ensureOk, fileNameFrom, formatDate, getJson, initSettings, readProblem,
  saveBlob, showStatus,
} from './common.js';

const $ = (id) => document.getElementById(id);

const ui = {
  formPicker: $('form-picker'),
  versionPicker: $('version-picker'),
  meta: $('form-meta'),
  designerLink: $('designer-link'),
  fields: $('fields'),
  form: $('payload-form'),
  fillExample: $('fill-example'),
  clearForm: $('clear-form'),
  pageStatus: $('page-status'),
  formStatus: $('form-status'),
  downloadStatus: $('download-status'),
  previewImage: $('preview-image'),
  previewEmpty: $('preview-empty'),
  previewFrame: $('preview-frame'),
  previewStale: $('preview-stale'),
  refreshPreview: $('refresh-preview'),
  downloadDocx: $('download-docx'),
  downloadPdf: $('download-pdf'),
  downloadBlank: $('download-blank'),
  documentLanguage: $('document-language'),
  documentLanguageNote: $('document-language-note'),
  deadlines: $('deadlines'),
  deadlinesBody: document.querySelector('#deadlines-table tbody'),
  deadlinesStatus: $('deadlines-status'),
};

const state = {
  forms: [],
  translations: {}, // formId → version → { ru: { title, shortTitle, legalBasis } }: translations made here, not the law's text
  form: null, // the catalogue entry
  version: null, // the version summary (with schemaHref/exampleHref once fetched)
  documentLanguage: null, // the documents' language the clerk chose (kk, ru), kept across forms where offered
  schema: null,
  fields: new Map(), // path → { input, kind, node, required, error, wrapper }
  groups: new Map(), // path → { fieldset, error } for objects and arrays
  labels: [], // { el, node, name } relabelled on a language switch
  previewUrl: null,
  previewSeq: 0,
};

const openSettings = initSettings({
  details: $('settings'),
  input: $('api-key'),
  save: $('api-key-save'),
  clear: $('api-key-clear'),
  note: $('api-key-note'),
});

initLangSwitch();
onLangChange(() => {
  relabel();
  renderPickerTitles();
  renderMeta();
  // Problems on the page were worded in the language they were asked in: ask again in the new one.
  if (!ui.formStatus.hidden && ui.formStatus.dataset.kind === 'error') refreshPreview();
});

// ---------------------------------------------------------------- errors shown at page level

function handleError(error, area = ui.pageStatus) {
  if (error instanceof ApiError && error.status === 401) {
    showStatus(ui.pageStatus, 'error', t('error.unauthorized'));
    openSettings();
    return;
  }
  const message = error instanceof ApiError ? error.message : `${t('error.generic')}: ${error.message}`;
  showStatus(area, 'error', message);
}

document.addEventListener('apikeychange', () => {
  showStatus(ui.pageStatus, 'info', '');
  if (state.forms.length === 0) loadCatalogue();
});

// ---------------------------------------------------------------- catalogue

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The version in force today, else the latest. */
function versionInForce(form) {
  const day = today();
  const inForce = form.versions.filter((v) => v.effectiveFrom <= day && (!v.effectiveTo || v.effectiveTo >= day));
  return (inForce.at(-1) ?? form.versions.at(-1)) || null;
}

/** The translations of the forms' names and legal basis (a page resource); without them the page shows the Kazakh text. */
async function loadTranslations() {
  try {
    const response = await fetch('/app/translations.json', { headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : {};
  } catch {
    return {};
  }
}

/** The version's translation into the page's language, if the page is not in the form's language and one exists. */
function translationOf(formId, version) {
  if (lang() === 'kk') return null;
  return state.translations?.[formId]?.[version]?.[lang()] ?? null;
}

/** In Russian the picker names each form by its in-force version's translated title. */
function renderPickerTitles() {
  for (const option of ui.formPicker.options) {
    const form = state.forms.find((f) => f.formId === option.value);
    if (!form) continue;
    const version = versionInForce(form);
    const translated = version ? translationOf(form.formId, version.version)?.title : null;
    option.textContent = translated ?? form.title;
    option.lang = translated ? lang() : 'kk';
  }
}

async function loadCatalogue() {
  try {
    [state.forms, state.translations] = await Promise.all([getJson('/api/forms'), loadTranslations()]);
  } catch (error) {
    handleError(error);
    return;
  }
  // The catalogue's order is the order a clerk meets the documents: its first form is the one selected.
  ui.formPicker.replaceChildren(
    ...state.forms.map((f) => el('option', { value: f.formId, text: f.title })),
  );
  renderPickerTitles();
  const wanted = decodeURIComponent(location.hash.replace(/^#/, ''));
  const initial = state.forms.find((f) => f.formId === wanted) ?? state.forms[0];
  if (initial) {
    ui.formPicker.value = initial.formId;
    await selectForm(initial.formId);
  }
}

async function selectForm(formId, versionId) {
  const form = state.forms.find((f) => f.formId === formId);
  if (!form) return;
  state.form = form;
  if (location.hash !== `#${formId}`) history.replaceState(null, '', `#${formId}`);
  const version = form.versions.find((v) => v.version === versionId) ?? versionInForce(form);
  ui.versionPicker.replaceChildren(
    ...form.versions.map((v) => el('option', { value: v.version, text: `${v.version} (${formatDate(v.effectiveFrom)})` })),
  );
  ui.versionPicker.value = version?.version ?? '';
  ui.versionPicker.closest('.picker-field').hidden = form.versions.length < 2;
  ui.designerLink.hidden = true;
  await selectVersion(version);
}

async function selectVersion(summary) {
  state.version = summary;
  renderDocumentLanguages();
  state.schema = null;
  clearPreview();
  showStatus(ui.formStatus, 'info', '');
  showStatus(ui.downloadStatus, 'info', '');
  ui.fields.replaceChildren(el('p', { class: 'help', text: t('form.loading') }));
  renderMeta();
  if (!summary) return;
  const href = summary.href ?? `/api/forms/${state.form.formId}/versions/${summary.version}`;
  try {
    const detail = await getJson(href);
    state.version = { ...summary, ...detail };
    renderMeta();
    // A form with artwork of its own (the API says so) links to the designers' page.
    ui.designerLink.hidden = !detail.hasArtwork;
    ui.designerLink.querySelector('a').href = `/designer#${encodeURIComponent(state.form.formId)}`;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return handleError(error);
    // the version resource is optional for the page: the schema lives at a known address too
  }
  const schemaHref = state.version.schemaHref ?? `${href}/schema`;
  try {
    state.schema = await getJson(schemaHref);
  } catch (error) {
    ui.fields.replaceChildren();
    if (error instanceof ApiError && error.status === 401) return handleError(error);
    showStatus(ui.formStatus, 'error', t('form.noSchema'), [error.message]);
    return;
  }
  buildForm(state.schema);
}

function renderMeta() {
  const v = state.version;
  ui.meta.replaceChildren();
  translatedNote.hidden = true;
  if (!v) return;
  const basis = v.legalBasis ?? {};
  const translation = state.form ? translationOf(state.form.formId, v.version) : null;
  const add = (key, ...values) => {
    const dd = el('dd');
    for (const value of values) if (value) dd.append(value);
    ui.meta.append(el('div', { class: 'meta-row' }, el('dt', { text: t(key) }), dd));
  };
  // A translated text is marked as such and keeps the law's Kazakh words at hand (its title).
  const text = (kazakh, translated) => translated
    ? el('span', { class: 'translated', title: kazakh, lang: lang(), text: translated },
      el('span', { class: 'translated-mark', text: ` (${t('form.translated')})` }))
    : el('span', { lang: 'kk', text: kazakh });
  add('form.version', v.version);
  if (translation) add('form.titleKk', el('span', { lang: 'kk', text: v.title ?? state.form.title }));
  if (basis.act) add('form.act', text(basis.act, translation?.legalBasis?.act));
  if (basis.appendix) add('form.appendix', text(basis.appendix, translation?.legalBasis?.appendix));
  if (basis.rule) add('form.rule', text(basis.rule, translation?.legalBasis?.rule));
  if (basis.registration) add('form.registration', text(basis.registration, translation?.legalBasis?.registration));
  const effective = formatDate(v.effectiveFrom) + (v.effectiveTo ? ` — ${t('form.effectiveTo')} ${formatDate(v.effectiveTo)}` : '');
  // The source of the date is an English note for integrators (the API has it): the clerks' page does not show it.
  add('form.effective', el('span', { class: 'effective', text: effective }));
  // After the list, not in it: a definition list holds only its terms and descriptions.
  translatedNote.textContent = t('form.translatedNote');
  translatedNote.hidden = !translation;
}

const translatedNote = el('p', { class: 'help translated-note', id: 'translated-note', hidden: true });
ui.meta.after(translatedNote);

ui.formPicker.addEventListener('change', () => selectForm(ui.formPicker.value));
// The documents' language: what render, blank and preview ask for; the preview shows the document in it.
ui.documentLanguage.addEventListener('change', () => {
  state.documentLanguage = ui.documentLanguage.value;
  const shown = Boolean(state.previewUrl);
  clearPreview();
  if (shown) refreshPreview({ quiet: true });
});
ui.versionPicker.addEventListener('change', () => {
  const v = state.form?.versions.find((x) => x.version === ui.versionPicker.value);
  selectVersion(v);
});
window.addEventListener('hashchange', () => {
  const formId = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (formId && formId !== state.form?.formId && state.forms.some((f) => f.formId === formId)) {
    ui.formPicker.value = formId;
    selectForm(formId);
  }
});

// ---------------------------------------------------------------- the form, from the JSON Schema

/** Follows local $refs and picks the non-null branch of "X or null". */
function resolve(node, root = state.schema, depth = 0) {
  if (!node || typeof node !== 'object' || depth > 20) return node ?? {};
  let current = node;
  if (typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
    const target = current.$ref.slice(2).split('/').reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    const { $ref, ...rest } = current;
    current = { ...resolve(target, root, depth + 1), ...rest };
  }
  for (const key of ['anyOf', 'oneOf']) {
    if (Array.isArray(current[key])) {
      const branches = current[key].map((b) => resolve(b, root, depth + 1)).filter((b) => typeChoice(b) !== 'null');
      if (branches.length === 1) {
        const { [key]: _, ...rest } = current;
        current = { ...branches[0], ...rest };
      }
    }
  }
  if (Array.isArray(current.allOf) && current.allOf.length === 1) {
    const { allOf, ...rest } = current;
    current = { ...resolve(allOf[0], root, depth + 1), ...rest };
  }
  return current;
}

function typeChoice(node) {
  const type = node?.type;
  if (Array.isArray(type)) return type.find((x) => x !== 'null') ?? 'null';
  if (type) return type;
  if (node?.properties) return 'object';
  if (node?.items) return 'array';
  if (Array.isArray(node?.enum)) return typeof node.enum.find((x) => x !== null) === 'number' ? 'number' : 'string';
  return 'string';
}

/** The field's label in the page's language; an item of a list is its list's item label and number. */
function labelOf(node, name, index) {
  const label = node['x-labels']?.[lang()] ?? node.title ?? name;
  return index === undefined ? label : `${label} ${index + 1}`;
}

/** The help text in the page's language (labels.json); the schema's English descriptions are for integrators. */
function helpOf(node) {
  return node['x-labels']?.help?.[lang()] ?? '';
}

/** The name of a fixed value in the page's language, or the value itself (the form prints it as it is). */
function optionLabel(node, value) {
  return node['x-labels']?.options?.[value]?.[lang()] ?? String(value);
}

function idFor(path) {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function buildForm(schema) {
  monthDue = null;
  state.fields.clear();
  state.groups.clear();
  state.labels = [];
  const root = resolve(schema);
  const container = el('div', { class: 'fields' });
  const rootError = el('p', { class: 'field-error', id: 'err-root', hidden: true });
  state.groups.set('', { fieldset: ui.form, error: rootError });
  buildProperties(root, '', container);
  ui.fields.replaceChildren(rootError, container);
  relabel();
  wireDeadlines();
}

function buildProperties(node, path, container) {
  const required = new Set(node.required ?? []);
  for (const [name, raw] of Object.entries(node.properties ?? {})) {
    const child = resolve(raw);
    if (child.readOnly) continue;
    const childPath = path ? `${path}.${name}` : name;
    container.append(buildNode(child, name, childPath, required.has(name)));
  }
}

function buildNode(node, name, path, required, index) {
  const kind = typeChoice(node);
  if (kind === 'object') return buildGroup(node, name, path, required, index);
  if (kind === 'array') return buildArray(node, name, path, required);
  return buildField(node, name, path, required, kind, index);
}

function legendFor(node, name, required, index) {
  const text = el('span', { class: 'label-text' });
  state.labels.push({ el: text, node, name, index });
  return el('legend', {}, text, required ? el('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null);
}

function buildGroup(node, name, path, required, index) {
  const inner = el('div', { class: 'fields' });
  const error = el('p', { class: 'field-error', id: `err-${idFor(path)}`, hidden: true });
  const help = el('p', { class: 'help' });
  state.labels.push({ el: help, node, name, help: true });
  const fieldset = el('fieldset', { class: 'group', dataset: { path } }, legendFor(node, name, required, index), help, error, inner);
  state.groups.set(path, { fieldset, error });
  buildProperties(node, path, inner);
  return fieldset;
}

function buildArray(node, name, path, required) {
  const itemNode = resolve(node.items ?? { type: 'string' });
  const list = el('div', { class: 'array-items' });
  const error = el('p', { class: 'field-error', id: `err-${idFor(path)}`, hidden: true });
  const add = el('button', { type: 'button', class: 'secondary small', text: '+' });
  state.labels.push({ el: add, attr: 'aria-label', key: 'action.addItem' });
  const help = el('p', { class: 'help' });
  state.labels.push({ el: help, node, name, help: true });
  const fieldset = el('fieldset', { class: 'group array', dataset: { path } }, legendFor(node, name, required), help, error, list, add);
  const group = { fieldset, error, list, itemNode, count: 0, name };
  state.groups.set(path, group);
  add.addEventListener('click', () => addArrayItem(path));
  return fieldset;
}

function addArrayItem(path) {
  const group = state.groups.get(path);
  const index = group.list.children.length;
  const itemPath = `${path}[${index}]`;
  const remove = el('button', { type: 'button', class: 'secondary small remove', text: '×' });
  state.labels.push({ el: remove, attr: 'aria-label', key: 'action.removeItem' });
  const item = el('div', { class: 'array-item', dataset: { path: itemPath } },
    buildNode(group.itemNode, group.name, itemPath, true, index), remove);
  remove.addEventListener('click', () => {
    // Keep paths dense: collect, drop this item, rebuild the list.
    const values = collectArray(path).filter((_, i) => i !== index);
    clearArray(path);
    for (const value of values) fillArrayItem(path, value);
  });
  group.list.append(item);
  relabel();
  return itemPath;
}

function clearArray(path) {
  const group = state.groups.get(path);
  for (const key of [...state.fields.keys()]) if (key.startsWith(`${path}[`)) state.fields.delete(key);
  for (const key of [...state.groups.keys()]) if (key.startsWith(`${path}[`)) state.groups.delete(key);
  state.labels = state.labels.filter((l) => l.el.isConnected && !group.list.contains(l.el));
  group.list.replaceChildren();
}

function fieldSize(node, kind) {
  if (kind === 'boolean') return 'size-s';
  if (kind === 'integer' || kind === 'number' || node.format === 'date' || node.format === 'date-time') return 'size-s';
  if (Array.isArray(node.enum)) return 'size-m';
  const max = node.maxLength ?? 10_000;
  if (max <= 24) return 'size-s';
  if (max <= 120) return 'size-m';
  return 'size-l';
}

function buildField(node, name, path, required, kind, index) {
  const id = idFor(path);
  let input;
  const values = Array.isArray(node.enum) ? node.enum : Object.keys(node['x-labels']?.options ?? {});
  if (values.length > 0) {
    // A fixed set of values: a select whose options are named in the page's language, the value sent as it is.
    input = el('select', { id, name: path });
    input.append(el('option', { value: '', text: '—' }));
    for (const value of values) {
      if (value === null) continue;
      const option = el('option', { value: String(value) });
      state.labels.push({ el: option, option: value, node });
      input.append(option);
    }
  } else if (kind === 'boolean') {
    input = el('input', { id, name: path, type: 'checkbox' });
  } else if (kind === 'integer' || kind === 'number') {
    input = el('input', { id, name: path, type: 'number', inputmode: kind === 'integer' ? 'numeric' : 'decimal' });
    input.step = kind === 'integer' ? '1' : 'any';
    if (typeof node.minimum === 'number') input.min = String(node.minimum);
    if (typeof node.maximum === 'number') input.max = String(node.maximum);
    const digits = Math.max(String(node.maximum ?? '').length, String(node.minimum ?? '').length, 4);
    input.style.width = `${digits + 5}ch`;
  } else if (node.format === 'date') {
    // A text box in the page's own format, not the browser's date picker (its format is the browser's language).
    input = el('input', { id, name: path, type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'date-input' });
    input.maxLength = 10;
    input.style.width = '12ch';
    state.labels.push({ el: input, attr: 'placeholder', key: 'form.datePlaceholder' });
    input.addEventListener('change', () => checkDate(path));
  } else if ((node.maxLength ?? 0) >= LongText) {
    // A paragraph: several lines to see it whole (line breaks are sent as spaces: the form sets its own lines).
    input = el('textarea', { id, name: path, rows: Math.min(8, Math.max(3, Math.round(node.maxLength / 250))) });
  } else {
    input = el('input', { id, name: path, type: 'text' });
  }
  if (typeof node.maxLength === 'number' && 'maxLength' in input) {
    input.maxLength = node.maxLength;
    // Short values get a box their size; longer ones take the width of their row (see styles.css).
    if (input.type === 'text' && node.maxLength <= 24) input.style.width = `${Math.max(node.maxLength, 6) + 3}ch`;
  }
  if (typeof node.pattern === 'string' && input.tagName === 'INPUT' && input.type === 'text' && node.format !== 'date') input.pattern = node.pattern;
  if (required) input.setAttribute('aria-required', 'true');
  input.dataset.path = path;

  const labelText = el('span', { class: 'label-text' });
  state.labels.push({ el: labelText, node, name, index });
  const mark = required ? el('span', { class: 'req', text: ' *' }) : null;
  if (mark) state.labels.push({ el: mark, attr: 'title', key: 'form.required' });
  const label = el('label', { for: id }, labelText, mark);
  const help = el('p', { class: 'help', id: `help-${id}` });
  state.labels.push({ el: help, node, name, help: true });
  const error = el('p', { class: 'field-error', id: `err-${id}`, hidden: true });
  input.setAttribute('aria-describedby', `help-${id} err-${id}`);

  const wrapper = el('div', { class: `field ${fieldSize(node, kind)} kind-${kind}`, dataset: { path } });
  if (kind === 'boolean') wrapper.append(el('div', { class: 'check' }, input, label), help, error);
  else wrapper.append(label, input, help, error);

  state.fields.set(path, { input, kind, node, required, error, wrapper, date: node.format === 'date' && input.tagName === 'INPUT' });
  input.addEventListener('input', () => clearFieldError(path));
  if (path === 'month' && kind === 'string') wireMonthDue(input, wrapper);
  return wrapper;
}

/** Texts this long or longer are paragraphs: typed in a box of several lines. */
const LongText = 400;

/** A date as the clerk types it: dd.mm.yyyy (also d.m.yyyy, with / or -), or ISO yyyy-mm-dd; null if not a real date. */
export function parseDate(text) {
  const value = String(text ?? '').trim();
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  let day, month, year;
  if (m) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** On leaving a date field: shown as dd.mm.yyyy, or marked in the page's words if it is not a date. */
function checkDate(path) {
  const field = state.fields.get(path);
  if (!field?.date) return;
  const raw = field.input.value.trim();
  if (raw === '') return;
  const iso = parseDate(raw);
  if (iso) field.input.value = formatDate(iso);
  else markField(field, t('form.dateInvalid'));
}

function markField(field, message) {
  field.error.textContent = message;
  field.error.hidden = false;
  field.wrapper.classList.add('invalid');
  field.input.setAttribute('aria-invalid', 'true');
}

function relabel() {
  for (const item of state.labels) {
    if (item.attr) {
      item.el.setAttribute(item.attr, t(item.key));
    } else if (item.option !== undefined) {
      item.el.textContent = optionLabel(item.node, item.option);
    } else if (item.help) {
      const text = helpOf(item.node);
      item.el.textContent = text;
      item.el.hidden = !text;
    } else {
      item.el.textContent = labelOf(item.node, item.name, item.index);
    }
  }
}

// ---------------------------------------------------------------- reading and filling the form

function readField(field) {
  const { input, kind, node } = field;
  // A box has two states: unticked is false, said as such (a rule may require the answer).
  if (kind === 'boolean') return input.checked;
  const raw = input.value;
  // A date is sent as ISO yyyy-mm-dd; what is not a date goes as typed, for the service to refuse by its field.
  if (field.date) return raw.trim() === '' ? undefined : parseDate(raw) ?? raw.trim();
  if (input.tagName === 'TEXTAREA') return raw.trim() === '' ? undefined : raw.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (raw.trim() === '') {
    // A number input holding text the browser cannot parse reports "": say so rather than omit it silently.
    if ((kind === 'integer' || kind === 'number') && input.validity?.badInput) return 'NaN';
    return undefined;
  }
  if (kind === 'integer' || kind === 'number') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
  }
  if (Array.isArray(node.enum) && node.enum.some((x) => typeof x === 'number')) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
  }
  return raw.trim();
}

function collectObject(path) {
  const prefix = path ? `${path}.` : '';
  const result = {};
  const seen = new Set();
  const directChildren = (key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.') && !key.slice(prefix.length).includes('[');
  // Unticked boxes alone do not make an optional part exist: it is sent when something else in it is filled.
  let filled = false;
  for (const [key, field] of state.fields) {
    if (!directChildren(key)) continue;
    const value = readField(field);
    if (value === undefined) continue;
    result[key.slice(prefix.length)] = value;
    if (!(field.kind === 'boolean' && value === false)) filled = true;
  }
  for (const [key, group] of state.groups) {
    if (key === '' || !directChildren(key) || seen.has(key)) continue;
    seen.add(key);
    const value = group.list ? collectArray(key) : collectObject(key);
    const name = key.slice(prefix.length);
    if (group.list ? value.length > 0 : value !== undefined) {
      result[name] = value;
      filled = true;
    }
  }
  return filled || (path === '' && Object.keys(result).length > 0) ? result : undefined;
}

function collectArray(path) {
  const group = state.groups.get(path);
  const values = [];
  for (let i = 0; i < group.list.children.length; i++) {
    const itemPath = `${path}[${i}]`;
    let value;
    if (state.fields.has(itemPath)) value = readField(state.fields.get(itemPath));
    else if (state.groups.get(itemPath)?.list) value = collectArray(itemPath);
    else value = collectObject(itemPath);
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** The payload: empty optional values are left out, numbers are numbers. */
export function collectPayload() {
  return collectObject('') ?? {};
}

function fillArrayItem(path, value) {
  const itemPath = addArrayItem(path);
  fillValue(itemPath, value);
}

function fillValue(path, value) {
  if (state.fields.has(path)) {
    const { input, kind, date } = state.fields.get(path);
    if (kind === 'boolean') input.checked = value === true;
    else if (date && typeof value === 'string') input.value = formatDate(value);
    else input.value = value === null || value === undefined ? '' : String(value);
    return;
  }
  const group = state.groups.get(path);
  if (group?.list && Array.isArray(value)) {
    clearArray(path);
    for (const item of value) fillArrayItem(path, item);
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, child] of Object.entries(value)) fillValue(path ? `${path}.${name}` : name, child);
  }
}

function clearAll() {
  for (const { input, kind } of state.fields.values()) {
    if (kind === 'boolean') input.checked = false;
    else input.value = '';
  }
  for (const [path, group] of state.groups) if (group.list) clearArray(path);
  clearErrors();
}

ui.form.addEventListener('submit', (e) => e.preventDefault());

ui.fillExample.addEventListener('click', async () => {
  if (!state.version || !state.schema) return;
  const href = state.version.exampleHref ?? `${state.version.href ?? `/api/forms/${state.form.formId}/versions/${state.version.version}`}/example`;
  try {
    const example = await getJson(href);
    clearAll();
    fillValue('', example);
    showStatus(ui.formStatus, 'info', '');
    onDeadlineFieldChange();
    updateMonthDue();
    refreshPreview({ quiet: true });
  } catch (error) {
    handleError(error, ui.formStatus);
  }
});

ui.clearForm.addEventListener('click', () => {
  clearAll();
  clearPreview();
  onDeadlineFieldChange();
  updateMonthDue();
});

// ---------------------------------------------------------------- problems beside their fields

function clearFieldError(path) {
  const field = state.fields.get(path);
  if (!field) return;
  field.error.hidden = true;
  field.error.textContent = '';
  field.wrapper.classList.remove('invalid');
  field.input.removeAttribute('aria-invalid');
}

function clearErrors() {
  for (const path of state.fields.keys()) clearFieldError(path);
  for (const group of state.groups.values()) {
    group.error.hidden = true;
    group.error.textContent = '';
    group.fieldset.classList?.remove('invalid');
  }
  showStatus(ui.formStatus, 'info', '');
}

/** Normalises an error key to a path of this form: "$.convict.surname", "Convict.Surname" → "convict.surname". */
function findPath(key) {
  const clean = key.replace(/^\$\.?/, '').replace(/\[(\d+)\]/g, '[$1]');
  if (state.fields.has(clean) || state.groups.has(clean)) return clean;
  const lower = clean.toLowerCase();
  for (const path of [...state.fields.keys(), ...state.groups.keys()]) if (path.toLowerCase() === lower) return path;
  return null;
}

/** The label the page shows for a path, or of its nearest ancestor the page has (an unknown field's parent). */
function nearestLabel(key) {
  let path = key.replace(/^\$\.?/, '');
  while (path) {
    const found = findPath(path);
    if (found) {
      const node = state.fields.get(found)?.wrapper ?? state.groups.get(found)?.fieldset;
      const text = node?.querySelector('.label-text')?.textContent;
      if (text) return text;
    }
    path = path.replace(/(\.[^.]*|\[\d+\])$/, '');
  }
  return '';
}

function showProblem(problem) {
  clearErrors();
  const errors = problem.errors && typeof problem.errors === 'object' ? problem.errors : {};
  const unplaced = [];
  let first = null;
  let count = 0;
  for (const [key, value] of Object.entries(errors)) {
    const messages = (Array.isArray(value) ? value : [value]).map(String);
    count += messages.length;
    const path = findPath(key);
    if (path !== null && path !== '' && state.fields.has(path)) {
      const field = state.fields.get(path);
      const notADate = field.date && field.input.value.trim() !== '' && !parseDate(field.input.value);
      markField(field, notADate ? t('form.dateInvalid') : messages.join(' '));
      first ??= field.input;
    } else if (path !== null && path !== '' && state.groups.has(path)) {
      const group = state.groups.get(path);
      group.error.textContent = messages.join(' ');
      group.error.hidden = false;
      group.fieldset.classList.add('invalid');
      first ??= group.fieldset;
    } else {
      const owner = nearestLabel(key);
      for (const message of messages) unplaced.push(owner ? `${owner}: ${message}` : message);
    }
  }
  // A short summary in the page's language; the messages themselves stand beside their fields.
  showStatus(ui.formStatus, 'error', t('status.problems').replace('{n}', String(Math.max(count, 1))), unplaced);
  setStale(true);
  if (first) {
    first.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (first.focus) first.focus({ preventScroll: true });
  } else {
    ui.formStatus.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  }
}

// ---------------------------------------------------------------- preview

/** Marks the preview as out of date (after an edit or a refused payload) until a refresh succeeds. */
function setStale(stale) {
  ui.previewFrame.classList.toggle('stale', stale);
  ui.previewStale.hidden = !stale || ui.previewImage.hidden;
}

function clearPreview() {
  state.previewSeq++;
  if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
  state.previewUrl = null;
  ui.previewImage.hidden = true;
  ui.previewImage.removeAttribute('src');
  ui.previewEmpty.hidden = false;
  ui.previewEmpty.textContent = t('preview.empty');
  setStale(false);
}

function versionQuery() {
  return state.version ? `version=${encodeURIComponent(state.version.version)}` : '';
}

/** The version and the documents' language (kk unless the version offers another and it is chosen): for render, blank and preview. */
function documentQuery() {
  return `${versionQuery()}&language=${encodeURIComponent(documentLanguage())}`;
}

function documentLanguage() {
  const offered = state.version?.languages ?? ['kk'];
  return offered.includes(ui.documentLanguage.value) ? ui.documentLanguage.value : offered[0] ?? 'kk';
}

/**
 * The documents' language picker offers what the version offers (the catalogue's languages): a form with its official
 * text in Kazakh only shows it disabled on Kazakh, with a note why; the clerk's last choice is kept where it is offered.
 */
function renderDocumentLanguages() {
  const offered = state.version?.languages ?? ['kk'];
  for (const option of ui.documentLanguage.options) option.disabled = !offered.includes(option.value);
  if (!offered.includes(ui.documentLanguage.value)) ui.documentLanguage.value = offered[0] ?? 'kk';
  else if (state.documentLanguage && offered.includes(state.documentLanguage)) ui.documentLanguage.value = state.documentLanguage;
  ui.documentLanguage.disabled = offered.length < 2;
  ui.documentLanguageNote.hidden = offered.length > 1 || !state.version;
}

/** quiet: a refresh the user did not ask for (after a change) does not mark fields; it only says the preview is stale. */
async function refreshPreview({ quiet = false } = {}) {
  if (!state.form || !state.schema) return;
  const seq = ++state.previewSeq;
  ui.previewFrame.setAttribute('aria-busy', 'true');
  try {
    const response = await apiFetch(`/api/forms/${encodeURIComponent(state.form.formId)}/preview?${documentQuery()}&dpi=96`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'image/png' },
      body: JSON.stringify(collectPayload()),
    });
    if (seq !== state.previewSeq) return;
    if (response.status === 422) {
      const problem = await readProblem(response);
      setStale(true);
      if (ui.previewImage.hidden) ui.previewEmpty.textContent = t('preview.stale');
      if (!quiet) showProblem(problem);
      return;
    }
    await ensureOk(response);
    const blob = await response.blob();
    if (seq !== state.previewSeq) return;
    if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
    state.previewUrl = URL.createObjectURL(blob);
    ui.previewImage.src = state.previewUrl;
    ui.previewImage.hidden = false;
    ui.previewEmpty.hidden = true;
    setStale(false);
    if (!quiet) clearErrors();
  } catch (error) {
    if (seq !== state.previewSeq) return;
    if (error instanceof ApiError && error.status === 401) return handleError(error);
    ui.previewImage.hidden = true;
    ui.previewEmpty.hidden = false;
    ui.previewEmpty.textContent = `${t('preview.unavailable')}: ${error.message}`;
  } finally {
    if (seq === state.previewSeq) ui.previewFrame.setAttribute('aria-busy', 'false');
  }
}

const refreshPreviewSoon = debounce(() => refreshPreview({ quiet: true }), 500);
ui.form.addEventListener('change', () => refreshPreviewSoon());
ui.form.addEventListener('input', () => setStale(true));
ui.form.addEventListener('click', (e) => { if (e.target.closest('button')) setStale(true); });
ui.refreshPreview.addEventListener('click', () => refreshPreview());

// ---------------------------------------------------------------- downloads

async function download(format) {
  if (!state.form) return;
  showStatus(ui.downloadStatus, 'info', t('status.downloading'));
  try {
    const response = await apiFetch(
      `/api/forms/${encodeURIComponent(state.form.formId)}/render?format=${format}&${documentQuery()}`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(collectPayload()) },
    );
    if (response.status === 422) {
      showStatus(ui.downloadStatus, 'error', t('status.invalid'));
      showProblem(await readProblem(response));
      return;
    }
    await ensureOk(response);
    const name = fileNameFrom(response, `${state.form.formId}.${format}`);
    saveBlob(await response.blob(), name);
    clearErrors();
    // X-Form-Warnings is ASCII ("late-order order.date; …"): the words come from validate, in the page's language.
    const header = response.headers.get('X-Form-Warnings');
    if (header) {
      showStatus(ui.downloadStatus, 'warn', `${t('status.downloadedWithWarnings')} ${name}`, await warningMessages(header));
    } else {
      showStatus(ui.downloadStatus, 'ok', `${t('status.downloaded')} ${name}`);
    }
  } catch (error) {
    showStatus(ui.downloadStatus, 'info', '');
    handleError(error, ui.downloadStatus);
  }
}

/** The warnings of the payload just rendered, worded in the page's language by the service. */
async function warningMessages(header) {
  try {
    const answer = await getJsonPost(`/api/forms/${encodeURIComponent(state.form.formId)}/validate?${versionQuery()}`, collectPayload());
    const messages = (answer.warnings ?? []).map((w) => String(w.message));
    if (messages.length > 0) return messages;
  } catch {
    // the download stands; say there are warnings without their words
  }
  return [t('status.warningsUnread').replace('{n}', String(header.split(';').length))];
}

async function getJsonPost(url, body) {
  const response = await ensureOk(await apiFetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
  }));
  return response.json();
}

async function downloadBlank() {
  if (!state.form) return;
  try {
    const response = await ensureOk(await apiFetch(
      `/api/forms/${encodeURIComponent(state.form.formId)}/blank?format=pdf&${documentQuery()}`,
    ));
    const name = fileNameFrom(response, `${state.form.formId}.pdf`);
    saveBlob(await response.blob(), name);
    showStatus(ui.downloadStatus, 'ok', `${t('status.downloaded')} ${name}`);
  } catch (error) {
    handleError(error, ui.downloadStatus);
  }
}

ui.downloadDocx.addEventListener('click', () => download('docx'));
ui.downloadPdf.addEventListener('click', () => download('pdf'));
ui.downloadBlank.addEventListener('click', downloadBlank);

// ---------------------------------------------------------------- a monthly report's due date

let monthDue = null; // { input, note, answer }
let monthSeq = 0;

/** A monthly report's month shows its due date (rule 2-1 2): the month's last working day), from /api/deadlines. */
function wireMonthDue(input, wrapper) {
  const note = el('p', { class: 'due-date', role: 'status' });
  note.hidden = true;
  input.after(note);
  input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${note.id = `due-${input.id}`}`.trim());
  monthDue = { input, note, answer: null };
  const update = debounce(updateMonthDue, 200);
  input.addEventListener('input', update);
  input.addEventListener('change', update);
}

async function updateMonthDue() {
  if (!monthDue || !monthDue.input.isConnected) return;
  const month = monthDue.input.value.trim();
  const seq = ++monthSeq;
  monthDue.answer = null;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    renderMonthDue();
    return;
  }
  try {
    const answer = await getJson(`/api/deadlines?month=${encodeURIComponent(month)}`);
    if (seq !== monthSeq) return;
    monthDue.answer = (answer.deadlines ?? []).find((d) => d.id === 'akimat-monthly-report') ?? null;
  } catch (error) {
    if (seq !== monthSeq) return;
    if (error instanceof ApiError && error.status === 401) return handleError(error);
  }
  renderMonthDue();
}

function renderMonthDue() {
  if (!monthDue) return;
  const d = monthDue.answer;
  monthDue.note.hidden = !d;
  monthDue.note.textContent = d
    ? `${t('deadlines.monthDue')} ${formatDate(d.due)}${d.confirmed ? '' : ` (${t('deadlines.unconfirmed')})`}`
    : '';
}

onLangChange(renderMonthDue);

// ---------------------------------------------------------------- deadlines

/** The payload path the order's deadlines run from: the field the schema marks with `x-deadlines`, or null. */
function deadlineFieldPath(node = state.schema, path = '', depth = 0) {
  const current = resolve(node);
  if (current?.['x-deadlines'] === true) return path;
  if (depth > 20) return null;
  for (const [name, child] of Object.entries(current?.properties ?? {})) {
    const found = deadlineFieldPath(child, path ? `${path}.${name}` : name, depth + 1);
    if (found) return found;
  }
  return null;
}

function deadlineField() {
  const path = state.schema ? deadlineFieldPath() : null;
  return path ? state.fields.get(path) : undefined;
}

const deadlinesHome = { parent: ui.deadlines.parentElement, next: ui.deadlines.nextSibling };
let lastDeadlines = null;

function wireDeadlines() {
  const field = deadlineField();
  const show = Boolean(field);
  ui.deadlines.hidden = !show;
  ui.deadlinesBody.replaceChildren();
  lastDeadlines = null;
  showStatus(ui.deadlinesStatus, 'info', '');
  // The table sits right under the day it is computed from; without that field, in its place after the form.
  if (field) field.wrapper.after(ui.deadlines);
  else deadlinesHome.parent.insertBefore(ui.deadlines, deadlinesHome.next);
  if (field) {
    field.input.addEventListener('change', onDeadlineFieldChange);
    field.input.addEventListener('input', onDeadlineFieldChange);
  }
}

let deadlineSeq = 0;
const onDeadlineFieldChange = debounce(async () => {
  const field = deadlineField();
  if (!field || ui.deadlines.hidden) return;
  const date = readField(field) ?? '';
  const seq = ++deadlineSeq;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    ui.deadlinesBody.replaceChildren();
    showStatus(ui.deadlinesStatus, 'info', '');
    return;
  }
  try {
    const answer = await getJson(`/api/deadlines?verdictReceived=${encodeURIComponent(date)}`);
    if (seq !== deadlineSeq) return;
    lastDeadlines = answer.deadlines ?? [];
    renderDeadlines();
  } catch (error) {
    if (seq !== deadlineSeq) return;
    lastDeadlines = null;
    ui.deadlinesBody.replaceChildren();
    if (error instanceof ApiError && error.status === 401) return handleError(error);
    const messages = Object.values(error.problem?.errors ?? {}).flat().map(String);
    showStatus(ui.deadlinesStatus, 'error', error.message, messages);
  }
}, 200);

function renderDeadlines() {
  if (!lastDeadlines) return;
  // data-label names the column for the stacked layout on phones (styles.css).
  const cell = (key, text, cls) => el('td', { class: cls, dataset: { label: t(key) }, text });
  const rows = lastDeadlines.map((d) => el('tr', { dataset: { id: d.id ?? '' } },
    cell('deadlines.who', d.who ?? ''),
    cell('deadlines.what', d.what ?? ''),
    cell('deadlines.due', formatDate(d.due), 'due'),
    cell('deadlines.basis', d.basis ?? ''),
    cell('deadlines.confirmed', d.confirmed ? t('deadlines.yes') : t('deadlines.no'), d.confirmed ? 'confirmed' : 'unconfirmed')));
  ui.deadlinesBody.replaceChildren(...rows);
  showStatus(ui.deadlinesStatus, 'info', rows.length === 0 ? t('deadlines.none') : '');
}

// The table's words (who, what, basis) come from the service in the page's language: asked for again.
onLangChange(onDeadlineFieldChange);

// ---------------------------------------------------------------- start

applyI18n();
loadCatalogue();
