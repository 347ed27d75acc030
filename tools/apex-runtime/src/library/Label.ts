// Custom labels (Apex Reference Guide: Label Class; Salesforce Help: Custom Labels). The labels
// are the project's CustomLabels metadata (`*.labels-meta.xml`), read by the schema.
// - `System.Label.<name>` (or `Label.<name>`) is the label's value in the running user's
//   language; the name is not case-sensitive, like every Apex identifier.
// - `get(namespace, label)` returns the label "for the specified namespace ... and the default
//   language setting"; `get(namespace, label, language)` the label "for the specified
//   language", the master value when no translation exists. A null or empty namespace, or the
//   project's own, names the project's labels.
// The runtime reads no translations (`.translation-meta.xml`): every label answers its master
// value in every language (DIVERGENCES.md). A label the metadata does not define is reported
// unsupported: the platform's compiler rejects `Label.<name>` for it, and what `get` does for
// one is not documented.
import { ApexError } from '../interpreter/errors';
import { defineNative, type CallContext } from '../interpreter/natives';
import type { ApexValue } from '../interpreter/values';
import { stateOf } from '../org/state';

function labelValue(namespace: ApexValue, name: ApexValue, c: CallContext): string {
  if (typeof name !== 'string') {
    throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
  }
  const ns = typeof namespace === 'string' ? namespace : null;
  const label = stateOf(c).customLabel(ns, name);
  if (!label) {
    c.interp.unsupported(
      `System.Label.get(${ns === null ? 'null' : `'${ns}'`}, '${name}'): no custom label of that name in the project's labels metadata`,
      c.pos
    );
  }
  return label.value;
}

defineNative({
  name: 'System.Label',
  dynamicProp: (name: string, c: CallContext) => {
    const label = stateOf(c).customLabel(null, name);
    if (!label) {
      c.interp.unsupported(
        `System.Label.${name}: no custom label of that name in the project's labels metadata (the platform would not compile this reference)`,
        c.pos
      );
    }
    return label.value;
  },
  statics: {
    get: (args, c) => labelValue(args[0] ?? null, args[1] ?? null, c),
  },
});
