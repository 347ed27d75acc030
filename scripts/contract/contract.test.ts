// The contract between the Apex DTOs, the published OpenAPI description with its examples, and
// the TypeScript declarations the components use. Apex cannot run here, so the Apex classes are
// parsed and compared field by field.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { Validator } from '@seriousme/openapi-schema-validator';
import {
  exampleFiles,
  type Operation,
  OPENAPI_FILE,
  operationsById,
  parseExampleName,
  readExample,
  readOpenApi,
} from '../../client/tools/openapi';
import { schemaValidator } from './openapi';
import {
  apexClasses,
  compareShapes,
  schemaShape,
  tsInterfaces,
  type Shape,
  type ShapeResolvers,
} from './shapes';
import { packageFiles } from '../lib/project';

const ROOT = resolve(__dirname, '..', '..');
const document = readOpenApi();
const schemas = document.components.schemas as Record<string, Parameters<typeof schemaShape>[0]>;

/** Response DTOs: Apex class (or Outer.Inner) -> OpenAPI component schema. */
const REST_RESPONSE_CONTRACTS: [apexFile: string, apexClass: string, schema: string][] = [
  [
    'force-app/main/ingest/classes/ConversationsResponse.cls',
    'ConversationsResponse',
    'ConversationsResponse',
  ],
  [
    'force-app/main/ingest/classes/ConversationResult.cls',
    'ConversationResult',
    'ConversationResult',
  ],
  ['force-app/main/ingest/classes/FieldError.cls', 'FieldError', 'FieldError'],
  ['force-app/main/settings/classes/SettingsResponse.cls', 'SettingsResponse', 'SettingsResponse'],
  ['force-app/main/lookup/classes/LookupResponse.cls', 'LookupResponse', 'LookupResponse'],
  ['force-app/main/lookup/classes/LookupResult.cls', 'LookupResult', 'LookupResult'],
  [
    'force-app/main/reconcile/classes/ReconcileResponse.cls',
    'ReconcileResponse',
    'ReconcileResponse',
  ],
  ['force-app/main/reconcile/classes/ReconcileResult.cls', 'ReconcileResult', 'ReconcileResult'],
  ['force-app/main/lookup/classes/LookupField.cls', 'LookupField', 'LookupField'],
  ['force-app/main/changes/classes/ChangesResponse.cls', 'ChangesResponse', 'ChangesResponse'],
  ['force-app/main/changes/classes/RecordChange.cls', 'RecordChange', 'RecordChange'],
];
/** Request schemas read by a parser class through string keys. */
const REST_REQUEST_CONTRACTS: [parserFile: string, schemas: string[]][] = [
  [
    'force-app/main/ingest/classes/ConversationRequestParser.cls',
    ['ConversationsRequest', 'Conversation', 'Person', 'Message'],
  ],
  ['force-app/main/lookup/classes/LookupRequestParser.cls', ['LookupRequest']],
  [
    'force-app/main/reconcile/classes/ReconcileRequestParser.cls',
    ['ReconcileRequest', 'HeldConversation', 'HeldMessage'],
  ],
];
/** Query strings read by a parser class (`params.get('name')`): parser -> path and verb. */
const REST_QUERY_CONTRACTS: [parserFile: string, path: string, method: 'get'][] = [
  ['force-app/main/changes/classes/ChangesRequestParser.cls', '/v1/changes', 'get'],
];
/** Component DTOs: every exported interface must match an inner class of the controller. */
const LWC_CONTRACTS: [tsFile: string, apexFile: string][] = [
  [
    'types/dto/conversationHistory.ts',
    'force-app/main/history/classes/ConversationHistoryController.cls',
  ],
  ['types/dto/setup.ts', 'force-app/main/setup/classes/SetupModel.cls'],
];

function allApexShapes(): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  for (const path of packageFiles(ROOT)) {
    if (path.endsWith('.cls') && path.includes('/main/')) {
      for (const [name, cls] of apexClasses(path, { auraEnabledOnly: false }))
        shapes.set(name, cls.shape);
    }
  }
  return shapes;
}

