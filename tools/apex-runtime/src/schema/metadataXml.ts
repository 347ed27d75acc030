// Reading Metadata API source files (`*-meta.xml`) into plain objects, shared by the schema
// loader and the org rules. Each caller names the tags that repeat in its documents, so a tag
// is an array exactly where that document type allows it to repeat.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

export type Xml = Record<string, unknown>;

/** A reader of one family of documents: `read(file, root)` returns the root element. */
export function metadataReader(
  arrayTags: ReadonlySet<string>
): (file: string, root: string) => Xml {
  const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => arrayTags.has(name),
  });
  return (file, root) => {
    const node = (xml.parse(readFileSync(file, 'utf8')) as Xml)[root];
    if (!node || typeof node !== 'object') {
      throw new Error(`${file}: expected a <${root}> document`);
    }
    return node as Xml;
  };
}

/** A child element's text; null when absent or not text. */
export function str(node: Xml, key: string): string | null {
  const v = node[key];
  return v === undefined || v === null || typeof v === 'object' ? null : String(v);
}

export function bool(node: Xml, key: string, fallback = false): boolean {
  const v = str(node, key);
  return v === null ? fallback : v.toLowerCase() === 'true';
}

export function num(node: Xml, key: string, fallback = 0): number {
  const v = str(node, key);
  return v === null || v === '' ? fallback : Number(v);
}

/** The child elements of one name. */
export function list(node: Xml, key: string): Xml[] {
  const v = node[key];
  const all = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  return all.filter((x): x is Xml => typeof x === 'object' && x !== null);
}

/** The texts of a repeated text element. */
export function texts(node: Xml, key: string): string[] {
  const v = node[key];
  const all = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  return all.filter((x) => typeof x === 'string') as string[];
}
