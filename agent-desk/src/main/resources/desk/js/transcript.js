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
  // A media message's text is its caption, or a document's file name (shown with the link already).
  if (m.media) return m.media.caption || null;
  return m.caption || (m.type !== 'text' ? m.text : null) || null;
}

const MEDIA_WHAT = { image: 'Image', sticker: 'Sticker', audio: 'Voice message', voice: 'Voice message',
  video: 'Video', document: 'Document' };

const FAILURES = {
  expired: 'no longer available from WhatsApp',
  too_large: 'too large to fetch',
  checksum_mismatch: 'failed its integrity check',
  rejected: 'refused by WhatsApp',
  gave_up: 'could not be fetched',
  missing: 'not found',
};

/** Waits between checks of a file still being fetched from WhatsApp, then every 30 s. */
const POLL_MS = [1000, 2000, 4000, 8000, 15000, 30000];

function fileSize(bytes) {
  if (bytes === null || bytes === undefined || bytes === '') return '';
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return '';
  if (n < 1024) return n + ' B';
  if (n < 1024 * 1024) return (n / 1024).toFixed(n < 10 * 1024 ? 1 : 0) + ' KB';
  return (n / (1024 * 1024)).toFixed(1) + ' MB';
}

function unavailable(what, reason) {
  const why = FAILURES[reason] || 'not available';
  return el('span', 'media-missing', '[' + what + ' ' + why + ']');
}

/** The file's element once it is stored: thumbnail, player or download link. */
function mediaElement(type, url, media, m) {
  switch (type) {
    case 'image':
    case 'sticker': {
      const img = el('img', type === 'sticker' ? 'media-image media-sticker' : 'media-image');
      img.src = url;
      img.alt = type === 'sticker' ? 'Sticker sent by the citizen' : 'Image sent by the citizen';
      // full size in a new tab (the server sends it as an inert image)
      const link = el('a', 'media-link', img);
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.title = 'Open full size';
      return link;
    }
    case 'audio':
    case 'voice':
    case 'video': {
      const player = el(type === 'video' ? 'video' : 'audio', type === 'video' ? 'media-video' : 'media-audio');
      player.controls = true;
      player.preload = 'metadata';
      player.src = url;
      return player;
    }
    default: {
      const name = media.filename || m.filename || 'Document';
      const link = el('a', 'media-doc', el('span', 'media-doc-name', name));
      const size = fileSize(media.size);
      if (size) link.append(el('span', 'media-doc-size', size));
      link.href = url;
      link.download = name;
      link.rel = 'noopener noreferrer';
      link.title = 'Download ' + name;
      return link;
    }
  }
}

/**
 * A placeholder while WhatsApp's file is being fetched; it checks the media route with backoff
 * and becomes the file (or says why not) once the server has it. Stops when the message is redrawn.
 */
function loading(type, url, media, m) {
  const what = MEDIA_WHAT[type] || 'File';
  const box = el('span', 'media-loading', what + ' loading…');
  box.dataset.mediaState = 'pending';
  let attempt = 0;
  const check = async () => {
    if (!box.isConnected) return;
    let reason = 'pending';
    try {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (res.ok) {
        // a document shows its size; the transfer's Content-Length may be of a compressed body
        const size = type === 'document' ? (await res.blob()).size : null;
        box.replaceWith(mediaElement(type, url, size === null ? media : Object.assign({}, media, { size: size }), m));
        return;
      }
      if (res.status === 404) {
        const answer = await res.json().catch(() => ({}));
        reason = answer.reason === 'failed' ? answer.failure : answer.reason || 'missing';
      }
    } catch (e) {
      // offline for a moment: keep checking
    }
    if (reason !== 'pending') {
      box.replaceWith(unavailable(what.toLowerCase(), reason));
      return;
    }
    setTimeout(check, POLL_MS[Math.min(++attempt, POLL_MS.length - 1)]);
  };
  setTimeout(check, POLL_MS[0]);
  return box;
}

function mediaNode(type, m) {
  const url = mediaUrl(m);
  const media = m.media || {};
  const state = media.state || (url ? 'stored' : 'failed');
  const what = MEDIA_WHAT[type] || 'File';
  if (!url || state === 'failed') return unavailable(what.toLowerCase(), media.reason);
  if (state === 'pending') return loading(type, url, media, m);
  return mediaElement(type, url, media, m);
}

function body(m) {
  const out = [];
  switch (m.type) {
    case 'image':
    case 'sticker':
    case 'audio':
    case 'voice':
    case 'video':
    case 'document':
      out.push(mediaNode(m.type, m));
      break;
    case 'location': {
      const loc = m.location || {};
      const lat = Number(loc.latitude);
      const lon = Number(loc.longitude);
      const box = el('span', 'media-location', el('span', 'media-location-name', 'Location: ' + (loc.name || 'shared pin')));
      if (loc.address) box.append(el('span', 'media-location-address', loc.address));
      if (Number.isFinite(lat) && Number.isFinite(lon)) {
        const map = el('a', 'media-location-map', lat.toFixed(5) + ', ' + lon.toFixed(5) + ' · map');
        map.href = 'https://www.openstreetmap.org/?mlat=' + lat + '&mlon=' + lon + '#map=17/' + lat + '/' + lon;
        map.target = '_blank';
        map.rel = 'noopener noreferrer';
        box.append(map);
      }
      out.push(box);
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