describe('OpenAPI description', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(OPENAPI_FILE);
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  });

  const validate = schemaValidator(document);
  const operations = operationsById(document);
  const files = exampleFiles();

  it('has examples for every operation', () => {
    for (const operationId of operations.keys()) {
      assert.ok(
        files.some((f) => f.startsWith(`${operationId}.`)),
        `no example for ${operationId}`
      );
    }
  });

  for (const file of files) {
    it(`example ${file} validates against its schema`, () => {
      const example = parseExampleName(file);
      assert.ok(
        example,
        `${file} is not named <operationId>.<name>.request.json or .response.<status>.json`
      );
      const operation = operations.get(example.operationId);
      assert.ok(operation, `${file}: no operation ${example.operationId}`);
      const schema = example.status
        ? operation.responses[example.status]?.content?.['application/json']?.schema
        : operation.requestBody?.content['application/json']?.schema;
      assert.ok(schema, `${file}: the operation documents no JSON body for it`);
      const problems = validate(schema, readExample(file));
      assert.equal(problems, undefined, `${file}: ${problems ?? ''}`);
    });
  }
});

describe('Apex REST DTOs and the OpenAPI schemas name the same fields', () => {
  const apex = allApexShapes();
  const restResolvers: ShapeResolvers = {
    apex: (name) => apex.get(name),
    other: (name) => (schemas[name] ? schemaShape(schemas[name], schemas) : undefined),
  };
  for (const [file, apexClass, schemaName] of REST_RESPONSE_CONTRACTS) {
    it(`${apexClass} matches #/components/schemas/${schemaName}`, () => {
      const cls = apexClasses(join(ROOT, file), { auraEnabledOnly: false }).get(apexClass);
      assert.ok(cls, `${file} declares no class ${apexClass}`);
      const schema = schemas[schemaName];
      assert.ok(schema, `no schema ${schemaName}`);
      assert.deepEqual(
        compareShapes(apexClass, cls.shape, schemaShape(schema, schemas), restResolvers),
        []
      );
    });
  }
  for (const [file, names] of REST_REQUEST_CONTRACTS) {
    it(`${file} reads exactly the request properties of ${names.join(', ')}`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const documented = new Set<string>();
      const collect = (shape: Shape): void => {
        for (const [name, { type }] of shape) {
          documented.add(name);
          const inner = type.kind === 'array' ? type.items : type;
          if (inner.kind === 'object' && inner.name === '(inline)' && inner.shape)
            collect(inner.shape);
        }
      };
      for (const name of names) collect(schemaShape(schemas[name] ?? {}, schemas));
      const read = new Set(
        [...text.matchAll(/(?:At\(\s*\w+,\s*|\.get\(\s*)'(\w+)'/g)].map((m) => m[1] as string)
      );
      assert.deepEqual(
        [...documented].filter((n) => !read.has(n)).sort(),
        [],
        'documented but never read by the parser'
      );
      assert.deepEqual(
        [...read].filter((n) => !documented.has(n)).sort(),
        [],
        'read by the parser but not documented'
      );
    });
  }
});

/** The webhook the package calls (OpenAPI `webhooks`): Apex body DTO -> component schema. */
const WEBHOOK_CONTRACTS: [apexFile: string, apexClass: string, schema: string][] = [
  ['force-app/main/webhooks/classes/WebhookPayload.cls', 'WebhookPayload', 'WebhookPayload'],
  ['force-app/main/webhooks/classes/WebhookChange.cls', 'WebhookChange', 'WebhookChange'],
];
const WEBHOOK_EXAMPLES = join(ROOT, 'docs/api/examples/webhooks');

describe('the change webhook: the body Apex sends is the one the description documents', () => {
  const apex = allApexShapes();
  const resolvers: ShapeResolvers = {
    apex: (name) => apex.get(name),
    other: (name) => (schemas[name] ? schemaShape(schemas[name], schemas) : undefined),
  };
  const webhooks = (document as unknown as { webhooks?: Record<string, Record<string, Operation>> })
    .webhooks;
  const delivery = webhooks?.changeDelivery?.post;

  it('documents changeDelivery as a POST of WebhookPayload', () => {
    assert.ok(delivery, 'no webhooks.changeDelivery.post in the description');
    assert.deepEqual(delivery.requestBody?.content['application/json']?.schema, {
      $ref: '#/components/schemas/WebhookPayload',
    });
  });
  for (const [file, apexClass, schemaName] of WEBHOOK_CONTRACTS) {
    it(`${apexClass} matches #/components/schemas/${schemaName}`, () => {
      const cls = apexClasses(join(ROOT, file), { auraEnabledOnly: false }).get(apexClass);
      assert.ok(cls, `${file} declares no class ${apexClass}`);
      const schema = schemas[schemaName];
      assert.ok(schema, `no schema ${schemaName}`);
      assert.deepEqual(
        compareShapes(apexClass, cls.shape, schemaShape(schema, schemas), resolvers),
        []
      );
    });
  }
  it('limits a batch to what the service sends at most', () => {
    const service = readFileSync(
      join(ROOT, 'force-app/main/webhooks/classes/WebhookDeliveryService.cls'),
      'utf8'
    );
    const batch = /BATCH_SIZE = (\d+);/.exec(service)?.[1];
    const attempts = /MAX_ATTEMPTS = (\d+);/.exec(service)?.[1];
    const payload = schemas.WebhookPayload as { properties: { changes: { maxItems: number } } };
    const change = schemas.WebhookChange as { properties: { attempt: { maximum: number } } };
    assert.equal(String(payload.properties.changes.maxItems), batch, 'batch size');
    assert.equal(String(change.properties.attempt.maximum), attempts, 'attempts');
  });
  const validate = schemaValidator(document);
  for (const file of readdirSync(WEBHOOK_EXAMPLES).filter((f) => f.endsWith('.json'))) {
    it(`example webhooks/${file} validates against WebhookPayload`, () => {
      assert.ok(file.startsWith('changeDelivery.'), `${file} names no webhook`);
      const example = JSON.parse(readFileSync(join(WEBHOOK_EXAMPLES, file), 'utf8')) as unknown;
      const problems = validate({ $ref: '#/components/schemas/WebhookPayload' }, example);
      assert.equal(problems, undefined, `${file}: ${problems ?? ''}`);
    });
  }
});

describe('query parameters: what a parser reads is what the description documents', () => {
  for (const [file, path, method] of REST_QUERY_CONTRACTS) {
    it(`${file} reads exactly the query parameters of GET ${path}`, () => {
      const operation = (document.paths[path] as Record<string, unknown> | undefined)?.[method] as
        { parameters?: { name: string; in: string }[] } | undefined;
      assert.ok(operation, `no ${method} ${path} in the description`);
      const documented = (operation.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
      const text = readFileSync(join(ROOT, file), 'utf8');
      const read = [...new Set([...text.matchAll(/\.get\(\s*'(\w+)'\s*\)/g)].map((m) => m[1]))];
      assert.deepEqual(read.sort(), documented);
    });
  }
});

describe('component DTOs: TypeScript declarations and Apex @AuraEnabled classes agree', () => {
  for (const [tsFile, apexFile] of LWC_CONTRACTS) {
    const interfaces = tsInterfaces(join(ROOT, tsFile));
    const classes = apexClasses(join(ROOT, apexFile), { auraEnabledOnly: true });
    const dtoClasses = [...classes.values()].filter((c) => c.shape.size > 0);
    it(`${tsFile} declares an interface for every DTO of ${apexFile}`, () => {
      assert.deepEqual(
        dtoClasses
          .map((c) => c.name)
          .filter((n) => !interfaces.has(n))
          .sort(),
        []
      );
    });
    for (const [name, shape] of interfaces) {
      it(`interface ${name} matches Apex ${name}`, () => {
        const cls = classes.get(name);
        assert.ok(cls, `${apexFile} has no inner class ${name}`);
        assert.deepEqual(
          compareShapes(name, cls.shape, shape, {
            apex: (n) => classes.get(n)?.shape,
            other: (n) => interfaces.get(n),
          }),
          []
        );
      });
    }
  }
});

describe('limits the server and the client share', () => {
  const apexRequest = readFileSync(
    join(ROOT, 'force-app/main/core/classes/KondoRestRequest.cls'),
    'utf8'
  );
  it('the client never batches a body the server refuses as BODY_TOO_LARGE', async () => {
    const { DEFAULT_MAX_REQUEST_BYTES } = await import('../../client/src/batching');
    const apexLimit = /MAX_BODY_BYTES\s*=\s*(\d+)\s*;/.exec(apexRequest)?.[1];
    assert.ok(apexLimit, 'KondoRestRequest declares MAX_BODY_BYTES');
    assert.equal(DEFAULT_MAX_REQUEST_BYTES, Number(apexLimit));
    const responses = document.paths['/v1/conversations']?.post?.responses as
      Record<string, { description?: string }> | undefined;
    const described = responses?.['413']?.description;
    assert.match(String(described), /BODY_TOO_LARGE/);
    assert.match(String(described), new RegExp(Number(apexLimit).toLocaleString('en-US')));
  });

  /** An `Integer NAME = 123;` constant of an Apex class. */
  function apexInteger(file: string, name: string): number {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const value = new RegExp(`Integer ${name}\\s*=\\s*(\\d+)\\s*;`).exec(text)?.[1];
    assert.ok(value, `${file} declares ${name}`);
    return Number(value);
  }

  it('the client pushes at most as many conversations a request as the parser takes', async () => {
    const { MAX_CONVERSATIONS_PER_REQUEST } = await import('../../client/src/batching');
    assert.equal(
      MAX_CONVERSATIONS_PER_REQUEST,
      apexInteger(
        'force-app/main/ingest/classes/ConversationRequestParser.cls',
        'MAX_CONVERSATIONS'
      )
    );
  });

  it('the client reconciles within ReconcileRequestParser’s limits, as the description states them', async () => {
    const { MAX_RECONCILE_CONVERSATIONS, MAX_RECONCILE_MESSAGES } =
      await import('../../client/src/batching');
    const parser = 'force-app/main/reconcile/classes/ReconcileRequestParser.cls';
    const maxConversations = apexInteger(parser, 'MAX_CONVERSATIONS');
    const maxMessages = apexInteger(parser, 'MAX_MESSAGES');
    assert.equal(MAX_RECONCILE_CONVERSATIONS, maxConversations);
    assert.equal(MAX_RECONCILE_MESSAGES, maxMessages);
    const request = schemas.ReconcileRequest as {
      properties: Record<string, { maxItems?: number }>;
    };
    assert.equal(request.properties.conversations?.maxItems, maxConversations);
    const operation = document.paths['/v1/conversations/reconcile']?.post as
      { description?: string; responses: Record<string, { description?: string }> } | undefined;
    const messages = maxMessages.toLocaleString('en-US');
    assert.match(String(operation?.description), new RegExp(`${messages} message ids`));
    const tooLarge = String(operation?.responses['413']?.description);
    assert.match(tooLarge, new RegExp(`TOO_MANY_MESSAGES \\(more than ${messages} message ids\\)`));
    assert.match(tooLarge, /BODY_TOO_LARGE/);
  });
});

describe('privacy levels are spelled the same in Apex, TypeScript and the API', () => {
  it('ConversationPrivacy constants = the TypeScript union = the OpenAPI enum', () => {
    const apex = readFileSync(
      join(ROOT, 'force-app/main/privacy/classes/ConversationPrivacy.cls'),
      'utf8'
    );
    const apexLevels = ['SHARED', 'RESTRICTED', 'METADATA_ONLY'].map(
      (name) => new RegExp(`String ${name} = '([^']+)'`).exec(apex)?.[1]
    );
    const ts = readFileSync(join(ROOT, 'types/dto/conversationHistory.ts'), 'utf8');
    const union = /type ConversationPrivacy =([^;]+);/.exec(ts)?.[1] ?? '';
    const tsLevels = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const conversation = schemas.Conversation as {
      properties: Record<string, { enum?: unknown[] }>;
    };
    const apiLevels = (conversation.properties.privacy?.enum ?? []).filter((v) => v !== null);
    assert.deepEqual(tsLevels, apexLevels);
    assert.deepEqual(apiLevels, apexLevels);
  });
});

describe('settings values: one list in Apex, a union in TypeScript, an enum in the API', () => {
  const apex = readFileSync(
    join(ROOT, 'force-app/main/settings/classes/KondoSettings.cls'),
    'utf8'
  );
  const setupTs = readFileSync(join(ROOT, 'types/dto/setup.ts'), 'utf8');
  const constants = new Map(
    [...apex.matchAll(/static final String (\w+) = '([^']*)';/g)].map((m) => [m[1], m[2]])
  );
  function apexList(name: string): string[] {
    const body = new RegExp(`${name} = new List<String>\\{([^}]*)\\}`).exec(apex)?.[1] ?? '';
    return body
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
      .map((item) => constants.get(item) ?? `unknown constant ${item}`);
  }
  function tsUnion(name: string): string[] {
    const union = new RegExp(`type ${name} =([^;]+);`).exec(setupTs)?.[1] ?? '';
    return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
  }
  const settings = schemas.SettingsResponse as {
    properties: Record<string, { enum?: string[] }>;
  };
  for (const [list, union, property] of [
    ['CREATE_AS_VALUES', 'CreateAs', 'createAs'],
    ['ACCOUNT_RULE_VALUES', 'AccountRule', null],
    ['MATCH_PRIORITY_VALUES', 'MatchPriority', 'matchPriority'],
    ['SYNC_FREQUENCY_VALUES', 'SyncFrequency', 'syncFrequency'],
    ['PRIVACY_VALUES', 'DefaultPrivacy', 'defaultPrivacy'],
    ['OVERWRITE_POLICY_VALUES', 'OverwritePolicy', null],
    ['DUPLICATE_RULE_MODE_VALUES', 'DuplicateRuleMode', null],
  ] as const) {
    it(`KondoSettings.${list} = ${union}${property ? ` = SettingsResponse.${property}` : ''}`, () => {
      const values = apexList(list);
      assert.ok(values.length > 0, `${list} is declared`);
      assert.deepEqual([...tsUnion(union)].sort(), [...values].sort());
      if (property) {
        assert.deepEqual(
          [...(settings.properties[property]?.enum ?? [])].sort(),
          [...values].sort()
        );
      }
    });
  }
});

describe('the @AuraEnabled methods, types/apex.d.ts and the workbench list name the same calls', () => {
  /** `Class.method` -> parameter names and return type, from the controllers' source. */
  function auraMethods(): Map<string, { params: string[]; returns: string }> {
    const found = new Map<string, { params: string[]; returns: string }>();
    for (const file of packageFiles(ROOT).filter(
      (f) => f.endsWith('.cls') && f.includes('/main/')
    )) {
      const source = readFileSync(file, 'utf8');
      const className = /class (\w+)/.exec(source)?.[1] ?? '';
      const pattern = /@AuraEnabled(?:\([^)]*\))?\s+public static ([\w.<>, ]+?) (\w+)\(([^)]*)\)/g;
      for (const match of source.matchAll(pattern)) {
        const [, returnType = '', method = '', paramList = ''] = match;
        const params = paramList
          .split(',')
          .map((p) => p.trim().split(/\s+/).pop() ?? '')
          .filter(Boolean);
        found.set(`${className}.${method}`, { params, returns: tsTypeOf(returnType) });
      }
    }
    return found;
  }
  function tsTypeOf(apexType: string): string {
    const list = /^List<(.+)>$/.exec(apexType.trim());
    if (list) return `${tsTypeOf(list[1] as string)}[]`;
    const plain = apexType.trim().split('.').pop() ?? '';
    return /^(String|Id)$/.test(plain) ? 'string' : plain;
  }
  /** `Class.method` -> parameter names and return type, from the module declarations. */
  function declaredMethods(): Map<string, { params: string[]; returns: string }> {
    const file = join(ROOT, 'types/apex.d.ts');
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true
    );
    const found = new Map<string, { params: string[]; returns: string }>();
    source.forEachChild((node) => {
      if (!ts.isModuleDeclaration(node) || !ts.isStringLiteral(node.name)) return;
      const name = node.name.text.replace('@salesforce/apex/', '');
      const interfaces = new Map<string, string[]>();
      let declared: { params: string[]; returns: string } | undefined;
      node.body?.forEachChild((member) => {
        if (ts.isInterfaceDeclaration(member)) {
          interfaces.set(
            member.name.text,
            member.members.map((m) => m.name?.getText() ?? '').filter(Boolean)
          );
        }
        if (ts.isVariableStatement(member)) {
          const type = member.declarationList.declarations[0]?.type;
          const fn = type && ts.isIntersectionTypeNode(type) ? type.types[0] : type;
          const inner = fn && ts.isParenthesizedTypeNode(fn) ? fn.type : fn;
          if (inner && ts.isFunctionTypeNode(inner)) {
            const paramType = inner.parameters[0]?.type;
            const params = !paramType
              ? []
              : ts.isTypeLiteralNode(paramType)
                ? paramType.members.map((m) => m.name?.getText() ?? '')
                : (interfaces.get(paramType.getText()) ?? [`unresolved ${paramType.getText()}`]);
            const promised = ts.isTypeReferenceNode(inner.type)
              ? (inner.type.typeArguments?.[0]?.getText() ?? '')
              : inner.type.getText();
            declared = { params, returns: promised };
          }
        }
      });
      found.set(name, declared ?? { params: ['no default export found'], returns: '' });
    });
    return found;
  }
  const apex = auraMethods();
  const declared = declaredMethods();

  it('every @AuraEnabled method has a declaration, and every declaration a method', () => {
    assert.deepEqual([...declared.keys()].sort(), [...apex.keys()].sort());
  });
  for (const [name, method] of apex) {
    it(`${name}: the same parameters and return type`, () => {
      const typed = declared.get(name);
      assert.ok(typed, `types/apex.d.ts declares ${name}`);
      assert.deepEqual([...typed.params].sort(), [...method.params].sort(), 'parameter names');
      assert.equal(typed.returns, method.returns, 'return type');
    });
  }
  it('the workbench lists exactly the declared methods', () => {
    const workbench = readFileSync(join(ROOT, 'workbench/src/apexMethods.ts'), 'utf8');
    const listed = [...workbench.matchAll(/^\s+'([\w.]+)': typeof/gm)].map((m) => m[1]);
    assert.deepEqual([...listed].sort(), [...declared.keys()].sort());
  });
});
