// Part of check 9 (metadata): the package's Flows, which neither the source converter nor the
// local Apex runtime reads (no Flow runs offline). A Flow naming an object or field that does
// not exist, or connecting to an element it does not have, deploys with an error or not at all,
// so each is checked against the package schema and the standard field list:
// - the start element's object (a platform event for a platform-event-triggered flow) and the
//   object of every Get, Create, Update and Delete Records element exist;
// - every `$Record.<field>` (in references, formulas and text) is a field of the start object;
// - every field a record element filters on, assigns or queries is a field of its object;
// - every connector targets an element of the flow;
// - a packaged flow ships as an inactive template (`isTemplate`, status Draft): an admin saves a
//   copy and activates that, and the package never starts automation on its own.
// Flow metadata: Metadata API Developer Guide, "Flow" (FlowStart, FlowRecordUpdate ...).
import { basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Finding } from '../lib/findings';
import { read, rel } from '../lib/project';
import type { SchemaIndex } from './fieldReferences';

const RECORD_ELEMENTS = ['recordLookups', 'recordCreates', 'recordUpdates', 'recordDeletes'];
const NODE_ELEMENTS = [
  'actionCalls',
  'assignments',
  'collectionProcessors',
  'customErrors',
  'decisions',
  'loops',
  'recordCreates',
  'recordDeletes',
  'recordLookups',
  'recordRollbacks',
  'recordUpdates',
  'screens',
  'subflows',
  'transforms',
  'waits',
];

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    NODE_ELEMENTS.includes(name) ||
    ['filters', 'inputAssignments', 'queriedFields', 'rules', 'conditions', 'formulas'].includes(
      name
    ),
});

type Node = Record<string, unknown>;

function nodes(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : value === undefined ? [] : [value as Node];
}

function text(node: Node, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

/** Every value under `key` anywhere in the tree (connectors nest in rules, loops, faults). */
function collect(value: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) {
      collect(item, key, out);
    }
  } else if (value && typeof value === 'object') {
    for (const [name, child] of Object.entries(value as Node)) {
      if (name === key && typeof child === 'string') {
        out.push(child);
      } else {
        collect(child, key, out);
      }
    }
  }
  return out;
}

/** The findings for one flow file. */
export function checkFlow(root: string, file: string, index: SchemaIndex): Finding[] {
  const findings: Finding[] = [];
  const push = (rule: string, message: string): void => {
    findings.push({ file: rel(root, file), rule, message });
  };
  const source = read(file);
  const flow = (parser.parse(source) as { Flow?: Node }).Flow ?? {};
  const name = basename(file, '.flow-meta.xml');

  if (text(flow, 'isTemplate') !== 'true' || text(flow, 'status') !== 'Draft') {
    push(
      'flow-not-inactive-template',
      `flow ${name} must ship as an inactive template (isTemplate true, status Draft): an admin activates a copy`
    );
  }

  const start = (flow.start ?? {}) as Node;
  const startObject = text(start, 'object');
  if (startObject !== undefined && !index.knowsObject(startObject)) {
    push('flow-unknown-object', `the start element names ${startObject}, which does not exist`);
  }
  for (const match of source.matchAll(/\$Record\.([A-Za-z0-9_]+)/g)) {
    const field = match[1] as string;
    if (startObject === undefined) {
      push('flow-unknown-field', `$Record.${field} in a flow with no start object`);
    } else if (index.knowsObject(startObject) && !index.hasField(startObject, field)) {
      push('flow-unknown-field', `$Record.${field} is not a field of ${startObject}`);
    }
  }

  for (const kind of RECORD_ELEMENTS) {
    for (const element of nodes(flow[kind])) {
      const object = text(element, 'object');
      const label = `${kind} ${text(element, 'name') ?? '(unnamed)'}`;
      if (object === undefined) {
        continue;
      }
      if (!index.knowsObject(object)) {
        push('flow-unknown-object', `${label} names ${object}, which does not exist`);
        continue;
      }
      const fields = [
        ...nodes(element.filters).map((f) => text(f, 'field')),
        ...nodes(element.inputAssignments).map((a) => text(a, 'field')),
        ...nodes(element.queriedFields).map((q) => (typeof q === 'string' ? q : undefined)),
      ];
      for (const field of fields) {
        if (field !== undefined && !index.hasField(object, field)) {
          push('flow-unknown-field', `${label} names ${object}.${field}, which does not exist`);
        }
      }
    }
  }

  const elements = new Set(
    NODE_ELEMENTS.flatMap((kind) => nodes(flow[kind]).map((element) => text(element, 'name')))
  );
  for (const target of collect(flow, 'targetReference')) {
    if (!elements.has(target)) {
      push('flow-missing-element', `a connector targets ${target}, which the flow does not have`);
    }
  }
  return findings;
}

/** Every flow of the package. */
export function checkFlows(root: string, files: string[], index: SchemaIndex): Finding[] {
  return files
    .filter((file) => file.endsWith('.flow-meta.xml'))
    .flatMap((file) => checkFlow(root, file, index));
}
