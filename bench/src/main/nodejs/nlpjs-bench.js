// NLP.js peer for the Kontak NLU benchmark (bench/run-nlu-bench.sh).
// usage: node nlpjs-bench.js <corpusDir> <outJson> [warmupSec] [measureSec]
// Trains one NlpManager (languages id/en/es) on corpus/train/{id,en,es}.tsv with
// addDocument(lang, text, intent), lang = the file's language; scores corpus/heldout/*.tsv giving
// process() the file's language; then times process() on one thread (closed loop, hrtime per call).
'use strict';
const fs = require('fs');
const path = require('path');
const { NlpManager } = require('node-nlp');

const [corpusDir, outJson, warmupArg, measureArg] = process.argv.slice(2);
const warmupSec = Number(warmupArg || 3);
const measureSec = Number(measureArg || 10);
const LANGS = ['id', 'en', 'es'];

function read(split, lang) {
  return fs.readFileSync(path.join(corpusDir, split, lang + '.tsv'), 'utf8')
    .split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => { const f = l.split('\t'); return { intent: f[0], text: f[1], lang }; });
}

(async () => {
  const manager = new NlpManager({ languages: LANGS, forceNER: false, autoSave: false, nlu: { log: false } });
  let trainRows = 0;
  for (const lang of LANGS) {
    for (const r of read('train', lang)) { manager.addDocument(lang, r.text, r.intent); trainRows++; }
  }
  const t0 = process.hrtime.bigint();
  await manager.train();
  const trainSec = Number(process.hrtime.bigint() - t0) / 1e9;

  const heldout = LANGS.flatMap((lang) => read('heldout', lang));
  const per = {};
  for (const lang of LANGS) per[lang] = { n: 0, ok: 0 };
  let none = 0;
  for (const r of heldout) {
    const res = await manager.process(r.lang, r.text);
    per[r.lang].n++;
    if (res.intent === r.intent) per[r.lang].ok++;
    if (res.intent === 'None') none++;
  }
  const n = heldout.length;
  const ok = LANGS.reduce((s, l) => s + per[l].ok, 0);

  // latency: one thread (node is single-threaded; process() is awaited one call at a time)
  let i = 0;
  const warmEnd = process.hrtime.bigint() + BigInt(Math.round(warmupSec * 1e9));
  while (process.hrtime.bigint() < warmEnd) { const r = heldout[i++ % n]; await manager.process(r.lang, r.text); }
  const lat = [];
  const mStart = process.hrtime.bigint();
  const mEnd = mStart + BigInt(Math.round(measureSec * 1e9));
  let now = mStart;
  while (now < mEnd) {
    const r = heldout[i++ % n];
    const s = process.hrtime.bigint();
    await manager.process(r.lang, r.text);
    now = process.hrtime.bigint();
    lat.push(Number(now - s));
  }
  const elapsed = Number(now - mStart) / 1e9;
  lat.sort((a, b) => a - b);
  const pct = (p) => lat[Math.min(lat.length - 1, Math.ceil(p * lat.length) - 1)];
  const out = {
    engine: 'NLP.js node-nlp ' + require('node-nlp/package.json').version,
    node: process.version,
    trainRows, trainSec, heldout: n, correct: ok, none,
    perLanguage: per,
    calls: lat.length, seconds: elapsed, throughput: lat.length / elapsed,
    p50Nanos: pct(0.50), p99Nanos: pct(0.99), maxNanos: lat[lat.length - 1],
  };
  fs.writeFileSync(outJson, JSON.stringify(out, null, 2));
  console.error(`nlpjs: accuracy ${ok}/${n}, ${out.throughput.toFixed(0)} calls/s, p50 ${(out.p50Nanos / 1e3).toFixed(1)} us, p99 ${(out.p99Nanos / 1e3).toFixed(1)} us`);
})().catch((e) => { console.error(e); process.exit(1); });
