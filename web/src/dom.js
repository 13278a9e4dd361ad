// h('tag', {attribute: value, onclick: fn}, child, ...): text children are text nodes, never HTML,
// so nothing from an agreement or a log is ever parsed as markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// The little Markdown the language server's hover uses (paragraphs, `code`, **bold**, *italic*,
// --- rules, fenced blocks), as DOM nodes: never through innerHTML.
export function markdown(text) {
  const out = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const code = [];
      while (++i < lines.length && !lines[i].startsWith('```')) code.push(lines[i]);
      out.push(h('pre', {}, code.join('\n')));
    } else if (/^\s*---+\s*$/.test(line)) {
      out.push(h('hr'));
    } else if (line.trim()) {
      out.push(h('p', {}, inline(line)));
    }
  }
  return out;
}

function inline(text) {
  const parts = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    if (m[1] !== undefined) parts.push(h('code', {}, m[1]));
    else if (m[2] !== undefined) parts.push(h('strong', {}, m[2]));
    else parts.push(h('em', {}, m[3]));
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
