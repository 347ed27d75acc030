// Parses Apex with @apexdevtools/apex-parser and gives the checks a few tree helpers.
import {
  ApexErrorListener,
  ApexParserFactory,
  type ApexParser,
  type CompilationUnitContext,
  type TriggerUnitContext,
} from '@apexdevtools/apex-parser';
import type {
  ApexParserRuleContext as ParserRuleContext,
  ApexParseTree as ParseTree,
} from '@apexdevtools/apex-parser';

export interface ApexSyntaxProblem {
  line: number;
  column: number;
  message: string;
}

class CollectingErrorListener extends ApexErrorListener {
  readonly problems: ApexSyntaxProblem[] = [];

  apexSyntaxError(line: number, column: number, message: string): void {
    this.problems.push({ line, column, message });
  }
}

export interface ParsedApex {
  tree: CompilationUnitContext | TriggerUnitContext;
  problems: ApexSyntaxProblem[];
  parser: ApexParser;
}

// Several checks of one npm test run parse the same sources; a parse depends on the text and
// the kind alone, so it is kept for the process (about 5 s of parsing for the package).
const parsedByText = new Map<string, ParsedApex>();

export function parseApex(text: string, kind: 'class' | 'trigger'): ParsedApex {
  const key = `${kind}\u0000${text}`;
  const cached = parsedByText.get(key);
  if (cached) {
    return cached;
  }
  const listener = new CollectingErrorListener();
  const { parser } = ApexParserFactory.createLexerAndParser(text, listener);
  const tree = kind === 'class' ? parser.compilationUnit() : parser.triggerUnit();
  const parsed = { tree, problems: listener.problems, parser };
  parsedByText.set(key, parsed);
  return parsed;
}

/** Parses a SOQL statement held in a string (dynamic SOQL), e.g. 'SELECT Id FROM Contact'. */
export function parseSoql(text: string): {
  tree: ParserRuleContext;
  problems: ApexSyntaxProblem[];
} {
  const listener = new CollectingErrorListener();
  const { parser } = ApexParserFactory.createLexerAndParser(text, listener);
  const tree = parser.query();
  return { tree, problems: listener.problems };
}

export function children(node: ParseTree): ParseTree[] {
  // Terminal nodes have no children; rule nodes keep theirs in `children`.
  return node instanceof Object && 'children' in node
    ? ((node as ParserRuleContext).children ?? [])
    : [];
}

/** Depth-first list of every node below (and including) `node`. */
export function descendants(node: ParseTree): ParseTree[] {
  const found: ParseTree[] = [node];
  for (const child of children(node)) {
    found.push(...descendants(child));
  }
  return found;
}

export function ruleName(node: ParseTree): string {
  return node.constructor.name.replace(/Context$/, '');
}

export function lineOf(node: ParseTree): number {
  const start = (node as ParserRuleContext).start;
  return start ? start.line : 0;
}

/** Every node of the given rule (by class name without `Context`) below `node`. */
export function findRules(node: ParseTree, name: string): ParserRuleContext[] {
  return descendants(node).filter((n) => ruleName(n) === name) as ParserRuleContext[];
}
