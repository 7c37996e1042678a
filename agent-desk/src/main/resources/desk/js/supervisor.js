// The supervisor's view: the queue in assignment order, the agents, every live conversation
// read only, reassignment, search, and accounts.

import { $, el, button, fillTable } from './dom.js';
import { get, post, enc, chatPath } from './api.js';
import { clock, parseTime, languageName, words } from './format.js';
import { drawReadOnly } from './viewer.js';
import { transferDialog } from './dialogs.js';
import { messageNode } from './transcript.js';

export class SupervisorDesk {
  constructor(session, alerts) {
    this.alerts = alerts;
    this.agents = [];
    this.queue = [];
    this.viewing = null;
    this.refreshQueueSoon = debounce(() => this.loadQueue(), 300);
  }

  async start() {
    $('sv-search').addEventListener('submit', (e) => { e.preventDefault(); this.search(); });
    $('sv-user-form').addEventListener('submit', (e) => { e.preventDefault(); this.createUser(); });
    $('sv-disable-form').addEventListener('submit', (e) => { e.preventDefault(); this.disableUser(); });
    await Promise.all([this.loadQueue(), this.loadAgents()]);
    this.ticker = setInterval(() => this.tick(), 1000);
  }

  stop() {
    clearInterval(this.ticker);
  }

  addresses() {
    return ['kontak.desk.supervisor'];
  }

  sync() {
    return Promise.all([this.loadQueue(), this.loadAgents()]);
  }

  onLive(event) {
    switch (event.type) {
      case 'queue':
        if (Array.isArray(event.queue)) this.drawQueue(event.queue);
        else this.refreshQueueSoon();
        break;
      case 'agents':
        if (Array.isArray(event.agents)) this.drawAgents(event.agents);
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
    $('sv-queue-count').textContent = String(list.length);
    fillTable($('sv-queue'), list.map((c, i) => {
      const waitCell = el('td', 'num');
      waitCell.dataset.since = c.queued_at || '';
      return [String(i + 1), this.caseLink(c.conversation), c.citizen_name || '', c.language || '',
        words(c.reason), c.priority && c.priority !== 'normal' ? el('span', 'badge late', String(c.priority)) : '', waitCell];
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
      idle.dataset.since = a.idle_since || a.last_assigned_at || '';
      if (!idle.dataset.since && a.idle_seconds !== undefined) idle.textContent = clock(a.idle_seconds);
      return [a.username, el('span', 'status-pill ' + (a.status || 'offline'), a.status || 'offline'), load, idle,
        a.disabled ? el('span', 'muted', 'disabled') : ''];
    }), 'No agents yet: create one under Accounts.', 5);
    this.drawLive(list);
    this.tick();
  }

  /** Every live conversation, from the agents' open chats. */
  drawLive(agents) {
    const rows = [];
    for (const a of agents) {
      for (const c of chatsOf(a)) {
        const id = typeof c === 'object' ? c.conversation : c;
        const li = el('li', String(id) === String(this.viewing) ? 'active' : null);
        const open = button(null, 'conv', () => this.view(id));
        open.append(el('span', 'conv-id', '#' + id), el('span', 'conv-who', (typeof c === 'object' && c.citizen_name) || ''),
          el('span', 'muted', a.username));
        li.append(open, button('Reassign', 'small', () => this.reassign(id)));
        rows.push(li);
      }
    }
    $('sv-live').replaceChildren(...(rows.length ? rows : [el('li', 'muted empty', 'No conversation is with an agent.')]));
  }

  async view(id) {
    this.viewing = id;
    for (const li of $('sv-live').children) li.classList.toggle('active', li.querySelector('.conv-id')?.textContent === '#' + id);
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
    out.replaceChildren('Searching…');
    try {
      const found = await get('/api/desk/conversations?q=' + enc(q));
      const list = Array.isArray(found) ? found : found.conversations || [];
      if (!list.length) { out.replaceChildren('No conversation matches “' + q + '”.'); return; }
      out.replaceChildren('Found: ', ...list.slice(0, 20).flatMap((c) => [
        button('#' + c.conversation + (c.citizen_name ? ' ' + c.citizen_name : '') + (c.status ? ' (' + words(c.status) + ')' : ''),
          'link', () => this.view(c.conversation)), ' ']));
    } catch (e) {
      if (/^\d+$/.test(q) && e.status === 404) { out.hidden = true; this.view(q); return; }
      out.replaceChildren(e.message);
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
    } catch (e) {
      out.className = 'error';
      out.textContent = e.status === 409 ? 'That username exists already.'
        : e.status === 422 ? 'Refused: ' + e.message : e.message;
    }
  }

  async disableUser() {
    const name = $('sv-disable-name').value.trim();
    const out = $('sv-disable-result');
    if (!name || !window.confirm('Disable “' + name + '”? Their sessions end and their chats go back to the queue.')) return;
    try {
      await post('/api/desk/users/' + enc(name) + '/disable');
      out.className = 'muted';
      out.textContent = '“' + name + '” is disabled.';
      $('sv-disable-name').value = '';
      this.loadAgents();
    } catch (e) {
      out.className = 'error';
      out.textContent = e.message;
    }
  }
}

function openCount(a) {
  if (typeof a.open_chats === 'number') return a.open_chats;
  if (typeof a.open === 'number') return a.open;
  return chatsOf(a).length;
}

function chatsOf(a) {
  const list = a.chats || a.conversations || (Array.isArray(a.open_chats) ? a.open_chats : []);
  return Array.isArray(list) ? list : [];
}

function debounce(fn, ms) {
  let timer = 0;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}

export { languageName };
