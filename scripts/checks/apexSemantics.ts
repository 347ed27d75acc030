// Check 6: Apex semantics through apex-ls (the checker bundled in Code Analyzer's PMD engine,
// which carries the platform's standard types). Policy: every Error, Syntax or Missing
// diagnostic and every Warning fails the check; Unused diagnostics are listed but do not fail,
// because apex-ls reports every public member of a global REST DTO and every @AuraEnabled
// method as unused (their callers live outside Apex), while genuinely dead locals and
// parameters are caught by PMD's unused-code rules in check 7.
import { resolve } from 'node:path';
import { exec } from '../lib/exec';
import type { CheckResult, Finding } from '../lib/findings';
import { javaTool } from '../lib/jvm';
import { rel } from '../lib/project';

const FAILING = new Set(['Syntax', 'Error', 'Missing', 'Warning']);

interface ApexLsReport {
  files: {
    path: string;
    messages: { start: { line: number }; category: string; message: string }[];
  }[];
}

export function checkApexSemantics(
  root: string,
  toolRoot: string = process.cwd()
): CheckResult & { unused: Finding[] } {
  // In npm test's JVM server when it runs (scripts/lib/jvm.ts), which serves its own folder:
  // the workspace is passed as an absolute path, so the folder it runs from does not matter.
  const java = javaTool(toolRoot, 'io.github.apexdevtools.apexls.CheckForIssues');
  const result = exec(
    java.command,
    [...java.args, '-n', '-f', 'json', '-d', 'unused', '-w', resolve(root)],
    { cwd: toolRoot }
  );
  // Exit codes: 0 clean, 4 errors, 5-7 warnings or unused only; 1 and 3 are the tool failing.
  if (![0, 4, 5, 6, 7].includes(result.status)) {
    return {
      findings: [
        {
          file: '.',
          rule: 'apex-ls-failed',
          message: `apex-ls exited ${result.status}: ${result.stderr || result.stdout}`.slice(
            0,
            2000
          ),
        },
      ],
      unused: [],
      summary: 'apex-ls did not run',
    };
  }
  const jsonStart = result.stdout.indexOf('{');
  const report: ApexLsReport =
    jsonStart >= 0 ? (JSON.parse(result.stdout.slice(jsonStart)) as ApexLsReport) : { files: [] };
  const findings: Finding[] = [];
  const unused: Finding[] = [];
  for (const file of report.files) {
    for (const message of file.messages) {
      const finding = {
        file: rel(root, file.path),
        line: message.start.line,
        rule: `apex-ls:${message.category}`,
        message: message.message,
      };
      (FAILING.has(message.category) ? findings : unused).push(finding);
    }
  }
  if (result.status !== 0 && findings.length === 0 && unused.length === 0) {
    findings.push({
      file: '.',
      rule: 'apex-ls-failed',
      message: `apex-ls exited ${result.status} without diagnostics: ${result.stdout.slice(0, 500)}`,
    });
  }
  return {
    findings,
    unused,
    summary: `apex-ls: ${findings.length} failing diagnostics, ${unused.length} unused (informational)`,
  };
}
