// The desk's REST client: same-origin cookies, the CSRF token on every state-changing request,
// and one error type whose message can be shown as is.

const KEY = 'kontak.desk.session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_ROUTES = ['/api/desk/', '/api/registry/'];

export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    super(describe(status, body, retryAfter));
    this.status = status;
    this.body = body || {};
    this.retryAfter = retryAfter;
  }

  get reason() {
    return this.body.reason || null;
  }
}

const REASONS = {
  window_closed: 'The 24-hour window is closed.',
  reassigned: 'This chat is no longer yours: it was reassigned.',
  closed: 'This chat is closed.',
  not_held: 'This chat is not yours.',
  full: 'That agent has no free slot.',
  away: 'That agent is away.',
  offline: 'That agent is offline.',
};

function describe(status, body, retryAfter) {
  const reason = body && body.reason;
  if (reason && REASONS[reason]) return REASONS[reason];
  const said = body && (body.message || (body.error !== 'conflict' ? body.error : null) || reason);
  switch (status) {
    case 0: return 'The node cannot be reached. Check the connection and try again.';
    case 401: return said || 'Not signed in, or the session has ended.';
    case 403: return said || 'Not allowed for this account.';
    case 404: return said || 'Not found (or not yours to see).';
    case 429: return 'Too many attempts. Try again' + (retryAfter ? ' in ' + retryAfter + ' s.' : ' later.');
    default: return said ? String(said) : 'The node answered ' + status + '.';
  }
}

let session = load();
const listeners = new Set();

function load() {
  try { return JSON.parse(sessionStorage.getItem(KEY)) || null; } catch (e) { return null; }
}

export function currentSession() {
  return session;
}

export function setSession(value) {
  session = value;
  try {
    if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
    else sessionStorage.removeItem(KEY);
  } catch (e) { /* storage off: the session lives in memory only */ }
}

/** Called with the error when any call finds the session gone (401). */
export function onSignedOut(listener) {
  listeners.add(listener);
}

/**
 * One JSON call. `body` is sent as JSON unless it is a Blob/File (sent raw with its type).
 * Resolves with the parsed body (or null), rejects with ApiError.
 */
export async function call(method, path, body, options = {}) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = options.contentType || body.type || 'application/octet-stream';
    if (body.name) headers['X-File-Name'] = body.name;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (UNSAFE.has(method) && session && session.csrf_token) headers['X-CSRF-Token'] = session.csrf_token;
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, null, null);
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try { parsed = JSON.parse(text); } catch (e) { parsed = { message: text.slice(0, 300) }; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, parsed, response.headers.get('Retry-After'));
    // Only routes that take the desk session speak for it; another API's 401 is about that API.
    if (response.status === 401 && !options.signingIn && SESSION_ROUTES.some((p) => path.startsWith(p))) {
      listeners.forEach((l) => l(error));
    }
    throw error;
  }
  return parsed;
}

export const get = (path, options) => call('GET', path, undefined, options);
export const post = (path, body, options) => call('POST', path, body === undefined ? {} : body, options);
export const put = (path, body) => call('PUT', path, body);

export const enc = encodeURIComponent;

export function chatPath(conversation, tail) {
  return '/api/desk/chats/' + enc(conversation) + (tail ? '/' + tail : '');
}
