// What both pages share: the API key, calls to the API, problem responses, downloads and small DOM helpers.
// Values that come from users or from the API only ever become text (textContent), never markup.

import { lang, t } from './i18n.js';

const apiKeyStorage = 'formsService.apiKey';

export function getApiKey() {
  try {
    return sessionStorage.getItem(apiKeyStorage) ?? '';
  } catch {
    return '';
  }
}

export function setApiKey(value) {
  try {
    if (value) sessionStorage.setItem(apiKeyStorage, value);
    else sessionStorage.removeItem(apiKeyStorage);
  } catch {
    // sessionStorage disabled: nothing to keep
  }
}

/** An API answer that is not a success, with its problem document when it has one. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

/** fetch with the X-Api-Key header (when a key is set) and the page's language, so problems come back in it. */
export async function apiFetch(url, options = {}) {
  const headers = new Headers(options.headers ?? {});
  const key = getApiKey();
  if (key) headers.set('X-Api-Key', key);
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', lang());
  try {
    return await fetch(url, { ...options, headers });
  } catch (error) {
    throw new ApiError(0, null, `${t('error.network')} (${error.message})`);
  }
}

/** Reads a problem document (RFC 9457) from a failed response, or makes one from its status. */
export async function readProblem(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      if (body && typeof body === 'object') return body;
    } catch {
      // fall through: not JSON after all
    }
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

/** Throws an ApiError for any answer that is not 2xx; returns the response otherwise. */
export async function ensureOk(response) {
  if (response.ok) return response;
  const problem = await readProblem(response);
  let message = [problem.title, problem.detail].filter(Boolean).join(' — ');
  if (response.status === 401) message = t('error.unauthorized');
  if (response.status === 403) message = t('error.forbidden');
  throw new ApiError(response.status, problem, message || `HTTP ${response.status}`);
}

export async function getJson(url) {
  const response = await ensureOk(await apiFetch(url, { headers: { Accept: 'application/json' } }));
  return response.json();
}

/**
 * The file name from Content-Disposition: filename* (RFC 5987, UTF-8 percent-encoded) first, then filename.
 */
export function fileNameFrom(response, fallback) {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed escape: use the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  if (plain) return (plain[2] ?? plain[1]).trim();
  return fallback;
}

/** Saves a blob under a name through a temporary link (the browser's own download). */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** Creates an element: attrs are properties or attributes; children are nodes or strings (as text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'text') node.textContent = value;
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Shows a message in a status area: kind is 'info', 'ok', 'warn' or 'error'. Text only. */
export function showStatus(area, kind, message, details = []) {
  area.replaceChildren();
  area.hidden = !message && details.length === 0;
  area.dataset.kind = kind;
  if (message) area.append(el('p', { class: 'status-message', text: message }));
  if (details.length > 0) {
    area.append(el('ul', { class: 'status-details' }, details.map((d) => el('li', { text: d }))));
  }
}

/**
 * Wires the settings area: an API key input kept in sessionStorage. Returns a function that opens the
 * area and focuses the key (used when the API answers 401).
 */
export function initSettings({ details, input, save, clear, note }) {
  input.value = getApiKey();
  const store = () => {
    setApiKey(input.value.trim());
    note.textContent = input.value.trim() ? t('settings.saved') : t('settings.cleared');
    document.dispatchEvent(new CustomEvent('apikeychange'));
  };
  save.addEventListener('click', store);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      store();
    }
  });
  clear.addEventListener('click', () => {
    input.value = '';
    store();
  });
  return () => {
    details.open = true;
    input.focus();
  };
}

/** "2025-10-11" → "11.10.2025" (the way dates are written on Kazakh documents); other text as it is. */
export function formatDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : (value ?? '');
}
