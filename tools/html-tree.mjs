// Turns the pre-rendered article (Yew SSR output: well-formed HTML, escaped text) into a tree
// the first script builds with createElement: [tag, attributes or 0, ...children], text as
// strings. That keeps the article out of string-to-HTML sinks (innerHTML, DOMParser), which
// hosts with a Trusted Types policy forbid.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'col', 'area']);

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    if (!(name in ENTITIES)) throw new Error(`unknown entity ${whole}`);
    return ENTITIES[name];
  });
}

export function htmlToTree(html) {
  /** @type {any[]} */
  const root = ['#root', 0];
  const stack = [root];
  const token = /<\/([a-zA-Z0-9-]+)\s*>|<([a-zA-Z0-9-]+)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g;
  let match;
  let consumed = 0;
  while ((match = token.exec(html))) {
    if (match.index !== consumed) throw new Error(`unparsed markup at ${consumed}: ${html.slice(consumed, consumed + 40)}`);
    consumed = token.lastIndex;
    const [, close, open, attrs, selfClose, text] = match;
    const parent = stack[stack.length - 1];
    if (text !== undefined) {
      parent.push(decode(text));
    } else if (open) {
      const attributes = {};
      for (const [, name, value] of attrs.matchAll(/\s+([^\s=/>]+)(?:="([^"]*)")?/g)) attributes[name] = decode(value || '');
      const node = [open, Object.keys(attributes).length ? attributes : 0];
      parent.push(node);
      if (!selfClose && !VOID.has(open)) stack.push(node);
    } else {
      const node = stack.pop();
      if (!node || node[0] !== close) throw new Error(`mismatched </${close}>`);
    }
  }
  if (consumed !== html.length || stack.length !== 1) throw new Error('unbalanced markup');
  if (root.length !== 3) throw new Error('expected exactly one root element');
  return root[2];
}

/** The tree back to HTML (for the build's round-trip check). */
export function treeToHtml(node) {
  const escape = (text, quote) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(quote ? /"/g : /$^/, '&quot;');
  if (typeof node === 'string') return escape(node, false);
  const [tag, attributes, ...children] = node;
  const attrs = Object.entries(attributes || {}).map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escape(v, true)}"`)).join('');
  return `<${tag}${attrs}>${children.map(treeToHtml).join('')}</${tag}>`;
}
