// DOM helpers. Every piece of data reaches the page as a text node: citizen text is untrusted,
// so nothing here (or anywhere in the desk) assigns innerHTML.

export const $ = (id) => document.getElementById(id);

/** An element with classes and children; strings become text nodes, null/undefined are skipped. */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function button(label, className, onClick, title) {
  const b = el('button', className, label);
  b.type = 'button';
  if (title) b.title = title;
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

/** A clone of a <template>'s first element. */
export function fromTemplate(id) {
  return $(id).content.firstElementChild.cloneNode(true);
}

/** The first descendant with that data-part name: templates mark their parts that way. */
export function part(root, name) {
  return root.querySelector('[data-part="' + name + '"]');
}

export function show(node, visible) {
  node.hidden = !visible;
}

/** A table body filled from rows of cells (strings or nodes). */
export function fillTable(tbody, rows, emptyText, columns) {
  if (!rows.length) {
    const td = el('td', 'empty', emptyText);
    td.colSpan = columns;
    tbody.replaceChildren(el('tr', null, td));
    return;
  }
  tbody.replaceChildren(...rows.map((cells) => {
    const tr = el('tr');
    for (const cell of cells) tr.append(cell instanceof HTMLTableCellElement ? cell : el('td', null, cell));
    return tr;
  }));
}
