// The desk's entry point: sign-in, the view for the account's role, the live channel.

import { $, el, button } from './dom.js';
import { ApiError, call, currentSession, setSession, onSignedOut } from './api.js';
import { Live } from './live.js';
import { AgentDesk } from './agent.js';
import { SupervisorDesk } from './supervisor.js';
import { RegistryDesk } from './registry.js';

const VIEWS = {
  agent: { label: 'Chats', view: 'agent-view', Desk: AgentDesk },
  supervisor: { label: 'Supervision', view: 'supervisor-view', Desk: SupervisorDesk },
  registry_admin: { label: 'Registry', view: 'registry-view', Desk: RegistryDesk },
};
const ROLE_NAMES = { agent: 'agent', supervisor: 'supervisor', registry_admin: 'registry admin' };

class Alerts {
  constructor(box) {
    this.box = box;
  }

  show(kind, text, onOpen) {
    const item = el('div', 'alert alert-' + kind, el('span', null, text));
    if (onOpen) item.append(' ', button('Open', 'small', onOpen));
    item.append(button('✕', 'ghost small', () => item.remove(), 'Dismiss'));
    this.box.append(item);
    while (this.box.children.length > 4) this.box.firstElementChild.remove();
    if (kind === 'info') setTimeout(() => item.remove(), 6000);
  }

  clear() {
    this.box.replaceChildren();
  }
}

const alerts = new Alerts($('alerts'));
let desk = null;
let live = null;

function showSignIn(message) {
  stopDesk();
  $('app').hidden = true;
  $('signin-view').hidden = false;
  const error = $('signin-error');
  error.hidden = !message;
  error.textContent = message || '';
  document.title = 'Kontak desk: sign in';
  $(message ? 'signin-password' : 'signin-username').focus();
}

function stopDesk() {
  if (live) live.stop();
  live = null;
  if (desk) desk.stop();
  desk = null;
}

async function signIn(e) {
  e.preventDefault();
  const username = $('signin-username').value.trim();
  const password = $('signin-password').value;
  const error = $('signin-error');
  error.hidden = true;
  if (!username || !password) {
    error.textContent = 'Enter your username and password.';
    error.hidden = false;
    return;
  }
  const submit = $('signin-submit');
  submit.disabled = true;
  try {
    const s = await call('POST', '/api/desk/session', { username, password }, { signingIn: true });
    setSession({ username: s.username, role: s.role, csrf_token: s.csrf_token });
    $('signin-password').value = '';
    await startDesk();
  } catch (err) {
    error.textContent = err instanceof ApiError && err.status === 401 ? 'Wrong username or password.'
      : err instanceof ApiError && err.status === 429 ? 'Too many failed attempts. Wait'
        + (err.retryAfter ? ' ' + err.retryAfter + ' seconds' : ' a while') + ' before trying again.'
        : err.message;
    error.hidden = false;
    $('signin-password').select();
  } finally {
    submit.disabled = false;
  }
}

async function signOut() {
  try { await call('DELETE', '/api/desk/session'); } catch (e) { /* gone already */ }
  setSession(null);
  showSignIn();
}

async function startDesk() {
  const session = currentSession();
  const spec = VIEWS[session.role];
  if (!spec) {
    setSession(null);
    showSignIn('This account has no desk view (role ' + session.role + ').');
    return;
  }
  stopDesk();
  alerts.clear();
  $('signin-view').hidden = true;
  $('app').hidden = false;
  document.title = 'Kontak desk';
  $('whoami').textContent = session.username + ' · ' + ROLE_NAMES[session.role];
  $('view-tabs').replaceChildren(el('span', 'tab active', spec.label));
  for (const other of Object.values(VIEWS)) $(other.view).hidden = other !== spec;
  $('agent-bar').hidden = session.role !== 'agent';
  desk = new spec.Desk(session, alerts);
  const current = desk;
  try {
    await desk.start();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return; // onSignedOut shows the form
    alerts.show('error', e.message);
  }
  if (current !== desk) return;
  const addresses = desk.addresses();
  if (!addresses.length) {
    setLive('none');
    return;
  }
  live = new Live('/eventbus', addresses, (message) => { if (desk === current) current.onLive(message); }, (state, detail) => {
    setLive(state, detail);
    // A socket closed by the server may mean the session ended (signed out elsewhere, account
    // disabled): one REST call tells, and a 401 there brings the sign-in form.
    if (state === 'closed' && desk === current) call('GET', '/api/desk/me').catch(() => {});
    // Events published while we were away are lost: the REST state is the truth after a reconnect.
    if (state === 'open' && detail === 'reconnected' && desk === current) current.sync();
  });
  live.start();
}

function setLive(state, detail) {
  const box = $('live-state');
  box.className = 'live-state ' + state;
  box.textContent = state === 'open' ? 'live' : state === 'connecting' ? 'connecting…' : state === 'none' ? '' : 'offline';
  box.title = detail || (state === 'open' ? 'Live updates are on' : 'Live updates are off');
  if (state === 'closed' && detail) box.textContent = 'offline · ' + detail.toLowerCase();
}

onSignedOut(() => {
  if (!currentSession()) return;
  setSession(null);
  showSignIn('Your session has ended. Sign in again.');
});

$('signin-form').addEventListener('submit', signIn);
$('signout').addEventListener('click', signOut);

if (currentSession()) startDesk();
else showSignIn();
