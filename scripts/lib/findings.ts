// One shape for what every check reports, so the runner and the planted-defect tests read
// results the same way.
export interface Finding {
  file: string;
  line?: number;
  rule: string;
  message: string;
}

export interface CheckResult {
  findings: Finding[];
  /** One line on what was checked, e.g. "38 classes, 2 triggers". */
  summary: string;
}

export function formatFinding(finding: Finding): string {
  const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
  return `${where}  [${finding.rule}] ${finding.message}`;
}
