// The one way the build steps read and change HTML: parse5 (the WHATWG parsing algorithm, what browsers do)
// into a tree, small tree operations, and parse5's serializer. No step edits HTML as text.
import { readFileSync } from 'node:fs';
import { defaultTreeAdapter as tree, html, parse, parseFragment, serialize } from 'parse5';

export const readPage = (path) => parse(readFileSync(path, 'utf8'));
export { serialize };

/** Every node under `node` in document order (not into <template> contents). */
export function* descendants(node) {
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* descendants(child);
  }
}

/** The elements under `root` named `tag` (any tag if null) for which `test(el)` holds. */
export function elements(root, tag, test = () => true) {
  return [...descendants(root)].filter((n) => tree.isElementNode(n) && (tag == null || n.tagName === tag) && test(n));
}

/** The only element under `root` named `tag` that passes `test`; throws with `what` if there is not exactly one. */
export function one(root, tag, test, what) {
  const found = elements(root, tag, test);
  if (found.length !== 1) throw new Error(`expected exactly one ${what}, found ${found.length}`);
  return found[0];
}

export const head = (doc) => one(doc, 'head', undefined, '<head>');
export const body = (doc) => one(doc, 'body', undefined, '<body>');
/** The app loader (Trunk.toml's pattern_script): the script with data-js (the glue) and data-wasm. */
export const appLoader = (doc) =>
  one(doc, 'script', (e) => hasAttr(e, 'data-js') && hasAttr(e, 'data-wasm'), 'app loader (script with data-js and data-wasm)');

export const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;
export const hasAttr = (el, name) => el.attrs.some((a) => a.name === name);

export function setAttr(el, name, value) {
  const found = el.attrs.find((a) => a.name === name);
  if (found) found.value = value;
  else el.attrs.push({ name, value });
}

export function removeAttr(el, name) {
  el.attrs = el.attrs.filter((a) => a.name !== name);
}

/** `rel` holds `token` (rel is a space-separated list). */
export const relHas = (el, token) => (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).includes(token);

/** A new HTML element with attributes in the given order. */
export function element(tag, attrs = {}) {
  return tree.createElement(tag, html.NS.HTML, Object.entries(attrs).map(([name, value]) => ({ name, value })));
}

/** The text of a <script> or <style> (its raw text children). */
export const textOf = (el) => el.childNodes.filter(tree.isTextNode).map(tree.getTextNodeContent).join('');

export function setText(el, text) {
  for (const c of [...el.childNodes]) tree.detachNode(c);
  tree.insertText(el, text);
}

export const remove = (node) => tree.detachNode(node);
export const append = (parent, node) => tree.appendChild(parent, node);
const insertBefore = (node, ref) => tree.insertBefore(ref.parentNode, node, ref);
function insertAfter(node, ref) {
  const siblings = ref.parentNode.childNodes;
  const next = siblings[siblings.indexOf(ref) + 1];
  if (next) tree.insertBefore(ref.parentNode, node, next);
  else tree.appendChild(ref.parentNode, node);
}

/** Replaces `old` by `node` at the same place, keeping the whitespace around it. */
export function replace(old, node) {
  insertBefore(node, old);
  remove(old);
}

/** Removes an element together with the whitespace-only text just before it (its indentation). */
export function removeLine(el) {
  const siblings = el.parentNode.childNodes;
  const prev = siblings[siblings.indexOf(el) - 1];
  if (prev && tree.isTextNode(prev) && /^\s*$/.test(tree.getTextNodeContent(prev))) remove(prev);
  remove(el);
}

/** Inserts `el` as a new line after `ref`, indented like `ref`. */
export function insertLineAfter(el, ref) {
  const siblings = ref.parentNode.childNodes;
  const prev = siblings[siblings.indexOf(ref) - 1];
  const indent = prev && tree.isTextNode(prev) ? tree.getTextNodeContent(prev).replace(/^[^\n]*/, '') : '\n';
  insertAfter(el, ref);
  insertAfter(tree.createTextNode(indent || '\n'), ref);
}

/** An HTML fragment parsed as the content of `context` (a document fragment node). */
export const parseFragmentIn = (context, source) => parseFragment(context, source);

export const isComment = (node) => tree.isCommentNode(node);
export const commentText = (node) => tree.getCommentNodeContent(node);
