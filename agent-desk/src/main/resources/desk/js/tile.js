// One chat in the agent's grid: transcript, triage, timers, composer and the chat's actions.

import { el, button, fromTemplate, part } from './dom.js';
import { ApiError, get, post, chatPath } from './api.js';
import { messageNode, updateStatus, drawMessages, drawTriage, earlierOf, earlierNode, daySeparator, institutionNode } from './transcript.js';
import { clock, span, parseTime, languageName, words } from './format.js';

const WINDOW_WARN_S = 3600;
const WAIT_WARN_S = 120;
const WAIT_LATE_S = 300;

export const REMOVED_REASONS = {
  reassigned: 'Reassigned to another agent: no first reply came in time.',
  transferred: 'Transferred to another agent or the queue.',
  closed: 'This chat was closed.',
  parked: 'Parked: the citizen went quiet. It comes back when they write again.',
  returned_to_bot: 'Handed back to the bot.',
  offline: 'You were offline, so this chat went back to the queue.',
  supervisor: 'A supervisor moved this chat.',
  disabled: 'Your account was disabled.',
  gone: 'This chat is no longer assigned to you.',
};

const STATUS_WORDS = {
  id: { licensed: 'berizin dan diawasi OJK', registered: 'terdaftar di OJK', suspended: 'izinnya dibekukan', revoked: 'izinnya dicabut', illegal: 'ILEGAL (ada di daftar waspada)' },
  en: { licensed: 'licensed and supervised', registered: 'registered', suspended: 'suspended', revoked: 'licence revoked', illegal: 'ILLEGAL (on the warning list)' },
  es: { licensed: 'autorizada y supervisada', registered: 'registrada', suspended: 'suspendida', revoked: 'licencia revocada', illegal: 'ILEGAL (en la lista de alerta)' },
};

function draftKey(conversation) {
  return 'kontak.desk.draft.' + conversation;
}

export class Tile {
  /**
   * @param {object} desk the agent view: canned replies, dialogs, notices
   * @param {object} chat an item of GET /api/desk/chats
   */
  constructor(desk, chat) {
    this.desk = desk;
    this.chat = { ...chat };
    this.conversation = String(chat.conversation);
    this.byId = new Map();
    this.pending = [];
    this.unread = Number(chat.unread) || 0;
    this.removedReason = null;
    this.lastAt = null;
    this.root = fromTemplate('tile-template');
    this.root.dataset.conversation = this.conversation;
    this.p = (name) => part(this.root, name);
    this.text = this.p('text');
    this.wire();
    this.drawHead();
    this.restoreDraft();
  }

