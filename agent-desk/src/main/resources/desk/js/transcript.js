// Drawing a conversation: messages, media, the bot's triage, earlier conversations.
// Used by the agent's tiles and the supervisor's read-only viewer. Text only through DOM nodes.

import { el } from './dom.js';
import { timeOfDay, dateTime, sameDay, parseTime, words, languageName } from './format.js';

const WHO = { citizen: 'Citizen', bot: 'Bot', agent: 'Agent', note: 'Private note' };

const TICKS = {
  pending: ['…', 'Waiting in the outbox'],
  queued: ['…', 'Waiting in the outbox'],
  sending: ['…', 'Sending to WhatsApp'],
  accepted: ['✓', 'Accepted by WhatsApp'],
  sent: ['✓', 'Sent'],
  delivered: ['✓✓', 'Delivered'],
  read: ['✓✓', 'Read'],
  failed: ['!', 'Not delivered'],
};

/** A message's bubble; `known` lets a later status update find its ticks. */
export function messageNode(m) {
  const from = WHO[m.from] ? m.from : 'bot';
  const box = el('div', 'msg from-' + from);
  if (m.id !== undefined && m.id !== null) box.dataset.id = String(m.id);
  const agent = (from === 'agent' || from === 'note') ? m.agent || m.author : null;
  // who wrote it, small above the bubble: several agents (and supervisors' notes) share a chat
  if (agent) box.append(el('span', 'msg-author', agent));
  const bubble = el('div', 'bubble');
  if (!agent || from === 'note') bubble.append(el('span', 'msg-head', WHO[from]));
  bubble.append(...body(m));
  const meta = el('span', 'msg-meta', timeOfDay(m.at));
  if (from === 'agent' || from === 'bot') meta.append(ticks(m.status, m.error));
  bubble.append(meta);
  box.append(bubble);
  if (m.status === 'failed' || m.error) box.append(errorLine(m.error));
  return box;
}

function ticks(status, error) {
  const [mark, title] = TICKS[status] || (status ? ['·', status] : ['', '']);
  const t = el('span', 'ticks' + (status ? ' ' + status : ''), mark);
  t.title = status === 'failed' && error ? title + ': ' + error : title;
  return t;
}

function errorLine(error) {
  return el('div', 'msg-error', 'Not delivered' + (error ? ': ' + errorText(error) : ''));
}

function errorText(error) {
  if (!error) return '';
  if (typeof error === 'string') return error;
  return [error.code, error.title || error.message, error.details].filter(Boolean).join(' · ');
}

// Meta's statuses only rise; a late "delivered" (another node's event) must not undo "read".
const RISING = ['sent', 'delivered', 'read'];

/** Updates a drawn message's ticks and error in place. */
export function updateStatus(box, status, error) {
  const old = box.querySelector('.ticks');
  const shown = old ? RISING.indexOf([...old.classList].find((c) => RISING.includes(c))) : -1;
  if (shown >= 0 && RISING.indexOf(status) >= 0 && RISING.indexOf(status) < shown) return;
  if (old) old.replaceWith(ticks(status, error));
  const line = box.querySelector('.msg-error');
  if (line) line.remove();
  if (status === 'failed' || error) box.append(errorLine(error));
}

function mediaUrl(m) {
  const media = m.media || {};
  const url = m.media_url || media.url || null;
  // Only our own media route or a relative path: a citizen cannot make the desk load a foreign URL.
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return null;
  return url;
}

function caption(m) {
  const media = m.media || {};
  return m.caption || media.caption || (m.type !== 'text' ? m.text : null) || null;
}

function body(m) {
  const url = mediaUrl(m);
  const media = m.media || {};
  const out = [];
  switch (m.type) {
    case 'image':
    case 'sticker': {
      if (url) {
        const img = el('img', 'media-image');
        img.src = url;
        img.alt = 'Image sent by the citizen';
        img.loading = 'lazy';
        const link = el('a', 'media-link', img);
        link.href = url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        out.push(link);
      } else {
        out.push(el('span', 'media-missing', '[image not available]'));
      }
      break;
    }
    case 'audio':
    case 'voice': {
      if (url) {
        const audio = el('audio', 'media-audio');
        audio.controls = true;
        audio.preload = 'none';
        audio.src = url;
        out.push(audio);
      } else {
        out.push(el('span', 'media-missing', '[voice message not available]'));
      }
      break;
    }
    case 'video':
    case 'document': {
      const name = media.filename || m.filename || (m.type === 'video' ? 'Video' : 'Document');
      if (url) {
        const link = el('a', 'media-doc', (m.type === 'video' ? 'Video: ' : 'Document: ') + name);
        link.href = url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.download = name;
        out.push(link);
      } else {
        out.push(el('span', 'media-missing', '[' + name + ' not available]'));
      }
      break;
    }
    case 'location': {
      const loc = m.location || {};
      const lat = Number(loc.latitude);
      const lon = Number(loc.longitude);
      const label = [loc.name, loc.address].filter(Boolean).join(', ');
      const line = el('span', 'media-location', 'Location: ' + (label || 'shared pin'));
      if (Number.isFinite(lat) && Number.isFinite(lon)) {
        const map = el('a', null, lat.toFixed(5) + ', ' + lon.toFixed(5));
        map.href = 'https://www.openstreetmap.org/?mlat=' + lat + '&mlon=' + lon + '#map=17/' + lat + '/' + lon;
        map.target = '_blank';
        map.rel = 'noopener noreferrer';
        line.append(' ', map);
      }
      out.push(line);
      return out;
    }
    case 'template':
      out.push(el('span', 'msg-template', 'Template' + (m.template ? ': ' + m.template : '') + (m.text ? '\n' + m.text : '')));
      return out;
    default:
      out.push(el('span', 'msg-text', m.text === null || m.text === undefined ? '[' + (m.type || 'message') + ']' : m.text));
      return out;
  }
  const c = caption(m);
  if (c) out.push(el('span', 'msg-text', c));
  return out;
}

