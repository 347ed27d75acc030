// Part of the metadata check (metadata.ts): Lightning pages (FlexiPages) that the source
// converter accepts but an org would reject or render wrong. The converter does not look
// inside a FlexiPage, so a misspelt component, a property the component does not have, a value
// outside its range or a region the template lacks would only show in an org.
//
// Every page must use a template from TEMPLATES, put its Region-type regions in that
// template's regions, and name either a standard component from STANDARD_COMPONENTS or one of
// the package's Lightning web components. A package component must be exposed, list the
// page type's target, allow the page's object, and every property the page sets must exist in
// the bundle's targetConfig for that target, with a value of its type inside its min/max.
//
// Neither the Metadata API Developer Guide (FlexiPage) nor the LWC Developer Guide lists the
// region names of the standard templates or the names of the standard components; the tables
// below cite the Salesforce-published sources that show them. A name used for the first time
// needs a row here, with its source.
import { basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { CheckResult, Finding } from '../lib/findings';
import { lwcBundles, packageFiles, read, rel } from '../lib/project';

/** A standard page template: the page type it serves and the regions it defines. */
export interface TemplateInfo {
  pageType: string;
  regions: string[];
  source: string;
}

// Sources:
//  - @salesforce/templates 66.17.2 (the generator behind `sf template generate flexipage`,
//    installed with @salesforce/cli): lib/templates/flexipage/RecordPage/_flexipage.flexipage-meta.xml
//  - trailheadapps/dreamhouse-lwc and trailheadapps/lwc-recipes (Salesforce sample apps):
//    force-app/main/default/flexipages/Contact_Record_Page.flexipage-meta.xml
//  - jongpie/NebulaLogger: nebula-logger/recipes/flexipages/Logger_Recipes_App_Page.flexipage-meta.xml
// The Metadata API Developer Guide page "FlexiPage" documents the fields (template,
// flexiPageRegions, sobjectType) but names no template's regions; no documentation page found
// does.
export const TEMPLATES: Record<string, TemplateInfo> = {
  'flexipage:recordHomeTemplateDesktop': {
    pageType: 'RecordPage',
    regions: ['header', 'main', 'sidebar'],
    source:
      '@salesforce/templates RecordPage template; dreamhouse-lwc and lwc-recipes Contact_Record_Page',
  },
  'flexipage:defaultAppHomeTemplate': {
    pageType: 'AppPage',
    regions: ['main'],
    source: 'NebulaLogger Logger_Recipes_App_Page; this package Kondo_Setup',
  },
};

// Standard components by their FlexiPage componentName, with where each is shown in use.
export const STANDARD_COMPONENTS: Record<string, string> = {
  'force:highlightsPanel': 'dreamhouse-lwc and lwc-recipes Contact_Record_Page (header)',
  'force:detailPanel': 'dreamhouse-lwc and lwc-recipes Contact_Record_Page (Details tab)',
  'force:relatedListContainer':
    '@salesforce/templates RecordPage; dreamhouse-lwc Contact_Record_Page (Related tab)',
  'force:relatedListSingleContainer': 'dreamhouse-lwc Contact_Record_Page',
  'flexipage:tabset': '@salesforce/templates RecordPage; dreamhouse-lwc Contact_Record_Page',
  'flexipage:tab': '@salesforce/templates RecordPage; dreamhouse-lwc Contact_Record_Page',
  'flexipage:fieldSection': '@salesforce/templates RecordPage (Dynamic Forms section)',
  'flexipage:column': '@salesforce/templates RecordPage (Dynamic Forms column)',
  'record_flexipage:dynamicHighlights': '@salesforce/templates RecordPage (header)',
  'runtime_sales_activities:activityPanel':
    '@salesforce/templates RecordPage; dreamhouse-lwc Contact_Record_Page (Activity tab)',
  'forceChatter:recordFeedContainer': 'dreamhouse-lwc Contact_Record_Page (Collaborate tab)',
};

// The LWC target a page type's components need (LWC Developer Guide: "lightning__RecordPage
// Target", "lightning__AppPage Target", "lightning__HomePage Target").
export const PAGE_TARGETS: Record<string, string> = {
  RecordPage: 'lightning__RecordPage',
  AppPage: 'lightning__AppPage',
  HomePage: 'lightning__HomePage',
};

/** A component placed on a page, where it sits and what the page sets on it. */
export interface PlacedComponent {
  componentName: string;
  region: string;
  properties: Map<string, string>;
}

export interface FlexiPageInfo {
  file: string;
  name: string;
  type: string;
  sobjectType: string | undefined;
  template: string;
  masterLabel: string;
  description: string | undefined;
  regions: { name: string; type: string }[];
  components: PlacedComponent[];
}

interface BundleProperty {
  name: string;
  type: string;
  min?: string;
  max?: string;
  required?: string;
  default?: string;
  datasource?: string;
}

interface BundleTargetConfig {
  targets: string[];
  properties: Map<string, BundleProperty>;
  objects: string[];
}

interface BundleInfo {
  name: string;
  exposed: boolean;
  targets: string[];
  configs: BundleTargetConfig[];
}

const ARRAY_TAGS = new Set([
  'flexiPageRegions',
  'itemInstances',
  'componentInstanceProperties',
  'valueListItems',
  'target',
  'targetConfig',
  'property',
  'object',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ARRAY_TAGS.has(name),
});

type XmlNode = Record<string, unknown>;

function node(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null ? (value as XmlNode) : {};
}

function list(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.map(node) : value === undefined ? [] : [node(value)];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.trim();
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The text of each element of a repeated simple element (`<target>`, `<object>`). */
function texts(value: unknown): string[] {
  const values: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map(text).filter((item): item is string => Boolean(item));
}

export function parseFlexiPage(file: string): FlexiPageInfo {
  const page = node(node(parser.parse(read(file))).FlexiPage);
  const regions = list(page.flexiPageRegions);
  const components: PlacedComponent[] = [];
  for (const region of regions) {
    for (const item of list(region.itemInstances)) {
      const instance = node(item.componentInstance);
      const componentName = text(instance.componentName);
      if (!componentName) {
        continue;
      }
      const properties = new Map<string, string>();
      for (const property of list(instance.componentInstanceProperties)) {
        const name = text(property.name);
        if (name) {
          properties.set(name, text(property.value) ?? '');
        }
      }
      components.push({
        componentName,
        region: text(region.name) ?? '',
        properties,
      });
    }
  }
  return {
    file,
    name: basename(file, '.flexipage-meta.xml'),
    type: text(page.type) ?? '',
    sobjectType: text(page.sobjectType),
    template: text(node(page.template).name) ?? '',
    masterLabel: text(page.masterLabel) ?? '',
    description: text(page.description),
    regions: regions.map((region) => ({
      name: text(region.name) ?? '',
      type: text(region.type) ?? '',
    })),
    components,
  };
}

function parseBundle(name: string, file: string): BundleInfo {
  const bundle = node(node(parser.parse(read(file))).LightningComponentBundle);
  const configs = list(node(bundle.targetConfigs).targetConfig).map((config) => ({
    targets: (text(config.targets) ?? '')
      .split(',')
      .map((target) => target.trim())
      .filter(Boolean),
    properties: new Map(
      list(config.property).map((property) => {
        const attributes = Object.fromEntries(
          Object.entries(property).map(([key, value]) => [key, text(value) ?? ''])
        ) as unknown as BundleProperty;
        return [attributes.name, attributes];
      })
    ),
    objects: texts(node(config.objects).object),
  }));
  return {
    name,
    exposed: text(bundle.isExposed) === 'true',
    targets: texts(node(bundle.targets).target),
    configs,
  };
}

/** The bundle name a componentName refers to when it is a package component, else undefined. */
export function localComponentName(componentName: string, namespace: string): string | undefined {
  const [prefix, name] = componentName.includes(':')
    ? componentName.split(':', 2)
    : [undefined, componentName];
  if (prefix === undefined || prefix === 'c' || (namespace !== '' && prefix === namespace)) {
    return name;
  }
  return undefined;
}

function projectNamespace(root: string): string {
  try {
    const project = JSON.parse(read(`${root}/sfdx-project.json`)) as { namespace?: string };
    return project.namespace ?? '';
  } catch {
    return '';
  }
}

function checkValue(property: BundleProperty, value: string): string | undefined {
  if (property.type === 'Integer') {
    if (!/^-?\d+$/.test(value)) {
      return `is ${JSON.stringify(value)}, not an Integer`;
    }
    const number = Number(value);
    if (property.min !== undefined && number < Number(property.min)) {
      return `is ${value}, under its min ${property.min}`;
    }
    if (property.max !== undefined && number > Number(property.max)) {
      return `is ${value}, over its max ${property.max}`;
    }
  }
  if (property.type === 'Boolean' && value !== 'true' && value !== 'false') {
    return `is ${JSON.stringify(value)}, not true or false`;
  }
  if (
    property.type === 'String' &&
    property.datasource !== undefined &&
    !property.datasource.startsWith('apex://')
  ) {
    const allowed = property.datasource.split(',').map((option) => option.trim());
    if (!allowed.includes(value)) {
      return `is ${JSON.stringify(value)}, not one of its datasource values ${allowed.join(', ')}`;
    }
  }
  return undefined;
}

function checkLocalComponent(
  page: FlexiPageInfo,
  placed: PlacedComponent,
  bundle: BundleInfo,
  push: (rule: string, message: string) => void
): void {
  const target = PAGE_TARGETS[page.type];
  const label = `component ${placed.componentName}`;
  if (!bundle.exposed) {
    push('flexipage-component-not-exposed', `${label}: its js-meta.xml has no isExposed true`);
  }
  if (!target) {
    return;
  }
  if (!bundle.targets.includes(target)) {
    push(
      'flexipage-component-target',
      `${label} does not list ${target} in its targets (it lists ${bundle.targets.join(', ') || 'none'})`
    );
    return;
  }
  const config = bundle.configs.find((candidate) => candidate.targets.includes(target));
  if (config && page.sobjectType && config.objects.length > 0) {
    if (!config.objects.includes(page.sobjectType)) {
      push(
        'flexipage-component-object',
        `${label} is not configured for ${page.sobjectType} (its ${target} objects: ${config.objects.join(', ')})`
      );
    }
  }
  for (const [name, value] of placed.properties) {
    const property = config?.properties.get(name);
    if (!property) {
      push(
        'flexipage-unknown-property',
        `${label} sets ${name}, which its ${target} targetConfig does not define`
      );
      continue;
    }
    const problem = checkValue(property, value);
    if (problem) {
      push('flexipage-property-value', `${label}: ${name} ${problem}`);
    }
  }
  for (const property of config?.properties.values() ?? []) {
    if (
      property.required === 'true' &&
      property.default === undefined &&
      !placed.properties.has(property.name)
    ) {
      push('flexipage-missing-property', `${label}: required ${property.name} is not set`);
    }
  }
}

export function readFlexiPages(root: string): FlexiPageInfo[] {
  return packageFiles(root)
    .filter((file) => file.endsWith('.flexipage-meta.xml'))
    .map(parseFlexiPage);
}

export function checkFlexiPages(root: string): CheckResult {
  const findings: Finding[] = [];
  const namespace = projectNamespace(root);
  const bundles = new Map<string, BundleInfo>();
  for (const bundle of lwcBundles(root)) {
    const meta = bundle.files.find((file) => file.endsWith(`${bundle.name}.js-meta.xml`));
    if (meta) {
      bundles.set(bundle.name, parseBundle(bundle.name, meta));
    }
  }
  const pages = readFlexiPages(root);
  for (const page of pages) {
    const push = (rule: string, message: string): void => {
      findings.push({ file: rel(root, page.file), rule, message });
    };
    const template = TEMPLATES[page.template];
    if (!template) {
      push(
        'flexipage-unknown-template',
        `template ${page.template || '(none)'} is not in the table of known templates in scripts/checks/flexiPages.ts (add it with its regions and source)`
      );
    } else if (template.pageType !== page.type) {
      push(
        'flexipage-template-type',
        `template ${page.template} is for ${template.pageType} pages, this page is ${page.type || '(no type)'}`
      );
    }
    if (page.type === 'RecordPage' && !page.sobjectType) {
      push('flexipage-no-object', 'a RecordPage needs its sobjectType');
    }
    const referenced = new Set(
      page.components.flatMap((placed) => [...placed.properties.values()])
    );
    for (const region of page.regions) {
      if (region.type === 'Region') {
        if (template && !template.regions.includes(region.name)) {
          push(
            'flexipage-unknown-region',
            `region ${region.name} is not a region of ${page.template} (${template.regions.join(', ')})`
          );
        }
      } else if (region.type === 'Facet') {
        if (!referenced.has(region.name)) {
          push('flexipage-orphan-facet', `facet ${region.name} is named by no component property`);
        }
      } else {
        push(
          'flexipage-region-type',
          `region ${region.name} has type ${region.type || '(none)'}, not Region or Facet`
        );
      }
    }
    for (const placed of page.components) {
      const local = localComponentName(placed.componentName, namespace);
      if (local === undefined) {
        if (!(placed.componentName in STANDARD_COMPONENTS)) {
          push(
            'flexipage-unknown-component',
            `${placed.componentName} is not a standard component known to scripts/checks/flexiPages.ts (add it with its source)`
          );
        }
        continue;
      }
      const bundle = bundles.get(local);
      if (!bundle) {
        push(
          'flexipage-unknown-component',
          `${placed.componentName} names no Lightning web component bundle in the package`
        );
        continue;
      }
      checkLocalComponent(page, placed, bundle, push);
    }
  }
  return {
    findings,
    summary: `${pages.length} Lightning pages, ${pages.reduce((n, p) => n + p.components.length, 0)} components`,
  };
}