  wire() {
    const form = this.p('composer');
    form.addEventListener('submit', (e) => { e.preventDefault(); this.send(); });
    this.text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.send(); }
    });
    this.text.addEventListener('input', () => this.saveDraft());
    this.p('note').addEventListener('click', () => this.note());
    this.p('template').addEventListener('click', () => this.sendTemplate());
    this.p('close').addEventListener('click', () => this.desk.askClose(this));
    this.p('transfer').addEventListener('click', () => this.desk.askTransfer(this));
    this.p('tobot').addEventListener('click', () => this.returnToBot());
    this.p('canned-open').addEventListener('click', () => this.toggleCanned(true));
    this.p('canned-close').addEventListener('click', () => this.toggleCanned(false));
    this.p('canned-filter').addEventListener('input', () => this.fillCanned());
    this.p('canned-filter').addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const first = this.p('canned-list').querySelector('button');
        if (first) first.click();
      }
    });
    this.p('search-open').addEventListener('click', () => this.toggleSearch(true));
    this.p('search-close').addEventListener('click', () => this.toggleSearch(false));
    this.p('search-form').addEventListener('submit', (e) => { e.preventDefault(); this.search(); });
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { this.toggleCanned(false); this.toggleSearch(false); }
    });
    this.root.addEventListener('focusin', () => this.markSeen());
    this.root.addEventListener('pointerdown', () => this.markSeen());
  }

  setSlot(index) {
    this.slot = index;
    this.p('slot').textContent = String(index + 1);
    this.p('slot').title = 'Alt+' + (index + 1);
  }

  drawHead() {
    const c = this.chat;
    this.p('name').textContent = c.citizen_name || 'Citizen';
    const sub = this.p('sub');
    sub.textContent = [String(c.language || '?').toUpperCase(), words(c.reason)].filter(Boolean).join(' · ');
    sub.title = [languageName(c.language), words(c.reason)].filter(Boolean).join(' · ');
    this.root.classList.toggle('priority', Boolean(c.priority) && c.priority !== 'normal');
    this.drawUnread();
  }

  // ---------- loading ----------

  async load() {
    try {
      const detail = await get(chatPath(this.conversation));
      this.detail = detail;
      Object.assign(this.chat, pick(detail, ['citizen_name', 'language', 'reason', 'priority', 'waiting_since', 'window_closes_at']));
      this.drawHead();
      drawTriage(this.p('triage-summary'), this.p('triage-body'), { ...this.chat, ...detail });
      const earlier = earlierNode(earlierOf(detail), (id) => this.desk.openReadOnly(id));
      if (earlier) this.p('triage-body').append(earlier);
      const transcript = this.p('transcript');
      this.byId = drawMessages(transcript, detail.messages || []);
      const last = (detail.messages || []).at(-1);
      this.lastAt = last ? last.at : null;
      transcript.scrollTop = transcript.scrollHeight;
      this.tick(Date.now());
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) this.removed('gone');
      else this.showError(e.message);
    }
  }

  // ---------- live events ----------

  onMessage(m) {
    const id = m.id === undefined || m.id === null ? null : String(m.id);
    if (id && this.byId.has(id)) {
      updateStatus(this.byId.get(id), m.status, m.error);
      return;
    }
    const transcript = this.p('transcript');
    const atBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 60;
    const node = messageNode(m);
    const pendingIndex = m.from === 'agent' ? this.pending.findIndex((p) => p.text === m.text) : -1;
    if (pendingIndex >= 0) {
      this.pending[pendingIndex].node.replaceWith(node);
      this.pending.splice(pendingIndex, 1);
    } else {
      const empty = transcript.querySelector('.empty');
      if (empty) empty.remove();
      const sep = daySeparator(this.lastAt, m.at);
      if (sep) transcript.append(sep);
      transcript.append(node);
      this.lastAt = m.at || this.lastAt;
    }
    if (id) this.byId.set(id, node);
    if (m.from === 'citizen') {
      if (!this.chat.waiting_since) this.chat.waiting_since = m.at || new Date().toISOString();
      const at = parseTime(m.at) || Date.now();
      this.chat.window_closes_at = new Date(at + 24 * 3600 * 1000).toISOString();
      if (!this.focused()) {
        this.unread++;
        this.drawUnread();
        this.desk.notify(this);
      }
    } else if (m.from === 'agent') {
      this.chat.waiting_since = null;
    }
    if (atBottom || m.from === 'agent' || m.from === 'note') transcript.scrollTop = transcript.scrollHeight;
    this.tick(Date.now());
  }

  onStatus(messageId, status, error) {
    const box = this.byId.get(String(messageId));
    if (box) updateStatus(box, status, error);
  }

  focused() {
    return document.visibilityState === 'visible' && this.root.contains(document.activeElement);
  }

  markSeen() {
    if (this.unread) {
      this.unread = 0;
      this.drawUnread();
      this.desk.updateTitle();
    }
  }

  drawUnread() {
    const badge = this.p('unread');
    badge.hidden = !this.unread;
    badge.textContent = this.unread + ' new';
    this.root.classList.toggle('has-unread', this.unread > 0);
  }

  /** Once a second: the waiting timer and the 24-hour window. */
  tick(now) {
    const waiting = this.p('waiting');
    const since = parseTime(this.chat.waiting_since);
    if (since === null || this.removedReason) {
      waiting.hidden = true;
    } else {
      const s = (now - since) / 1000;
      waiting.hidden = false;
      waiting.textContent = 'waiting ' + clock(s);
      waiting.classList.toggle('warn', s >= WAIT_WARN_S && s < WAIT_LATE_S);
      waiting.classList.toggle('late', s >= WAIT_LATE_S);
    }
    const windowBadge = this.p('window');
    const closes = parseTime(this.chat.window_closes_at);
    const left = closes === null ? null : (closes - now) / 1000;
    const closed = left !== null && left <= 0;
    windowBadge.textContent = left === null ? '' : closed ? 'window closed' : 'window ' + span(left);
    windowBadge.title = closed ? 'Meta’s 24-hour window is closed: only a template can reopen the chat'
      : 'Time left in Meta’s 24-hour window for free-form replies';
    windowBadge.hidden = left === null;
    windowBadge.classList.toggle('warn', !closed && left !== null && left < WINDOW_WARN_S);
    windowBadge.classList.toggle('late', closed);
    this.lock(closed);
  }

  lock(closed) {
    if (this.windowClosed === closed) return;
    this.windowClosed = closed;
    this.p('locked').hidden = !closed || Boolean(this.removedReason);
    this.p('send').disabled = closed || Boolean(this.removedReason);
    this.text.placeholder = closed ? 'The window is closed: you can still write a private note.'
      : 'Reply to the citizen… (Ctrl+Enter to send)';
  }

  // ---------- composer ----------

  restoreDraft() {
    try {
      const draft = sessionStorage.getItem(draftKey(this.conversation));
      if (draft) this.text.value = draft;
    } catch (e) { /* no storage */ }
  }

  saveDraft() {
    try {
      if (this.text.value) sessionStorage.setItem(draftKey(this.conversation), this.text.value);
      else sessionStorage.removeItem(draftKey(this.conversation));
    } catch (e) { /* no storage */ }
  }

  showError(message) {
    this.p('error').textContent = message || '';
  }

  async send() {
    const text = this.text.value.trim();
    if (!text || this.removedReason || this.sending) return;
    if (this.windowClosed) { this.showError('The window is closed: send the reopening template.'); return; }
    this.sending = true;
    this.showError('');
    const pendingNode = messageNode({ from: 'agent', type: 'text', text, at: new Date().toISOString(), status: 'queued',
      agent: this.desk.username });
    pendingNode.classList.add('pending');
    try {
      const result = await post(chatPath(this.conversation, 'messages'), { text });
      this.text.value = '';
      this.saveDraft();
      const id = result && (result.id ?? (result.message && result.message.id));
      if (id !== undefined && id !== null && this.byId.has(String(id))) return;
      if (id !== undefined && id !== null) {
        pendingNode.dataset.id = String(id);
        this.byId.set(String(id), pendingNode);
      } else {
        this.pending.push({ text, node: pendingNode });
      }
      this.p('transcript').append(pendingNode);
      this.p('transcript').scrollTop = this.p('transcript').scrollHeight;
      this.chat.waiting_since = null;
      this.tick(Date.now());
    } catch (e) {
      this.refused(e);
    } finally {
      this.sending = false;
    }
  }

  refused(e) {
    if (e instanceof ApiError && e.status === 409 && e.reason === 'window_closed') {
      this.chat.window_closes_at = new Date(Date.now() - 1000).toISOString();
      this.tick(Date.now());
      this.showError('The 24-hour window is closed.');
    } else if (e instanceof ApiError && e.status === 409 && ['reassigned', 'closed', 'not_held'].includes(e.reason)) {
      this.removed(e.reason === 'not_held' ? 'gone' : e.reason);
    } else if (e instanceof ApiError && e.status === 404) {
      this.removed('gone');
    } else {
      this.showError(e.message);
    }
  }

  async sendTemplate() {
    if (this.removedReason) return;
    this.showError('');
    try {
      await post(chatPath(this.conversation, 'messages'), { template: true });
      this.showError('');
      this.p('locked').querySelector('span').textContent = 'Reopening template sent. The chat reopens when the citizen answers.';
    } catch (e) {
      this.showError(e.message);
    }
  }

  async note() {
    const text = this.text.value.trim();
    if (!text || this.removedReason) return;
    this.showError('');
    try {
      const result = await post(chatPath(this.conversation, 'notes'), { text });
      this.text.value = '';
      this.saveDraft();
      const id = result && result.id !== undefined && result.id !== null ? String(result.id) : null;
      if (!id || !this.byId.has(id)) {
        this.onMessage({ id, from: 'note', type: 'text', text, at: new Date().toISOString(), author: this.desk.username });
      }
    } catch (e) {
      this.refused(e);
    }
  }

  async returnToBot() {
    if (this.removedReason) return;
    if (!window.confirm('Hand this conversation back to the bot?')) return;
    try {
      await post(chatPath(this.conversation, 'return-to-bot'));
      this.desk.release(this, null);
    } catch (e) {
      this.refused(e);
    }
  }

  insert(text) {
    const t = this.text;
    if (t.readOnly) return;
    const start = t.selectionStart ?? t.value.length;
    const end = t.selectionEnd ?? t.value.length;
    const before = t.value.slice(0, start);
    const glue = before && !/\s$/.test(before) ? ' ' : '';
    t.value = before + glue + text + t.value.slice(end);
    const caret = (before + glue + text).length;
    t.focus();
    t.setSelectionRange(caret, caret);
    this.saveDraft();
  }

  // ---------- canned replies ----------

  toggleCanned(open) {
    const box = this.p('canned');
    box.hidden = !open;
    if (open) {
      this.toggleSearch(false);
      this.p('canned-filter').value = '';
      this.fillCanned();
      this.p('canned-filter').focus();
    }
  }

  fillCanned() {
    const filter = this.p('canned-filter').value.trim().toLowerCase();
    const lang = this.chat.language;
    const all = this.desk.canned;
    const ordered = [...(all[lang] || []).map((c) => ({ ...c, lang })),
      ...Object.keys(all).filter((k) => k !== lang).flatMap((k) => all[k].map((c) => ({ ...c, lang: k })))];
    const shown = ordered.filter((c) => !filter || (c.title + ' ' + c.text).toLowerCase().includes(filter)).slice(0, 30);
    const list = this.p('canned-list');
    if (!shown.length) {
      list.replaceChildren(el('li', 'muted', 'No canned reply matches.'));
      return;
    }
    list.replaceChildren(...shown.map((c) => {
      const b = button(null, 'pick', () => {
        this.insert(c.text.replaceAll('{name}', this.chat.citizen_name || ''));
        this.toggleCanned(false);
      });
      b.append(el('span', 'pick-title', c.title), el('span', 'badge lang-badge', c.lang), el('span', 'pick-text', c.text));
      return el('li', null, b);
    }));
  }

  // ---------- registry search ----------

  toggleSearch(open) {
    const box = this.p('search');
    box.hidden = !open;
    if (open) {
      this.toggleCanned(false);
      this.p('search-q').focus();
    }
  }

  async search() {
    const q = this.p('search-q').value.trim();
    const out = this.p('search-results');
    if (!q) return;
    out.replaceChildren(el('p', 'muted', 'Searching…'));
    try {
      const result = await get('/api/registry/search?q=' + encodeURIComponent(q));
      const matches = (result.matches || []).slice(0, 6);
      const head = el('p', 'search-verdict', 'Verdict: ', el('strong', null, words(result.verdict)),
        matches.length ? '' : ': nothing in the registry fits.');
      out.replaceChildren(head, ...matches.map((m) => {
        const row = el('div', 'search-row', institutionNode(m));
        row.append(button('Paste', 'small', () => this.insert(this.describe(m)), 'Paste this institution into the reply'));
        return row;
      }));
    } catch (e) {
      out.replaceChildren(el('p', 'error', e.message));
    }
  }

  /** One institution in a sentence for the citizen, in the chat's language. */
  describe(m) {
    const inst = m.institution || {};
    const lang = STATUS_WORDS[this.chat.language] ? this.chat.language : 'id';
    const status = STATUS_WORDS[lang][m.status || inst.status] || (m.status || inst.status || '');
    const bits = [(m.name || inst.name) + ': ' + status];
    if (inst.license_no) bits.push((lang === 'id' ? 'No. izin ' : lang === 'es' ? 'Licencia ' : 'Licence ') + inst.license_no);
    if (Array.isArray(inst.websites) && inst.websites.length) bits.push(inst.websites[0]);
    return bits.join(' · ');
  }

  // ---------- taken away ----------

  /** The chat is no longer ours: say why, keep the draft, lock the composer. */
  removed(reason) {
    if (this.removedReason) return;
    this.removedReason = reason || 'gone';
    this.root.classList.add('is-removed');
    this.text.readOnly = true;
    this.p('send').disabled = true;
    this.p('note').disabled = true;
    this.p('locked').hidden = true;
    for (const name of ['close', 'transfer', 'tobot', 'canned-open', 'search-open']) this.p(name).disabled = true;
    const banner = this.p('removed');
    banner.replaceChildren(el('span', null, REMOVED_REASONS[this.removedReason] || REMOVED_REASONS.gone));
    if (this.text.value.trim()) {
      banner.append(' ', el('span', 'muted', 'Your draft is kept below.'), ' ',
        button('Copy draft', 'small', () => navigator.clipboard && navigator.clipboard.writeText(this.text.value)));
    }
    banner.append(' ', button('Dismiss', 'small', () => this.desk.release(this, null)));
    banner.hidden = false;
    const transcript = this.p('transcript');
    transcript.scrollTop = transcript.scrollHeight;
    this.tick(Date.now());
  }

  hasDraft() {
    return Boolean(this.text.value.trim());
  }

  focusComposer() {
    this.markSeen();
    (this.removedReason ? this.root : this.text).focus();
  }
}

function pick(source, keys) {
  const out = {};
  for (const k of keys) if (source && source[k] !== undefined) out[k] = source[k];
  return out;
}