/** A day separator when the day changes between two messages. */
export function daySeparator(previousAt, at) {
  const a = parseTime(previousAt);
  const b = parseTime(at);
  if (b === null || (a !== null && sameDay(a, b))) return null;
  return el('div', 'day', new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(b));
}

/** Draws a transcript into a container, returning a map id -> message box. */
export function drawMessages(container, messages) {
  const byId = new Map();
  const nodes = [];
  let previous = null;
  for (const m of messages || []) {
    const sep = daySeparator(previous, m.at);
    if (sep) nodes.push(sep);
    const box = messageNode(m);
    if (m.id !== undefined && m.id !== null) byId.set(String(m.id), box);
    nodes.push(box);
    previous = m.at;
  }
  if (!nodes.length) nodes.push(el('p', 'muted empty', 'No messages yet.'));
  container.replaceChildren(...nodes);
  return byId;
}

// ---------- triage ----------

function verdictBadge(verdict) {
  const v = String(verdict || 'unknown');
  return el('span', 'verdict verdict-' + v.replace(/[^a-z_]/g, ''), words(v));
}

function statusBadge(status) {
  const s = String(status || '');
  return el('span', 'inst-status inst-' + s.replace(/[^a-z_]/g, ''), s);
}

/** One institution's details, as the registry holds them. */
export function institutionNode(match) {
  const inst = match.institution || {};
  const box = el('div', 'institution');
  box.append(el('div', 'inst-name', statusBadge(match.status || inst.status), ' ', match.name || inst.name || match.id));
  const facts = [];
  if (inst.sector) facts.push(words(inst.sector));
  if (inst.license_no) facts.push('Licence ' + inst.license_no);
  if (inst.since) facts.push('since ' + inst.since);
  if (Array.isArray(inst.brands) && inst.brands.length) facts.push('brands: ' + inst.brands.join(', '));
  if (Array.isArray(inst.websites) && inst.websites.length) facts.push(inst.websites.join(', '));
  if (Array.isArray(inst.phones) && inst.phones.length) facts.push(inst.phones.join(', '));
  if (match.score !== undefined) facts.push('score ' + match.score);
  if (facts.length) box.append(el('div', 'inst-facts', facts.join(' · ')));
  return box;
}

/** The bot's triage: language, intents, lookups with verdicts and institutions. */
export function drawTriage(summary, container, chat) {
  const intents = Array.isArray(chat.intents) ? chat.intents : [];
  const lookups = Array.isArray(chat.lookups) ? chat.lookups : [];
  const names = intents.map((i) => (typeof i === 'string' ? i : i.name || i.intent)).filter(Boolean);
  summary.replaceChildren(
    el('strong', null, 'Bot triage'), ' · ', languageName(chat.language),
    names.length ? ' · ' + [...new Set(names)].map(words).join(', ') : '',
    lookups.length ? ' · ' : '', ...lookups.slice(0, 3).map((l) => verdictBadge(l.verdict)));
  const parts = [];
  const facts = el('dl', 'facts');
  const fact = (k, v) => { if (v) facts.append(el('dt', null, k), el('dd', null, v)); };
  fact('Language', languageName(chat.language));
  fact('Reason', words(chat.reason));
  if (chat.priority && chat.priority !== 'normal') fact('Priority', chat.priority === 1 ? 'high (fraud report)' : String(chat.priority));
  if (names.length) {
    fact('Intents', intents.map((i) => typeof i === 'string' ? words(i)
      : words(i.name || i.intent) + (typeof i.confidence === 'number' ? ' (' + Math.round(i.confidence * 100) + '%)' : '')).join(', '));
  }
  parts.push(facts);
  for (const l of lookups) {
    const box = el('div', 'lookup');
    box.append(el('div', 'lookup-head', verdictBadge(l.verdict), ' ', l.query ? '“' + l.query + '”' : ''));
    for (const m of (l.matches || []).slice(0, 4)) box.append(institutionNode(m));
    parts.push(box);
  }
  if (!intents.length && !lookups.length) parts.push(el('p', 'muted', 'The bot recorded no intents or lookups.'));
  container.replaceChildren(...parts);
}

/** The citizen's earlier conversations (ids, dates, outcomes) as links. */
export function earlierOf(chat) {
  const list = chat.earlier || chat.earlier_conversations || chat.history || [];
  return Array.isArray(list) ? list : [];
}

export function earlierNode(list, open) {
  if (!list.length) return null;
  const box = el('div', 'earlier', el('span', 'muted', 'Earlier: '));
  for (const e of list.slice(0, 8)) {
    const id = e.conversation || e.id;
    const label = dateTime(e.opened_at || e.started_at || e.created_at || e.closed_at) || ('#' + id);
    const a = el('a', 'earlier-link', label + (e.outcome || e.resolution ? ' · ' + words(e.outcome || e.resolution) : ''));
    a.href = '#conversation-' + encodeURIComponent(id);
    a.addEventListener('click', (ev) => { ev.preventDefault(); open(id); });
    box.append(a);
  }
  return box;
}
