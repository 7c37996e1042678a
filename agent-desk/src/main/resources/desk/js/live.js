// The live channel: the Vert.x event-bus bridge at /eventbus/, through the SockJS handler's raw
// WebSocket endpoint (/eventbus/websocket): every browser the desk supports has WebSockets, so no
// SockJS client library is needed. The browser only registers addresses and receives; the server
// publishes. The bridge's frames are small JSON objects ({type: register|ping} out, {type: rec|err}
// in), spoken here directly: the Vert.x event-bus client is not published as a WebJar.

const PING_MS = 5000;          // the bridge closes a socket that stays silent past its ping timeout
const UTF8 = new TextDecoder('utf-8');
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000];

export class Live {
  /**
   * @param {string} url the bridge's path (/eventbus)
   * @param {string[]} addresses what to register once connected
   * @param {(message: object, address: string) => void} onMessage a published JSON message
   * @param {(state: 'connecting'|'open'|'closed', detail?: string) => void} onState
   */
  constructor(url, addresses, onMessage, onState) {
    this.url = url;
    this.addresses = addresses;
    this.onMessage = onMessage;
    this.onState = onState;
    this.socket = null;
    this.attempt = 0;
    this.stopped = false;
    this.pinger = 0;
    this.retry = 0;
    this.wasOpen = false;
    this.lastPing = 0;
    this.onVisible = () => {
      // A hidden tab's timers are throttled: when the agent comes back, reconnect now rather
      // than after a long back-off.
      if (document.visibilityState === 'visible' && !this.socket && !this.stopped) {
        clearTimeout(this.retry);
        this.open();
      }
    };
    document.addEventListener('visibilitychange', this.onVisible);
  }

  /** Resolves nothing; onState reports progress, and every reconnect after the first says 'open' again. */
  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.pinger);
    document.removeEventListener('visibilitychange', this.onVisible);
    if (this.socket) this.socket.close();
    this.socket = null;
  }

  open() {
    this.onState('connecting');
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    let socket;
    try {
      socket = new WebSocket(scheme + location.host + this.url + '/websocket');
    } catch (e) {
      this.onState('closed', 'The live channel cannot open.');
      return;
    }
    // The raw endpoint sends the bridge's JSON as binary frames: read them as bytes, decode as UTF-8.
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.attempt = 0;
      for (const address of this.addresses) this.send({ type: 'register', address, headers: {} });
      this.ping();
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.ping(), PING_MS);
      const reconnected = this.wasOpen;
      this.wasOpen = true;
      this.onState('open', reconnected ? 'reconnected' : undefined);
    };
    socket.onmessage = (e) => {
      if (socket !== this.socket) return;
      let frame;
      try {
        frame = JSON.parse(typeof e.data === 'string' ? e.data : UTF8.decode(e.data));
      } catch (err) {
        return;
      }
      // Timers in a hidden tab may run once a minute; a message arriving is a chance to say we are here.
      if (Date.now() - this.lastPing > PING_MS) this.ping();
      if (frame.type === 'rec') {
        let body = frame.body;
        if (typeof body === 'string') {
          try { body = JSON.parse(body); } catch (err) { return; }
        }
        if (body && typeof body === 'object') this.onMessage(body, frame.address);
      } else if (frame.type === 'err') {
        this.onState('open', 'refused: ' + (frame.body || 'access denied'));
      }
    };
    socket.onclose = () => {
      if (socket !== this.socket) return;
      clearInterval(this.pinger);
      this.socket = null;
      if (this.stopped) return;
      const wait = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
      this.attempt++;
      const jittered = Math.round(wait * (0.75 + Math.random() * 0.5));
      this.onState('closed', 'Reconnecting in ' + Math.ceil(jittered / 1000) + ' s');
      this.retry = setTimeout(() => this.open(), jittered);
    };
  }

  ping() {
    this.lastPing = Date.now();
    this.send({ type: 'ping' });
  }

  send(frame) {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(frame));
  }
}
