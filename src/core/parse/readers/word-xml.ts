/**
 * WordprocessingML parts parsed with @xmldom/xmldom and read namespace-aware: an element is Word's when its
 * namespace is WordprocessingML, whatever prefix the writer chose. xmldom expands no DTD entities, and its
 * complaints about malformed markup are dropped: a part is read as far as it parses, as Word does.
 */
import { DOMParser } from '@xmldom/xmldom';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

const quiet = { warning: () => {}, error: () => {}, fatalError: () => {} };

/** The part's root element, or null when nothing in it parses as XML. */
export function parseXml(xml: string): Element | null {
  try {
    return new DOMParser({ errorHandler: quiet }).parseFromString(xml, 'text/xml')?.documentElement ?? null;
  } catch {
    return null;
  }
}

/** A w: attribute, or null when the element has none (unlike getAttributeNS, which gives ''). */
export function wAttr(el: Element, localName: string): string | null {
  return el.getAttributeNodeNS(W, localName)?.value ?? null;
}

/** The w: descendants named `localName`, in document order. */
export function wDescendants(el: Element, localName: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(W, localName));
}

export interface XmlVisitor {
  /** Return false to skip the element's content (and its leave). */
  enter(el: Element): boolean;
  leave(el: Element): void;
  text(text: string): void;
}

/** Visits the tree in document order without recursion, so a deeply nested part cannot exhaust the stack. */
export function walk(root: Element, visitor: XmlVisitor): void {
  const stack: Array<{ node: Node; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      visitor.text((node as CharacterData).data);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (leaving) {
      visitor.leave(el);
      continue;
    }
    if (!visitor.enter(el)) continue;
    stack.push({ node: el, leaving: true });
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ node: c, leaving: false });
  }
}
