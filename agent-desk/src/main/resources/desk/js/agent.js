// The agent's view: status, queue summary, and up to four chats in fixed slots.

import { $, el, fromTemplate, part } from './dom.js';
import { ApiError, get, put, post, chatPath } from './api.js';
import { Tile } from './tile.js';
import { clock } from './format.js';
import { Notifier } from './notify.js';
import { openReadOnly } from './viewer.js';
import { closeDialog, transferDialog } from './dialogs.js';

const SLOTS = 4;

export class AgentDesk {
  constructor(session, alerts) {
    this.username = session.username;
    this.alerts = alerts;
    this.grid = $('grid');
    this.slots = new Array(SLOTS).fill(null);
    this.tiles = new Map();
    this.canned = {};
    this.notifier = new Notifier();
    this.status = 'away';
    this.queue = { waiting: null, oldestAt: null };
    this.onKey = (e) => this.key(e);
  }

  async start() {
    $('agent-bar').hidden = false;
    $('status-toggle').addEventListener('click', () => this.toggleStatus());
    document.addEventListener('keydown', this.onKey);
    this.drawSlots();
    this.drawStatus();
    this.canned = await fetch('canned.json', { cache: 'no-cache' }).then((r) => r.json()).catch(() => ({}));
    await this.loadMe();
    await this.sync();
    this.ticker = setInterval(() => this.tick(), 1000);
  }

  stop() {
    clearInterval(this.ticker);
    document.removeEventListener('keydown', this.onKey);
  }

  addresses() {
    return ['kontak.desk.agent.' + this.username];
  }

