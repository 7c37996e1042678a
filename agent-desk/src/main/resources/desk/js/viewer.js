// A conversation read-only: the supervisor's live view and an agent's look at earlier conversations.

import { $, el } from './dom.js';
import { get, chatPath } from './api.js';
import { drawMessages, drawTriage, earlierOf, earlierNode } from './transcript.js';
import { languageName, words } from './format.js';

/** Draws conversation `id` into `container`; resolves with the chat (or null when refused). */
export async function drawReadOnly(container, id, onEarlier) {
  container.replaceChildren(el('p', 'muted', 'Loading…'));
  let chat;
  try {
    chat = await get(chatPath(id));
  } catch (e) {
    container.replaceChildren(el('p', 'error', e.message));
    return null;
  }
  const head = el('div', 'viewer-head',
    el('h3', null, chat.citizen_name || 'Citizen'),
    el('span', 'muted', [languageName(chat.language), words(chat.reason), chat.agent ? 'with ' + chat.agent : '',
      chat.status && chat.status !== 'with_agent' ? words(chat.status) : ''].filter(Boolean).join(' · ')));
  const summary = el('summary');
  const triageBody = el('div', 'triage-body');
  const triage = el('details', 'triage', summary, triageBody);
  drawTriage(summary, triageBody, chat);
  const earlier = earlierNode(earlierOf(chat), onEarlier || ((other) => drawReadOnly(container, other, onEarlier)));
  if (earlier) triageBody.append(earlier);
  const transcript = el('div', 'transcript read-only');
  transcript.dataset.conversation = String(id);
  drawMessages(transcript, chat.messages || []);
  container.replaceChildren(head, triage, transcript);
  transcript.scrollTop = transcript.scrollHeight;
  return chat;
}

/** In a modal dialog, for links from a tile. */
export function openReadOnly(id) {
  const dialog = $('viewer-dialog');
  const body = $('viewer-body');
  if (!dialog.open) dialog.showModal();
  drawReadOnly(body, id);
}
