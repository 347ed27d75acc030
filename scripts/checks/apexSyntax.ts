// Check 5: every Apex class and trigger parses.
import { parseApex } from '../lib/apex';
import type { CheckResult, Finding } from '../lib/findings';
import { apexSources, rel } from '../lib/project';

export function checkApexSyntax(root: string): CheckResult {
  const findings: Finding[] = [];
  const sources = apexSources(root);
  for (const source of sources) {
    for (const problem of parseApex(source.text, source.kind).problems) {
      findings.push({
        file: rel(root, source.path),
        line: problem.line,
        rule: 'apex-syntax',
        message: `column ${problem.column}: ${problem.message}`,
      });
    }
  }
  const classes = sources.filter((s) => s.kind === 'class').length;
  return { findings, summary: `${classes} classes, ${sources.length - classes} triggers parsed` };
}