  async loadMe() {
    try {
      const me = await get('/api/desk/me');
      if (me && me.status) { this.status = me.status; this.drawStatus(); }
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 401) throw e;
    }
    try {
      this.resolutions = await get('/api/desk/resolutions');
    } catch (e) {
      this.resolutions = null; // the dialog falls back to a default list
    }
  }

  /** The server's list is the truth: after (re)connecting, tiles follow it. */
  async sync() {
    let chats;
    try {
      chats = await get('/api/desk/chats');
    } catch (e) {
      this.alerts.show('error', 'Could not load your chats: ' + e.message);
      return;
    }
    const list = Array.isArray(chats) ? chats : chats.chats || [];
    const live = new Set(list.map((c) => String(c.conversation)));
    for (const tile of this.tiles.values()) {
      if (!live.has(tile.conversation) && !tile.removedReason) tile.removed('gone');
    }
    for (const chat of list) {
      const tile = this.tiles.get(String(chat.conversation));
      if (tile && !tile.removedReason) tile.load();
      else this.assign(chat);
    }
  }

  // ---------- slots ----------

  drawSlots() {
    this.slots.forEach((tile, i) => { if (!tile) this.grid.append(this.emptySlot(i)); });
  }

  emptySlot(index) {
    const node = fromTemplate('slot-template');
    node.dataset.slot = String(index);
    part(node, 'slot').textContent = String(index + 1);
    part(node, 'hint').textContent = this.status === 'available' ? 'The next waiting citizen lands here.' : 'Set yourself available to get chats.';
    return node;
  }

  /** A chat assigned to us: it takes a free slot; no tile moves and the focus stays where it is. */
  assign(chat) {
    const id = String(chat.conversation);
    const existing = this.tiles.get(id);
    if (existing && !existing.removedReason) return;
    let index = existing ? this.slots.indexOf(existing) : this.freeSlot();
    if (index === -1) {
      index = this.slots.length;
      this.slots.push(null);
    }
    const tile = new Tile(this, chat);
    tile.setSlot(index);
    const placeholder = this.grid.querySelector('.slot-empty[data-slot="' + index + '"]');
    const previous = this.slots[index];
    if (previous) this.drop(previous);
    this.slots[index] = tile;
    this.tiles.set(id, tile);
    // In place: a taken-away chat's tile or the empty slot; the other tiles never move.
    if (previous && previous.root.isConnected) previous.root.replaceWith(tile.root);
    else if (placeholder) placeholder.replaceWith(tile.root);
    else this.grid.append(tile.root);
    this.grid.classList.toggle('many', this.slots.length > SLOTS);
    tile.load();
    this.updateTitle();
  }

  /** An empty slot first, then one whose chat was taken away without a draft, then any taken-away one. */
  freeSlot() {
    let i = this.slots.findIndex((t) => t === null);
    if (i !== -1) return i;
    i = this.slots.findIndex((t) => t && t.removedReason && !t.hasDraft());
    if (i !== -1) return i;
    return this.slots.findIndex((t) => t && t.removedReason);
  }

  drop(tile) {
    if (this.tiles.get(tile.conversation) === tile) this.tiles.delete(tile.conversation);
    const index = this.slots.indexOf(tile);
    if (index !== -1) this.slots[index] = null;
    return index;
  }

  /** The agent closed, transferred or dismissed it: the slot empties in place. */
  release(tile) {
    const hadFocus = tile.root.contains(document.activeElement);
    const index = this.drop(tile);
    if (index >= SLOTS) {
      tile.root.remove();
      this.slots.splice(index, 1);
    } else if (index !== -1) {
      tile.root.replaceWith(this.emptySlot(index));
    } else {
      tile.root.remove();
    }
    try { sessionStorage.removeItem('kontak.desk.draft.' + tile.conversation); } catch (e) { /* none */ }
    if (hadFocus) {
      const next = this.slots.find((t) => t && !t.removedReason);
      if (next) next.focusComposer();
    }
    this.updateTitle();
  }

  // ---------- live events ----------

  onLive(event) {
    const tile = event.conversation !== undefined ? this.tiles.get(String(event.conversation)) : null;
    switch (event.type) {
      case 'chat.assigned':
        this.assign({ conversation: event.conversation, ...(event.chat || {}) });
        break;
      case 'chat.removed':
        if (tile) tile.removed(event.reason);
        this.updateTitle();
        break;
      case 'chat.message':
        if (tile && event.message) tile.onMessage(event.message);
        break;
      case 'chat.status':
        if (tile) tile.onStatus(event.message_id, event.status, event.error);
        break;
      case 'queue':
        this.onQueue(event);
        break;
      case 'agent.status':
        this.status = event.status;
        this.drawStatus();
        break;
      case 'alert':
        this.alerts.show('warn', event.text || event.kind);
        break;
      default:
        break;
    }
  }

  onQueue(q) {
    this.queue.waiting = Number(q.waiting) || 0;
    const oldest = Number(q.oldest_wait_seconds);
    this.queue.oldestAt = this.queue.waiting && Number.isFinite(oldest) ? Date.now() - oldest * 1000 : null;
    this.drawQueue();
  }

  drawQueue() {
    $('queue-waiting').textContent = this.queue.waiting === null ? '–' : String(this.queue.waiting);
    $('queue-oldest').textContent = this.queue.oldestAt === null ? '–' : clock((Date.now() - this.queue.oldestAt) / 1000);
    $('queue-summary').classList.toggle('busy', (this.queue.waiting || 0) > 0);
  }

  tick() {
    const now = Date.now();
    for (const tile of this.tiles.values()) tile.tick(now);
    if (this.queue.oldestAt !== null) this.drawQueue();
  }

  // ---------- status ----------

  async toggleStatus() {
    const next = this.status === 'available' ? 'away' : 'available';
    const toggle = $('status-toggle');
    toggle.disabled = true;
    try {
      await put('/api/desk/me/status', { status: next });
      this.status = next;
      this.drawStatus();
    } catch (e) {
      this.alerts.show('error', 'Status not changed: ' + e.message);
    } finally {
      toggle.disabled = false;
    }
  }

  drawStatus() {
    const available = this.status === 'available';
    const toggle = $('status-toggle');
    toggle.setAttribute('aria-pressed', String(available));
    toggle.classList.toggle('available', available);
    $('status-label').textContent = available ? 'Available' : this.status === 'offline' ? 'Offline' : 'Away';
    for (const hint of this.grid.querySelectorAll('.slot-empty [data-part="hint"]')) {
      hint.textContent = available ? 'The next waiting citizen lands here.' : 'Set yourself available to get chats.';
    }
  }

  // ---------- notices ----------

  notify() {
    this.notifier.chime();
    this.updateTitle();
  }

  updateTitle() {
    let unread = 0;
    for (const tile of this.tiles.values()) unread += tile.unread;
    document.title = (unread ? '(' + unread + ') ' : '') + 'Kontak desk';
  }

  // ---------- keyboard ----------

  current() {
    return this.slots.find((t) => t && t.root.contains(document.activeElement)) || null;
  }

  key(e) {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const digit = /^Digit([1-9])$/.exec(e.code);
    if (digit) {
      const tile = this.slots[Number(digit[1]) - 1];
      if (tile) { e.preventDefault(); tile.focusComposer(); }
      return;
    }
    const tile = this.current();
    if (!tile || tile.removedReason) return;
    if (e.code === 'KeyC') { e.preventDefault(); tile.toggleCanned(true); }
    else if (e.code === 'KeyR') { e.preventDefault(); tile.toggleSearch(true); }
    else if (e.code === 'KeyX') { e.preventDefault(); this.askClose(tile); }
  }

  // ---------- actions with dialogs ----------

  askClose(tile) {
    closeDialog(this.resolutions, async ({ resolution, note }) => {
      await post(chatPath(tile.conversation, 'close'), note ? { resolution, note } : { resolution });
      this.release(tile);
    });
  }

  askTransfer(tile) {
    transferDialog(false, async ({ to, note }) => {
      await post(chatPath(tile.conversation, 'transfer'), note ? { to, note } : { to });
      this.release(tile);
    });
  }

  openReadOnly(conversation) {
    openReadOnly(conversation);
  }
}

export function emptyNotice(text) {
  return el('p', 'muted', text);
}
