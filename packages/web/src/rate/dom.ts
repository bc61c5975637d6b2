/**
 * The rating page's whole view layer: elements from a tag, attributes (`on…` are listeners) and
 * children. Text goes in as text nodes, never as HTML, so nothing a rater or a unit typed can run.
 */
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | undefined | ((ev: Event) => unknown)>;

export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export function mount(root: HTMLElement, ...children: Child[]): void {
  root.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}
