// The registry admin's screens over the registry API: validate, import (activates), versions
// with their changes, activate any version (rollback or forward). The API takes the admin's desk
// session (cookie + CSRF token), so no staff token is ever typed into the browser.

import { $, el, button, fillTable } from './dom.js';
import { ApiError, get, post } from './api.js';
import { dateTime, words } from './format.js';

function contentType(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  return 'application/x-ndjson';
}

export class RegistryDesk {
  constructor(session, alerts) {
    this.alerts = alerts;
  }

  async start() {
    $('rg-form').addEventListener('submit', (e) => { e.preventDefault(); this.upload('/api/registry/imports'); });
    $('rg-validate').addEventListener('click', () => this.upload('/api/registry/validations'));
    await this.loadVersions();
  }

  stop() {}

  addresses() {
    return [];
  }

  sync() {
    return this.loadVersions();
  }

  onLive() {}

  async upload(path) {
    const file = $('rg-file').files[0];
    const out = $('rg-result');
    if (!file) { out.replaceChildren(el('p', 'error', 'Choose a file first.')); return; }
    const importing = path.endsWith('imports');
    out.replaceChildren(el('p', 'muted', (importing ? 'Importing ' : 'Validating ') + file.name + '…'));
    try {
      const result = await post(path, file, { contentType: contentType(file) });
      if (importing) {
        const d = result.diff || {};
        out.replaceChildren(el('p', 'ok', 'Version ' + result.version + ' is active: ' + result.count + ' institutions (' +
          (d.added ?? 0) + ' added, ' + (d.removed ?? 0) + ' removed, ' + (d.status_changed ?? 0) + ' status changes).'));
        await this.loadVersions();
      } else {
        out.replaceChildren(el('p', 'ok', file.name + ' is valid: ' + result.count + ' institutions. Nothing was stored.'));
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && Array.isArray(e.body.errors)) {
        out.replaceChildren(errorsTable(e.body.errors));
      } else {
        out.replaceChildren(el('p', 'error', e.message));
      }
    }
  }

  async loadVersions() {
    try {
      const v = await get('/api/registry/versions');
      this.drawVersions(v.versions || []);
    } catch (e) {
      fillTable($('rg-versions'), [], 'Versions unavailable: ' + e.message, 9);
    }
  }

  drawVersions(list) {
    fillTable($('rg-versions'), list.map((v) => {
      const d = v.diff || {};
      const actions = el('td', 'actions',
        button('Changes', 'small', () => this.detail(v.version)),
        v.active ? el('span', 'badge ok', 'active')
          : button('Activate', 'small', () => this.activate(v.version), 'Serve this version on every node (rollback or forward)'));
      return [String(v.version), dateTime(v.created_at), v.created_by || '', v.file_name || '', String(v.count ?? ''),
        String(d.added ?? ''), String(d.removed ?? ''), String(d.status_changed ?? ''), actions];
    }), 'No registry version yet.', 9);
  }

  async detail(version) {
    const out = $('rg-detail');
    out.replaceChildren(el('p', 'muted', 'Loading version ' + version + '…'));
    try {
      const v = await get('/api/registry/versions/' + encodeURIComponent(version));
      const changes = v.changes || [];
      const table = el('table', 'table');
      const tbody = el('tbody');
      table.append(el('thead', null, el('tr', null, el('th', null, 'Institution'), el('th', null, 'Change'),
        el('th', null, 'Old status'), el('th', null, 'New status'))), tbody);
      fillTable(tbody, changes.map((c) => [c.id, words(c.change), c.old_status || '', c.new_status || '']),
        'No changes against the version before.', 4);
      out.replaceChildren(el('h3', null, 'Version ' + v.version + ': ' + (v.file_name || '') +
        (v.based_on ? ' (against version ' + v.based_on + ')' : '')), table);
    } catch (e) {
      out.replaceChildren(el('p', 'error', e.message));
    }
  }

  async activate(version) {
    if (!window.confirm('Activate version ' + version + ' on every node?')) return;
    try {
      await post('/api/registry/versions/' + encodeURIComponent(version) + '/activate', {});
      this.alerts.show('info', 'Version ' + version + ' is active.');
      await this.loadVersions();
    } catch (e) {
      this.alerts.show('error', 'Not activated: ' + e.message);
    }
  }
}

function errorsTable(errors) {
  const tbody = el('tbody');
  fillTable(tbody, errors.slice(0, 200).map((e) => [String(e.line ?? ''), e.field || '', e.message || '']), '', 3);
  return el('div', null,
    el('p', 'error', 'The file was refused: ' + errors.length + ' error' + (errors.length === 1 ? '' : 's') + '. Nothing changed.'),
    el('table', 'table', el('thead', null, el('tr', null, el('th', null, 'Line'), el('th', null, 'Field'), el('th', null, 'Problem'))), tbody));
}
