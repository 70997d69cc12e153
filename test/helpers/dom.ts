// Page structure for assertions: parse the HTML an app answered (linkedom) and read it by CSS
// selector, so that a test states what is where, not which bytes the markup happens to have.
import { parseHTML } from 'linkedom';

/**
 * The part of the DOM the tests read. The project compiles without the DOM library (its code runs
 * in Node), so the shape is spelled out here rather than taken from lib.dom.
 */
export interface DomElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

type Root = DomDocument | DomElement;

/** The document of a whole page (or a fragment of one). */
export function parse(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/** Every element the selector finds, in document order. */
export function all(root: Root, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

/** The first element the selector finds; a test that expects it fails here with the selector named. */
export function one(root: Root, selector: string): DomElement {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

/** An element's text as a person reads it: runs of white space as one space, trimmed. */
export function textOf(element: DomElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of each element the selector finds. */
export function texts(root: Root, selector: string): string[] {
  return all(root, selector).map(textOf);
}

/** One attribute of each element the selector finds (null where it is absent). */
export function attrs(root: Root, selector: string, name: string): Array<string | null> {
  return all(root, selector).map((element) => element.getAttribute(name));
}
