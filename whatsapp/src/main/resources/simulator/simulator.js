// Kontak simulator: plays a citizen against this node's real webhook. Vanilla JS, no build step.
// Events come from api/events (Server-Sent Events): "in" (what the citizen sent), "out" (what the
// bot sent), "read" (the bot read a message, maybe typing), "failed" (the webhook refused it).
(() => {
  'use strict';

  const STORE = { waId: 'kontak.simulator.wa_id', name: 'kontak.simulator.name' };
  const DEFAULT_NAME = 'Warga Demo';
  const WA_ID = /^\+?[0-9]{6,15}$/;
  const TYPING_MS = 25000;

  const $ = (id) => document.getElementById(id);
  const chat = $('chat');
  const text = $('composer-text');
  const send = $('send');

  const state = {
    waId: '',
    name: DEFAULT_NAME,
    source: null,
    mine: new Map(),        // citizen wamid -> its bubble's tick element
    reads: new Set(),       // citizen wamids read before their bubble was drawn
    seen: new Set(),        // event seqs already drawn (replays after a reconnect)
    typingTimer: 0,
  };

  // ---------- identity ----------

  function randomWaId() {
    let digits = '62812';
    for (let i = 0; i < 8; i++) digits += Math.floor(Math.random() * 10);
    return digits;
  }

  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: keep it in memory */ }
  }

  function initialIdentity() {
    const params = new URLSearchParams(location.search);
    const fromUrl = params.get('wa_id');
    const waId = fromUrl && WA_ID.test(fromUrl) ? fromUrl : stored(STORE.waId);
    return {
      waId: waId && WA_ID.test(waId) ? waId.replace(/^\+/, '') : randomWaId(),
      name: params.get('name') || stored(STORE.name) || DEFAULT_NAME,
    };
  }

  function useIdentity(waId, name) {
    state.waId = waId.replace(/^\+/, '');
    state.name = (name || '').trim() || DEFAULT_NAME;
    store(STORE.waId, state.waId);
    store(STORE.name, state.name);
    $('wa-id').value = state.waId;
    $('profile-name').value = state.name;
    $('me-label').textContent = '+' + state.waId + ' · ' + state.name;
    connect();
  }

  function toggleIdentity(open) {
    const form = $('identity');
    const show = open === undefined ? form.hidden : open;
    form.hidden = !show;
    $('identity-toggle').setAttribute('aria-expanded', String(show));
    if (show) $('wa-id').focus();
  }

  // ---------- live events ----------

  function connect() {
    if (state.source) state.source.close();
    state.mine.clear();
    state.reads.clear();
    state.seen.clear();
    hideTyping();
    chat.replaceChildren(hint());
    const source = new EventSource('api/events?wa_id=' + encodeURIComponent(state.waId));
    state.source = source;
    ['in', 'out', 'read', 'failed'].forEach((kind) => source.addEventListener(kind, (e) => {
      if (source !== state.source) return;
      let event;
      try { event = JSON.parse(e.data); } catch (err) { return; }
      if (state.seen.has(event.seq)) return;
      state.seen.add(event.seq);
      draw(event);
    }));
    source.onopen = () => hideToast();
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) toast('Lost the connection to the node. Reload the page.');
    };
  }

  function hint() {
    const p = el('p', 'hint');
    p.id = 'hint';
    p.append('Say ', el('em', null, 'halo'), ', or ask “is kilaumodal.id legit?”');
    return p;
  }

  function draw(event) {
    const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 80;
    const hintEl = $('hint');
    if (hintEl && (event.kind === 'in' || event.kind === 'out')) hintEl.remove();
    switch (event.kind) {
      case 'in': drawMine(event); break;
      case 'out': hideTyping(); drawBot(event); break;
      case 'read': markRead(event.wamid, event.typing); break;
      case 'failed': markFailed(event.wamid, event.error); break;
      default: return;
    }
    if (atBottom || event.kind === 'in') chat.scrollTop = chat.scrollHeight;
  }

  // ---------- the citizen's bubbles ----------

  function drawMine(event) {
    const m = event.message || {};
    const box = el('div', 'msg me');
    box.dataset.wamid = event.wamid;
    const bubble = el('div', 'bubble');
    let shown = '';
    if (m.type === 'text') {
      shown = (m.text && m.text.body) || '';
    } else if (m.type === 'interactive' && m.interactive) {
      const chosen = m.interactive[m.interactive.type] || {};
      shown = chosen.title || chosen.id || '';
      if (chosen.description) shown += '\n' + chosen.description;
    } else if (m.type === 'image' && m.image) {
      shown = '[photo]' + (m.image.caption ? '\n' + m.image.caption : '');
    } else {
      shown = '[' + m.type + ']';
    }
    bubble.append(document.createTextNode(shown));
    const ticks = el('span', 'ticks', '✓✓');
    ticks.title = 'Delivered to the webhook';
    bubble.append(meta(event.at, ticks));
    box.append(bubble);
    chat.append(box);
    state.mine.set(event.wamid, ticks);
    if (state.reads.has(event.wamid)) markRead(event.wamid, false);
  }

  function markRead(wamid, typing) {
    const ticks = state.mine.get(wamid);
    if (ticks) {
      if (!ticks.classList.contains('failed')) {
        ticks.classList.add('read');
        ticks.title = 'Read by the bot';
      }
    } else {
      state.reads.add(wamid);
    }
    if (typing) showTyping();
  }

  function markFailed(wamid, error) {
    const ticks = state.mine.get(wamid);
    if (ticks) {
      ticks.className = 'ticks failed';
      ticks.textContent = '⚠';
      ticks.title = error || 'Not delivered';
    }
  }

  // ---------- the bot's bubbles ----------

  function drawBot(event) {
    const m = event.message || {};
    const box = el('div', 'msg bot');
    if (event.wamid) box.dataset.wamid = event.wamid;
    const bubble = el('div', 'bubble');
    box.append(bubble);
    if (m.type === 'text') {
      bubble.append(...formatted((m.text && m.text.body) || ''));
    } else if (m.type === 'interactive' && m.interactive) {
      drawInteractive(box, bubble, m.interactive, event.wamid);
    } else if (m.type === 'template' && m.template) {
      bubble.append(el('span', 'head', 'Template: ' + m.template.name));
    } else {
      bubble.append(document.createTextNode('[' + m.type + ' message]'));
    }
    bubble.append(meta(event.at));
    chat.append(box);
  }

  function drawInteractive(box, bubble, interactive, wamid) {
    box.classList.add('interactive', interactive.type);
    const header = interactive.header;
    if (header && header.type === 'text' && header.text) bubble.append(el('span', 'head', header.text));
    bubble.append(...formatted((interactive.body && interactive.body.text) || ''));
    if (interactive.footer && interactive.footer.text) bubble.append(el('span', 'foot', interactive.footer.text));
    const action = interactive.action || {};
    const actions = el('div', 'actions');
    if (interactive.type === 'button') {
      (action.buttons || []).forEach((b) => {
        const reply = b.reply || {};
        const button = el('button', 'reply-button', reply.title);
        button.type = 'button';
        button.dataset.id = reply.id;
        button.addEventListener('click', () =>
          post({ reply: { type: 'button_reply', id: reply.id, title: reply.title }, context: wamid }));
        actions.append(button);
      });
    } else if (interactive.type === 'list') {
      const open = el('button', 'list-open', '☰ ' + (action.button || 'Choose'));
      open.type = 'button';
      open.addEventListener('click', () => openSheet(action, wamid));
      actions.append(open);
    }
    if (actions.childElementCount) box.append(actions);
  }

  function openSheet(action, wamid) {
    const body = $('sheet-body');
    body.replaceChildren();
    $('sheet-title').textContent = action.button || 'Choose';
    (action.sections || []).forEach((section) => {
      if (section.title) body.append(el('h3', null, section.title));
      (section.rows || []).forEach((row) => {
        const button = el('button', 'list-row');
        button.type = 'button';
        button.dataset.id = row.id;
        button.append(el('span', 'title', row.title));
        if (row.description) button.append(el('span', 'desc', row.description));
        button.addEventListener('click', () => {
          closeSheet();
          const reply = { type: 'list_reply', id: row.id, title: row.title };
          if (row.description) reply.description = row.description;
          post({ reply: reply, context: wamid });
        });
        body.append(button);
      });
    });
    $('sheet-backdrop').hidden = false;
    $('sheet').hidden = false;
    const first = body.querySelector('button');
    if (first) first.focus();
  }

  function closeSheet() {
    $('sheet').hidden = true;
    $('sheet-backdrop').hidden = true;
  }

  // ---------- sending ----------

  async function post(payload) {
    const body = Object.assign({ from: state.waId, name: state.name }, payload);
    if (!body.context) delete body.context;
    try {
      const response = await fetch('api/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        let message = 'The node answered ' + response.status;
        try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
        toast(message);
        return false;
      }
      hideToast();
      return true;
    } catch (e) {
      toast('The node cannot be reached: ' + e.message);
      return false;
    }
  }

  async function sendTyped() {
    const value = text.value;
    if (!value.trim()) return;
    send.disabled = true;
    const ok = await post({ text: value });
    send.disabled = false;
    if (ok) {
      text.value = '';
      grow();
    }
    text.focus();
  }

  /** A photo from the device, as WhatsApp would carry it; the typed text becomes its caption. */
  async function sendPhoto(file) {
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) {
      toast('WhatsApp carries images up to 5 MB');
      return;
    }
    const data = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    }).catch((e) => { toast('The photo cannot be read: ' + e.message); return null; });
    if (data === null) return;
    const caption = text.value.trim();
    const image = { data: data, mime_type: file.type };
    if (caption) image.caption = caption;
    send.disabled = true;
    const ok = await post({ image: image });
    send.disabled = false;
    if (ok && caption) {
      text.value = '';
      grow();
    }
  }

  // ---------- little helpers ----------

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }

  function meta(at, ticks) {
    const span = el('span', 'meta');
    const time = new Date(at || Date.now());
    span.append(time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    if (ticks) span.append(ticks);
    return span;
  }

  // WhatsApp's *bold*, _italic_, ~strike~, ```mono``` and bare links, as DOM nodes (never innerHTML).
  const MARKUP = /(```[\s\S]+?```|(?<![\w*])\*[^*\n]+\*(?![\w*])|(?<![\w_])_[^_\n]+_(?![\w_])|(?<![\w~])~[^~\n]+~(?![\w~])|https?:\/\/[^\s<>"']+)/g;

  function formatted(body) {
    const nodes = [];
    let last = 0;
    body.replace(MARKUP, (match, _group, offset) => {
      if (offset > last) nodes.push(document.createTextNode(body.slice(last, offset)));
      nodes.push(markup(match));
      last = offset + match.length;
      return match;
    });
    if (last < body.length) nodes.push(document.createTextNode(body.slice(last)));
    return nodes;
  }

  function markup(token) {
    if (token.startsWith('```')) return el('code', null, token.slice(3, -3));
    if (token.startsWith('http')) {
      const a = el('a', null, token);
      a.href = token;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      return a;
    }
    const tag = { '*': 'strong', '_': 'em', '~': 's' }[token[0]];
    return el(tag, null, token.slice(1, -1));
  }

  function showTyping() {
    $('typing').hidden = false;
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(hideTyping, TYPING_MS);
  }

  function hideTyping() {
    clearTimeout(state.typingTimer);
    $('typing').hidden = true;
  }

  function toast(message) {
    const t = $('toast');
    t.textContent = message;
    t.hidden = false;
  }

  function hideToast() {
    $('toast').hidden = true;
  }

  function grow() {
    text.style.height = 'auto';
    text.style.height = Math.min(text.scrollHeight, 140) + 'px';
  }

  async function loadConfig() {
    try {
      const response = await fetch('api/config');
      if (!response.ok) return;
      const config = await response.json();
      if (config.regulator) {
        $('bot-name').textContent = config.regulator + ' (Kontak bot)';
        $('bot-avatar').textContent = config.regulator.slice(0, 3);
      }
      $('bot-sub').textContent = 'Simulator · not WhatsApp · +' + config.display_phone_number;
      if (config.text_max) $('composer-text').maxLength = config.text_max;  // the server's WhatsAppLimits
    } catch (e) { /* the header keeps its defaults */ }
  }

  // ---------- wiring ----------

  $('composer').addEventListener('submit', (e) => { e.preventDefault(); sendTyped(); });
  $('attach').addEventListener('click', () => $('attach-file').click());
  $('attach-file').addEventListener('change', (e) => {
    const file = e.target.files && e.target.files[0];
    e.target.value = '';
    sendPhoto(file);
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      sendTyped();
    }
  });
  text.addEventListener('input', grow);
  $('identity-toggle').addEventListener('click', () => toggleIdentity());
  $('identity').addEventListener('submit', (e) => {
    e.preventDefault();
    const waId = $('wa-id').value.trim();
    if (!WA_ID.test(waId)) {
      toast('The phone number must be 6 to 15 digits, country code first (e.g. 6281234567890).');
      return;
    }
    hideToast();
    toggleIdentity(false);
    useIdentity(waId, $('profile-name').value);
  });
  $('identity-new').addEventListener('click', () => {
    toggleIdentity(false);
    useIdentity(randomWaId(), $('profile-name').value);
  });
  $('sheet-close').addEventListener('click', closeSheet);
  $('sheet-backdrop').addEventListener('click', closeSheet);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeSheet(); });

  loadConfig();
  const identity = initialIdentity();
  useIdentity(identity.waId, identity.name);
  text.focus();
})();
