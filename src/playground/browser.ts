/**
 * The slice of the browser DOM that the page scripts (client/*.ts) use, as types only.
 *
 * Why not TypeScript's `dom` library: the project compiles as one Node program, and a
 * `/// <reference lib="dom" />` in one file would make `document` and the DOM's fetch types
 * global for the server code too (it breaks the fake Discord's typings). These interfaces stay
 * local to the script; the browser tests check them against the real thing.
 */

export interface DomEvent {
  readonly target: unknown;
  preventDefault(): void;
}

export interface DomKeyboardEvent extends DomEvent {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly isComposing: boolean;
}

export interface DomMouseEvent extends DomEvent {
  readonly clientX: number;
  readonly clientY: number;
}

export interface DomNode {
  textContent: string | null;
}

export interface DomElement extends DomNode {
  id: string;
  className: string;
  title: string;
  hidden: boolean;
  scrollTop: number;
  readonly tagName: string;
  readonly dataset: Record<string, string | undefined>;
  readonly style: { background: string; borderLeftColor: string; height: string; left: string; top: string };
  readonly classList: { add(token: string): void; remove(token: string): void; contains(token: string): boolean; toggle(token: string, force?: boolean): boolean };
  readonly offsetWidth: number;
  readonly offsetHeight: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  appendChild<T extends DomNode>(node: T): T;
  replaceChildren(...nodes: DomNode[]): void;
  replaceWith(node: DomNode): void;
  remove(): void;
  setAttribute(name: string, value: string): void;
  contains(node: unknown): boolean;
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  scrollIntoView(options: { block: 'nearest' }): void;
  focus(): void;
  addEventListener(type: 'keydown', listener: (event: DomKeyboardEvent) => void): void;
  addEventListener(type: 'click' | 'mousedown' | 'contextmenu', listener: (event: DomMouseEvent) => void): void;
  addEventListener(type: 'input' | 'blur' | 'change' | 'scroll' | 'submit', listener: (event: DomEvent) => void): void;
}

export interface DomAnchor extends DomElement {
  href: string;
  target: string;
  rel: string;
}

export interface DomButton extends DomElement {
  type: string;
  disabled: boolean;
}

export interface DomTextArea extends DomElement {
  value: string;
  placeholder: string;
  maxLength: number;
  required: boolean;
  setSelectionRange(start: number, end: number): void;
}

export interface DomInput extends DomElement {
  value: string;
  placeholder: string;
  maxLength: number;
  minLength: number;
  required: boolean;
  type: string;
}

export interface DomSelect extends DomElement {
  value: string;
  readonly options: ArrayLike<DomElement> & Iterable<DomElement>;
}

/** Elements by tag name, for the ones with properties of their own. */
export interface DomTags {
  a: DomAnchor;
  button: DomButton;
  textarea: DomTextArea;
  input: DomInput;
  select: DomSelect;
  [tag: string]: DomElement;
}

export interface DomDocument {
  title: string;
  readonly body: DomElement;
  createElement(tag: string): DomElement;
  createElementNS(namespace: string, tag: string): DomElement;
  createTextNode(text: string): DomNode;
  getElementById(id: string): DomElement | null;
  addEventListener(type: 'keydown', listener: (event: DomKeyboardEvent) => void): void;
  addEventListener(type: 'click', listener: (event: DomMouseEvent) => void): void;
}

export interface DomWindow {
  readonly location: { readonly href: string };
  readonly innerWidth: number;
  readonly innerHeight: number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

export interface DomWebSocket {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

export interface DomWebSocketClass {
  new (url: string): DomWebSocket;
  readonly OPEN: number;
}

/** The browser globals the script reads. */
export interface BrowserGlobals {
  readonly document: DomDocument;
  readonly window: DomWindow;
  readonly WebSocket: DomWebSocketClass;
}
