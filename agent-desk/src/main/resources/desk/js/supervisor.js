// The supervisor's view: the queue in assignment order, the agents, every live conversation
// read only, reassignment, search, and accounts.

import { $, el, button, fillTable } from './dom.js';
import { get, post, enc, chatPath } from './api.js';
import { clock, parseTime, words } from './format.js';
import { drawReadOnly } from './viewer.js';
import { transferDialog } from './dialogs.js';
import { messageNode } from './transcript.js';

export class SupervisorDesk {
  constructor(session, alerts) {
    this.alerts = alerts;
    this.agents = [];
    this.queue = [];
    this.viewing = null;
    this.live = [];
    this.refreshQueueSoon = debounce(() => this.loadQueue(), 300);
    this.refreshLiveSoon = debounce(() => this.loadLive(), 300);
  }

  async start() {
    $('sv-search').addEventListener('submit', (e) => { e.preventDefault(); this.search(); });
    $('sv-user-form').addEventListener('submit', (e) => { e.preventDefault(); this.createUser(); });
    await this.sync();
    this.ticker = setInterval(() => this.tick(), 1000);
  }

  stop() {
    clearInterval(this.ticker);
  }

  addresses() {
    return ['kontak.desk.supervisor'];
  }

  sync() {
    return Promise.all([this.loadQueue(), this.loadAgents(), this.loadLive(), this.loadUsers()]);
  }

  onLive(event) {
    switch (event.type) {
      case 'queue':
        if (Array.isArray(event.queue)) this.drawQueue(event.queue);
        else this.refreshQueueSoon();
        break;
      case 'agents':
        if (Array.isArray(event.agents)) this.drawAgents(event.agents);
        this.refreshLiveSoon();
        break;
      case 'alert':
        this.alerts.show('warn', event.text || event.kind, event.conversation ? () => this.view(event.conversation) : null);
        break;
      case 'chat.message':
        if (this.viewing !== null && String(event.conversation) === String(this.viewing) && event.message) {
          const transcript = $('sv-viewer').querySelector('.transcript');
          if (transcript && !transcript.querySelector('[data-id="' + CSS.escape(String(event.message.id)) + '"]')) {
            transcript.append(messageNode(event.message));
            transcript.scrollTop = transcript.scrollHeight;
          }
        }
        break;
      default:
        break;
    }
  }

  // ---------- queue ----------

  async loadQueue() {
    try {
      const q = await get('/api/desk/queue');
      this.drawQueue(Array.isArray(q) ? q : q.queue || q.waiting || []);
    } catch (e) {
      this.alerts.show('error', 'Queue: ' + e.message);
    }
  }

  drawQueue(list) {
    this.queue = list;
    const key = JSON.stringify(list.map((c) => [c.conversation, c.citizen_name, c.priority, c.queued_at]));
    if (key === this.queueKey) return;
    this.queueKey = key;
    $('sv-queue-count').textContent = String(list.length);
    fillTable($('sv-queue'), list.map((c, i) => {
      const waitCell = el('td', 'num');
      waitCell.dataset.since = c.queued_at || '';
      return [String(c.position || i + 1), this.caseLink(c.conversation), c.citizen_name || '', c.language || '',
        words(c.reason), c.priority ? el('span', 'badge late', c.priority === 1 ? 'fraud' : 'priority ' + c.priority) : '',
        waitCell];
    }), 'Nobody is waiting.', 7);
    this.tick();
  }

  caseLink(id) {
    return button('#' + id, 'link', () => this.view(id), 'Read this conversation');
  }

  tick() {
    const now = Date.now();
    for (const cell of document.querySelectorAll('#sv-queue td[data-since], #sv-agents td[data-since]')) {
      const t = parseTime(cell.dataset.since);
      cell.textContent = t === null ? '' : clock((now - t) / 1000);
    }
  }

  // ---------- agents ----------

  async loadAgents() {
    try {
      const a = await get('/api/desk/agents');
      this.drawAgents(Array.isArray(a) ? a : a.agents || []);
    } catch (e) {
      this.alerts.show('error', 'Agents: ' + e.message);
    }
  }

  drawAgents(list) {
    this.agents = list;
    fillTable($('sv-agents'), list.map((a) => {
      const open = openCount(a);
      const capacity = Number(a.capacity) || 0;
      const load = el('td', 'load', el('span', 'meter', el('span', 'meter-fill load-' + Math.min(4, Math.round((open / (capacity || 1)) * 4)))),
        ' ' + open + ' / ' + capacity);
      const idle = el('td', 'num');
      if (typeof a.idle_seconds === 'number') idle.dataset.since = new Date(Date.now() - a.idle_seconds * 1000).toISOString();
      else idle.textContent = 'never assigned';
      return [a.username, el('span', 'status-pill ' + (a.status || 'offline'), a.status || 'offline'), load, idle,
        a.parked ? el('span', 'muted', a.parked + ' parked') : ''];
    }), 'No agents yet: create one under Accounts.', 5);
    this.tick();
  }

  /** Every conversation an agent holds (GET /api/desk/chats?scope=all). */
  async loadLive() {
    try {
      const all = await get('/api/desk/chats?scope=all');
      this.drawLive(Array.isArray(all) ? all : all.chats || []);
    } catch (e) {
      this.alerts.show('error', 'Live conversations: ' + e.message);
    }
  }

