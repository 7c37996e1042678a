// The supervisors' dashboard: GET /api/reports/resolution for a range (charts by ECharts, from its
// WebJar) and /api/reports/live every 15 s. Uses the desk's session cookie; reads only aggregates.

const $ = (id) => document.getElementById(id);
const charts = {};

function percent(rate) {
  return rate == null ? '–' : `${(rate * 100).toFixed(1)}%`;
}

function duration(seconds) {
  if (seconds == null) return '–';
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
}

async function fetchJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) throw new Error('Sign in at the desk first (a supervisor account).');
  if (response.status === 403) throw new Error('The dashboard is for supervisors.');
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.error || `The server answered ${response.status}.`);
  }
  return response.json();
}

function showProblem(message) {
  $('problem').textContent = message;
  $('problem').hidden = !message;
}

function chart(id, option) {
  if (!charts[id]) {
    charts[id] = window.echarts.init($(id), null, { renderer: 'canvas' });
  }
  charts[id].setOption(option, true);
}

function render(r) {
  $('f-registration').textContent = percent(r.registration.bot_resolution_rate);
  $('f-bot').textContent = percent(r.bot_resolution_rate);
  $('f-combined').textContent = percent(r.combined_resolution_rate);
  $('f-handoff').textContent = percent(r.handoff_rate);
  $('f-abandoned').textContent = percent(r.abandonment_rate);
  $('f-concurrency').textContent = r.agent_concurrency.toFixed(2);
  $('f-wait').textContent = `${duration(r.queue_wait_seconds.p50)} / ${duration(r.queue_wait_seconds.p90)}`;
  $('f-response').textContent = `${duration(r.first_response_seconds.p50)} / ${duration(r.first_response_seconds.p90)}`;
  $('f-csat').textContent = r.csat.answers ? `${r.csat.average.toFixed(2)} (${r.csat.answers})` : '–';
  $('f-nps').textContent = r.nps.answers ? `${Math.round(r.nps.score)} (${r.nps.answers})` : '–';
  $('f-sla').textContent = r.sla.cases ? percent(r.sla.share) : '–';
  $('f-conversations').textContent = r.conversations.toLocaleString();

  const days = r.volume.by_day;
  chart('chart-days', {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 10, top: 10, bottom: 30 },
    xAxis: { type: 'category', data: days.map((d) => d.date) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', name: 'conversations', data: days.map((d) => d.conversations), areaStyle: {} }],
  });
  chart('chart-outcomes', {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['40%', '70%'], minShowLabelAngle: 1, data: [  // no label points at an empty slice
        { name: 'bot alone', value: r.resolved_by_bot },
        { name: 'agent', value: r.resolved_by_agent },
        { name: 'abandoned', value: r.abandoned },
        { name: 'came back', value: r.reopened },
      ],
    }],
  });
  const languages = Object.keys(r.by_language).sort();
  chart('chart-languages', {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
    legend: { bottom: 0 },
    grid: { left: 40, right: 10, top: 10, bottom: 50 },
    xAxis: { type: 'category', data: languages },
    yAxis: { type: 'value', max: 100 },
    series: [
      { type: 'bar', name: 'bot alone', data: languages.map((l) => +(r.by_language[l].bot_resolution_rate * 100).toFixed(1)) },
      { type: 'bar', name: 'bot + agents', data: languages.map((l) => +(r.by_language[l].combined_resolution_rate * 100).toFixed(1)) },
    ],
  });
  chart('chart-hours', {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 10, top: 10, bottom: 30 },
    xAxis: { type: 'category', data: r.volume.by_hour.map((h) => `${h.hour}`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: 'conversations', data: r.volume.by_hour.map((h) => h.conversations) }],
  });
  const reasons = Object.keys(r.handoff_reasons).sort();
  chart('chart-reasons', {
    tooltip: { trigger: 'axis' },
    grid: { left: 90, right: 10, top: 10, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: reasons },
    series: [{ type: 'bar', name: 'handoffs', data: reasons.map((k) => r.handoff_reasons[k]) }],
  });
}

// Without dates the server answers its last 30 days in KONTAK_TIMEZONE; the inputs then show them.
async function load() {
  const query = $('from').value && $('to').value ? `from=${$('from').value}&to=${$('to').value}` : '';
  try {
    const report = await fetchJson(`/api/reports/resolution?${query}`);
    $('from').value = report.from;
    $('to').value = report.to;
    $('csv').href = `/api/reports/resolution.csv?from=${report.from}&to=${report.to}`;
    showProblem('');
    $('board').hidden = false;
    render(report);
    document.body.dataset.loaded = 'true';
  } catch (e) {
    showProblem(e.message);
  }
}

async function live() {
  try {
    const now = await fetchJson('/api/reports/live');
    $('live-queue').textContent = now.queue_length;
    $('live-oldest').textContent = duration(now.oldest_wait_seconds);
    $('live-agents').textContent = now.agents.available ?? 0;
    $('live-chats').textContent = now.open_chats;
  } catch (e) {
    showProblem(e.message);
  }
}

function start() {
  $('range').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  load();
  live();
  setInterval(live, 15000);
}

if (window.echarts) {
  start();
} else {
  window.addEventListener('load', start);
}
