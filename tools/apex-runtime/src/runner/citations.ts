// What a test method says it checks: the comment lines right above its `@IsTest`. The
// conformance suite cites a documentation page on each method and marks with `// assumed:`
// an expectation no document states; each run lists those (the index is read from the source,
// so it cannot drift from it).
import type { ClassDecl } from '../parse/ast';

export interface Citation {
  className: string;
  methodName: string;
  /** The page cited: `Apex Reference Guide: String Class, split(regExp)`. */
  source: string | null;
  /** Why the expectation is assumed, when it is. */
  assumed: string | null;
}

/** The citation of each method in a class's source, keyed by method name (lower-cased). */
export function citationsOf(decl: ClassDecl, text: string): Map<string, Citation> {
  const lines = text.split('\n');
  const out = new Map<string, Citation>();
  for (const m of decl.methods) {
    // The comment block ends above the method's annotations.
    // i stays within the file: it starts on the line above the method's, and only goes up.
    let i = m.pos.line - 2;
    while (i >= 0 && /^\s*@/.test(lines[i]!)) {
      i--;
    }
    const block: string[] = [];
    while (i >= 0 && /^\s*\/\//.test(lines[i]!)) {
      block.unshift(lines[i]!.replace(/^\s*\/\/\s?/, ''));
      i--;
    }
    const assumedAt = block.findIndex((l) => l.startsWith('assumed:'));
    const sourceLines = assumedAt >= 0 ? block.slice(0, assumedAt) : block;
    out.set(m.name.toLowerCase(), {
      className: decl.name,
      methodName: m.name,
      source: sourceLines.length ? sourceLines.join(' ').trim() : null,
      assumed:
        assumedAt >= 0
          ? block
              .slice(assumedAt)
              .join(' ')
              .replace(/^assumed:\s*/, '')
              .trim()
          : null,
    });
  }
  return out;
}
