// Check 7: Code Analyzer (PMD 7 engine) driven through @salesforce/code-analyzer-core.
// Rules: the Security, Performance, BestPractices and ErrorProne categories plus the
// AppExchange rules (what security review runs), for Apex and metadata XML. Any violation fails;
// so does any file the engine could not parse, since PMD otherwise skips such files silently
// and reports nothing for them. Genuine false positives are suppressed in the code with
// `@SuppressWarnings('PMD.RuleName')` and a comment saying why.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel,
  type EngineLogEvent,
  type LogEvent,
} from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import type { CheckResult, Finding } from '../lib/findings';
import { javaCommandScript, jvmServerAddress } from '../lib/jvm';
import { PACKAGE_DIR, rel } from '../lib/project';

export const RULE_SELECTORS = [
  'pmd:Security',
  'pmd:Performance',
  'pmd:BestPractices',
  'pmd:ErrorProne',
  'pmd:AppExchange',
];

// Rules that do not apply to this project, each with the reason.
const DISABLED_RULES: Record<string, string> = {
  // Debug statements are banned outright by the house style; PMD only wants a logging level on them.
  DebugsShouldUseLoggingLevel: 'no System.debug is allowed at all; the reviewer enforces that',
};

export async function checkCodeAnalyzer(
  root: string,
  targets: string[] = [join(root, PACKAGE_DIR)]
): Promise<CheckResult & { ruleCount: number }> {
  const workFolder = join(root, '.code-analyzer');
  mkdirSync(workFolder, { recursive: true });
  // In npm test's JVM server when it runs (scripts/lib/jvm.ts): the engines start `java_command`
  // with java's arguments, and the script hands them to the server.
  const javaCommand = jvmServerAddress() ? javaCommandScript(workFolder) : undefined;
  const config = CodeAnalyzerConfig.fromObject(
    {
      engines: {
        pmd: javaCommand ? { java_command: javaCommand } : {},
        // No CPD rule is selected (RULE_SELECTORS): the engine would only start, probe java
        // and stop, and that probe is the step that can fail on a loaded machine (see jvmClient).
        cpd: { disable_engine: true },
      },
      log_folder: workFolder,
      root_working_folder: workFolder,
      log_level: LogLevel.Warn,
      // Components are checked by ESLint and @lwc/compiler; PMD's JavaScript parser cannot read
      // the ES2022+ that tsc emits.
      ignores: { files: ['**/lwc/**'] },
      rules: {
        pmd: Object.fromEntries(
          Object.keys(DISABLED_RULES).map((name) => [name, { disabled: true }])
        ),
      },
    },
    root
  );
  const analyzer = new CodeAnalyzer(config);
  const engineErrors: Finding[] = [];
  const onLog = (event: LogEvent | EngineLogEvent): void => {
    if (event.logLevel === LogLevel.Error) {
      engineErrors.push({ file: '.', rule: 'engine-error', message: event.message.slice(0, 2000) });
    }
  };
  analyzer.onEvent<LogEvent>(EventType.LogEvent, onLog);
  analyzer.onEvent<EngineLogEvent>(EventType.EngineLogEvent, onLog);
  await analyzer.addEnginePlugin(createEnginePlugin());
  const workspace = await analyzer.createWorkspace([join(root, PACKAGE_DIR)], targets);
  const selection = await analyzer.selectRules(RULE_SELECTORS, { workspace });
  const results = await analyzer.run(selection, { workspace });
  const findings: Finding[] = [...engineErrors];
  for (const violation of results.getViolations()) {
    const location = violation.getPrimaryLocation();
    findings.push({
      file: location.getFile() ? rel(root, location.getFile() as string) : '.',
      line: location.getStartLine(),
      rule: `pmd:${violation.getRule().getName()}`,
      message: violation.getMessage().trim(),
    });
  }
  return {
    findings,
    ruleCount: selection.getCount(),
    summary: `${selection.getCount()} PMD rules (${RULE_SELECTORS.join(', ')})`,
  };
}
