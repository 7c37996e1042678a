// The close and transfer dialogs (native <dialog>): they submit through a callback that may
// throw an ApiError, shown in the dialog, which then stays open.

import { $, el } from './dom.js';

export const DEFAULT_RESOLUTIONS = ['resolved', 'information_given', 'referred', 'fraud_reported', 'no_response', 'duplicate', 'other'];

function wire(dialog, form, errorBox, collect, submit) {
  errorBox.hidden = true;
  const cancel = form.querySelector('[data-cancel]');
  const onCancel = () => dialog.close();
  const onSubmit = async (e) => {
    e.preventDefault();
    errorBox.hidden = true;
    const submitButton = form.querySelector('button[type="submit"]');
    submitButton.disabled = true;
    try {
      await submit(collect());
      dialog.close();
    } catch (err) {
      errorBox.textContent = err.message;
      errorBox.hidden = false;
    } finally {
      submitButton.disabled = false;
    }
  };
  cancel.addEventListener('click', onCancel);
  form.addEventListener('submit', onSubmit);
  const opener = document.activeElement;
  dialog.addEventListener('close', () => {
    cancel.removeEventListener('click', onCancel);
    form.removeEventListener('submit', onSubmit);
    if (opener && opener.isConnected && opener.focus) opener.focus();
  }, { once: true });
  dialog.showModal();
}

export function closeDialog(resolutions, submit) {
  const select = $('close-resolution');
  const list = Array.isArray(resolutions) && resolutions.length ? resolutions : DEFAULT_RESOLUTIONS;
  select.replaceChildren(...list.map((r) => {
    const code = typeof r === 'string' ? r : r.code;
    const option = el('option', null, typeof r === 'string' ? r.replace(/_/g, ' ') : r.label || r.code);
    option.value = code;
    return option;
  }));
  $('close-note').value = '';
  wire($('close-dialog'), $('close-form'), $('close-error'),
    () => ({ resolution: select.value, note: $('close-note').value.trim() }), submit);
  select.focus();
}

export function transferDialog(supervisor, submit, agents) {
  $('transfer-to').value = 'queue';
  $('transfer-note').value = '';
  $('transfer-override').checked = false;
  $('transfer-override-row').hidden = !supervisor;
  if (Array.isArray(agents)) {
    $('transfer-agents').replaceChildren(el('option'), ...agents.map((a) => {
      const o = el('option');
      o.value = a;
      return o;
    }));
    $('transfer-agents').firstChild.value = 'queue';
  }
  wire($('transfer-dialog'), $('transfer-form'), $('transfer-error'), () => ({
    to: $('transfer-to').value.trim(),
    note: $('transfer-note').value.trim(),
    override: supervisor && $('transfer-override').checked,
  }), submit);
  $('transfer-to').select();
}
