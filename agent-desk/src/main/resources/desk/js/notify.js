// A short, soft chime for new citizen messages (Web Audio: no sound file, nothing to fetch).
// Browsers only allow audio after a user gesture: the context is made on the first click or key.

const KEY = 'kontak.desk.sound';

export class Notifier {
  constructor() {
    this.context = null;
    this.last = 0;
    const unlock = () => {
      if (!this.context && window.AudioContext) {
        try { this.context = new AudioContext(); } catch (e) { this.context = null; }
      }
    };
    document.addEventListener('pointerdown', unlock, { once: true, capture: true });
    document.addEventListener('keydown', unlock, { once: true, capture: true });
  }

  get enabled() {
    try { return localStorage.getItem(KEY) !== 'off'; } catch (e) { return true; }
  }

  set enabled(on) {
    try { localStorage.setItem(KEY, on ? 'on' : 'off'); } catch (e) { /* memory only */ }
  }

  chime() {
    const now = Date.now();
    // Several messages in a burst ring once.
    if (!this.enabled || !this.context || now - this.last < 1500) return;
    this.last = now;
    const ctx = this.context;
    if (ctx.state === 'suspended') ctx.resume();
    const t = ctx.currentTime;
    [[660, 0], [880, 0.12]].forEach(([freq, at]) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + at);
      gain.gain.exponentialRampToValueAtTime(0.12, t + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + at + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + at);
      osc.stop(t + at + 0.3);
    });
  }
}
