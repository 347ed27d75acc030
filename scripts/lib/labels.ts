// The project's Custom Labels, read from every `*.labels-meta.xml` under the package directory
// (each feature keeps its own: force-app/main/<feature>/labels). One reader for everything that
// needs their values: Jest (jest.setup.js), the workbench build, the label type declarations
// (scripts/tools/labelTypes.ts) and the metadata check.
import { XMLParser } from 'fast-xml-parser';
import { packageFiles, read, rel } from './project';

export interface CustomLabel {
  /** The label's API name (`Setup_Save`), as `@salesforce/label/c.<name>` and `System.Label.<name>` name it. */
  name: string;
  value: string;
  shortDescription: string;
  /** The labels file that defines it, relative to the project root. */
  file: string;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'labels',
});

interface LabelNode {
  fullName?: string;
  value?: string;
  shortDescription?: string;
}

export function labelFiles(root: string): string[] {
  return packageFiles(root).filter((path) => path.endsWith('.labels-meta.xml'));
}

export function readCustomLabels(root: string): CustomLabel[] {
  const labels: CustomLabel[] = [];
  for (const file of labelFiles(root)) {
    const parsed = parser.parse(read(file)) as { CustomLabels?: { labels?: LabelNode[] } };
    for (const label of parsed.CustomLabels?.labels ?? []) {
      labels.push({
        name: String(label.fullName ?? '').trim(),
        value: String(label.value ?? ''),
        shortDescription: String(label.shortDescription ?? '').trim(),
        file: rel(root, file),
      });
    }
  }
  return labels;
}

/** The labels by name: what a component's `@salesforce/label/c.<name>` import resolves to. */
export function customLabelValues(root: string): Map<string, string> {
  return new Map(readCustomLabels(root).map((label) => [label.name, label.value]));
}