  drawLive(list) {
    this.live = list;
    // Redrawn only when something shown changed: a row must not vanish under the supervisor's click.
    const key = JSON.stringify(list.map((c) => [c.conversation, c.citizen_name, c.agent, c.status]));
    if (key === this.liveKey) return;
    this.liveKey = key;
    const rows = list.map((c) => {
      const id = c.conversation;
      const li = el('li', String(id) === String(this.viewing) ? 'active' : null);
      li.dataset.conversation = String(id);
      const open = button(null, 'conv', () => this.view(id));
      open.append(el('span', 'conv-id', '#' + id), el('span', 'conv-who', c.citizen_name || ''),
        el('span', 'muted', (c.agent || '') + (c.status === 'parked' ? ' · parked' : '')));
      li.append(open, button('Reassign', 'small', () => this.reassign(id)));
      return li;
    });
    $('sv-live').replaceChildren(...(rows.length ? rows : [el('li', 'muted empty', 'No conversation is with an agent.')]));
  }

  async view(id) {
    this.viewing = id;
    for (const li of $('sv-live').children) li.classList.toggle('active', li.dataset.conversation === String(id));
    const chat = await drawReadOnly($('sv-viewer'), id);
    if (chat) {
      $('sv-viewer').querySelector('.viewer-head').append(button('Reassign', 'small', () => this.reassign(id)));
    }
  }

  reassign(id) {
    const names = this.agents.map((a) => a.username);
    transferDialog(true, async ({ to, note, override }) => {
      const body = { to };
      if (note) body.note = note;
      if (override) body.override = true;
      await post(chatPath(id, 'transfer'), body);
      this.alerts.show('info', 'Conversation #' + id + ' transferred to ' + to + '.');
      this.sync();
    }, names);
  }

  // ---------- search ----------

  async search() {
    const q = $('sv-search-q').value.trim();
    const out = $('sv-search-result');
    if (!q) return;
    out.hidden = false;
    const digits = q.replace(/[^0-9]/g, '');
    const caseId = /^#?\d{1,12}$/.test(q) ? q.replace('#', '') : null;
    await Promise.all([this.loadQueue(), this.loadLive()]);
    const seen = new Set();
    const found = [...this.queue, ...this.live].filter((c) => {
      const phone = String(c.citizen || c.wa_id || c.phone || '');
      const hit = String(c.conversation) === caseId || (digits.length >= 6 && phone.includes(digits))
        || (!caseId && (c.citizen_name || '').toLowerCase().includes(q.toLowerCase()));
      if (!hit || seen.has(c.conversation)) return false;
      seen.add(c.conversation);
      return true;
    });
    if (found.length) {
      out.replaceChildren('Found: ', ...found.slice(0, 20).flatMap((c) => [
        button('#' + c.conversation + (c.citizen_name ? ' ' + c.citizen_name : '') + (c.agent ? ' (' + c.agent + ')' : ' (queue)'),
          'link', () => this.view(c.conversation)), ' ']));
      if (found.length === 1) this.view(found[0].conversation);
    } else if (caseId) {
      out.hidden = true;
      this.view(caseId);
    } else {
      out.replaceChildren('No waiting or live conversation matches “' + q + '”.');
    }
  }

  // ---------- accounts ----------

  async createUser() {
    const out = $('sv-user-result');
    const body = {
      username: $('sv-user-name').value.trim(),
      password: $('sv-user-password').value,
      role: $('sv-user-role').value,
    };
    const capacity = Number($('sv-user-capacity').value);
    if (body.role === 'agent' && capacity > 0) body.capacity = capacity;
    out.className = 'muted';
    out.textContent = 'Creating…';
    try {
      await post('/api/desk/users', body);
      out.textContent = 'Account “' + body.username + '” created (' + body.role + ').';
      $('sv-user-password').value = '';
      $('sv-user-name').value = '';
      this.loadAgents();
      this.loadUsers();
    } catch (e) {
      out.className = 'error';
      out.textContent = e.status === 409 ? 'That username exists already.'
        : e.status === 422 ? 'Refused: ' + e.message : e.message;
    }
  }

  async loadUsers() {
    try {
      const users = await get('/api/desk/users');
      this.drawUsers(Array.isArray(users) ? users : users.users || []);
    } catch (e) {
      fillTable($('sv-users'), [], 'Accounts unavailable: ' + e.message, 5);
    }
  }

  drawUsers(list) {
    fillTable($('sv-users'), list.map((u) => [u.username, u.role, u.role === 'agent' ? String(u.capacity) : '',
      u.disabled ? el('span', 'muted', 'disabled') : el('span', null, u.status || ''),
      u.disabled ? '' : button('Disable', 'small danger', () => this.disableUser(u.username))]), 'No accounts.', 5);
  }

  async disableUser(name) {
    const out = $('sv-user-result');
    if (!window.confirm('Disable “' + name + '”? Their sessions end and their chats go back to the queue.')) return;
    try {
      await post('/api/desk/users/' + enc(name) + '/disable');
      out.className = 'muted';
      out.textContent = '“' + name + '” is disabled.';
      this.sync();
    } catch (e) {
      out.className = 'error';
      out.textContent = e.message;
    }
  }
}

function openCount(a) {
  if (typeof a.open_chats === 'number') return a.open_chats;
  if (typeof a.open === 'number') return a.open;
  return Array.isArray(a.chats) ? a.chats.length : 0;
}

function debounce(fn, ms) {
  let timer = 0;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}

