// Walks the element tree office-addin-manifest's parser (xml2js) returns: attributes under `$`, children
// as arrays under their tag name (prefix kept, e.g. `bt:Image`), text under `_` or as a plain string.
import { getXmlAttributeValue } from 'office-addin-manifest';

export interface XmlElement {
  $?: Record<string, string>;
  _?: string;
  [tag: string]: unknown;
}

/** Every element under `node` (not `node` itself) with its tag name, depth first. */
export function* elements(node: XmlElement): Generator<[string, XmlElement]> {
  for (const [tag, value] of Object.entries(node)) {
    if (tag === '$' || tag === '_' || !Array.isArray(value)) continue;
    for (const child of value as (XmlElement | string)[]) {
      const element = typeof child === 'string' ? { _: child } : child;
      yield [tag, element];
      yield* elements(element);
    }
  }
}

/** The elements named `tag` anywhere under `node`. */
export function descendants(node: XmlElement, tag: string): XmlElement[] {
  return [...elements(node)].filter(([name]) => name === tag).map(([, element]) => element);
}

export const attribute = (node: XmlElement | undefined, name: string): string | undefined =>
  node ? (getXmlAttributeValue(node, name) as string | undefined) : undefined;

export const text = (node: XmlElement): string => (node._ ?? '').trim();
