// Builds the workbench page with LWC open source: rollup + @lwc/rollup-plugin compile the
// components of force-app/ (their TypeScript transpiled file by file exactly as tsc emits it for the
// package, see lwcCompilerOptions), `lightning-*` tags come from the lightning-base-components
// package, and platform modules (`@salesforce/apex/...`, labels, toasts) resolve to the
// workbench's sample-data modules. Output: workbench/dist (git-ignored).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup, type Plugin, type RollupLog } from 'rollup';
import ts from 'typescript';
import { customLabelValues } from '../../scripts/lib/labels';
import { lwcBundles } from '../../scripts/lib/project';
import { readCatalog, type Catalog } from './catalog';

export const ROOT = resolve(__dirname, '..', '..');
export const DIST = join(ROOT, 'workbench', 'dist');
const SRC = join(ROOT, 'workbench', 'src');
const LBC_SCOPED_IMPORTS = join(ROOT, 'node_modules', 'lightning-base-components', 'scopedImports');
const CATALOG_ID = 'virtual:workbench-catalog';
const VIRTUAL = '\0workbench:';

export interface BuildOptions {
  /** 'development' keeps LWC's dev-mode checks (the tests); 'production' is what the platform runs (the benchmark). */
  mode: 'development' | 'production';
  outDir?: string;
  /**
   * More pages' scripts, built beside main.js as `<name>.js` (the benchmark's floor page), with
   * the components only they import (`c/<name>` at `path`, a .ts beside its .html).
   */
  extraEntries?: { name: string; input: string }[];
  extraModules?: { name: string; path: string }[];
}

export interface BuildResult {
  outDir: string;
  catalog: Catalog;
  seconds: number;
}

/** Platform modules that neither the package nor lightning-base-components provide. */
const PLATFORM_MODULES: Record<string, string> = {
  '@salesforce/apex': join(SRC, 'platform', 'apex.ts'),
  '@salesforce/user/Id': join(SRC, 'platform', 'user.ts'),
  'lightning/platformShowToastEvent': join(SRC, 'platform', 'showToastEvent.ts'),
};

/**
 * Base components the lightning-base-components package does not ship, each standing in for the
 * platform's with the same public API (workbench/lightning/<name>).
 */
const BASE_COMPONENT_STAND_INS = ['recordPicker'].map((name) => ({
  name: `lightning/${name}`,
  path: join(ROOT, 'workbench', 'lightning', name, `${name}.ts`),
}));

// The compiler options tsconfig.lwc.json emits the deployed .js with. It sets isolatedModules,
// so transpiling one file at a time gives the same JavaScript as `npm run build`.
function lwcCompilerOptions(): ts.CompilerOptions {
  const configFile = join(ROOT, 'tsconfig.lwc.json');
  const config = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, configFile);
  return parsed.options;
}

function catalogModule(catalog: Catalog): string {
  const lines: string[] = [];
  const items: string[] = [];
  catalog.bundles.forEach((bundle, index) => {
    lines.push(`import component${index} from 'c/${bundle.name}';`);
    if (bundle.entryFile) {
      lines.push(`import entry${index} from ${JSON.stringify(bundle.entryFile)};`);
    }
    items.push(
      `{ name: ${JSON.stringify(bundle.name)}, tag: ${JSON.stringify(bundle.tag)}, ` +
        `folder: ${JSON.stringify(bundle.folder)}, component: component${index}, ` +
        `entry: ${bundle.entryFile ? `entry${index}` : 'undefined'} }`
    );
  });
  lines.push(`export const catalog = [\n  ${items.join(',\n  ')}\n];`);
  return lines.join('\n');
}

function workbenchPlugin(catalog: Catalog): Plugin {
  const compilerOptions = lwcCompilerOptions();
  const labels = customLabelValues(ROOT);
  return {
    name: 'kondo-workbench',
    resolveId(source) {
      if (source === CATALOG_ID) {
        return `${VIRTUAL}catalog`;
      }
      if (source.startsWith('@salesforce/apex/')) {
        return `${VIRTUAL}apex:${source.slice('@salesforce/apex/'.length)}`;
      }
      if (/^@salesforce\/label\/(c|kondo)\./.test(source)) {
        return `${VIRTUAL}label:${source.replace(/^@salesforce\/label\/(c|kondo)\./, '')}`;
      }
      if (source.startsWith('@salesforce/customPermission/')) {
        return `${VIRTUAL}customPermission`;
      }
      if (source.startsWith('@salesforce/schema/')) {
        return `${VIRTUAL}schema:${source.slice('@salesforce/schema/'.length)}`;
      }
      if (/^lightning\/iconSvgTemplates\w+Rtl$/.test(source)) {
        // Right-to-left icon sets: the workbench is left-to-right (@salesforce/i18n/dir), and
        // leaving out their ~2,000 templates halves the build.
        return `${VIRTUAL}rtlIcons`;
      }
      if (source.startsWith('@salesforce/i18n/')) {
        // The base components ship the platform's i18n values for en-US; the package's
        // components read the same ones.
        const file = join(LBC_SCOPED_IMPORTS, `${source.replace(/\//g, '-')}.js`);
        return existsSync(file) ? file : null;
      }
      return PLATFORM_MODULES[source] ?? null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) {
        return null;
      }
      const [kind, name = ''] = id.slice(VIRTUAL.length).split(/:(.*)/s);
      switch (kind) {
        case 'catalog':
          return catalogModule(catalog);
        case 'apex':
          return (
            `import { apexMethod } from ${JSON.stringify(join(SRC, 'apexRuntime.ts'))};\n` +
            `export default apexMethod(${JSON.stringify(name)});`
          );
        case 'label': {
          const value = labels.get(name);
          if (value === undefined) {
            this.error(
              `@salesforce/label/c.${name}: no such custom label under force-app/**/labels`
            );
          }
          return `export default ${JSON.stringify(value)};`;
        }
        case 'rtlIcons':
          return 'export default {};';
        case 'customPermission':
          // The workbench user holds every custom permission; a state can still answer NO_ACCESS.
          return 'export default true;';
        case 'schema': {
          const [objectApiName, ...fieldPath] = name.split('.');
          return `export default ${JSON.stringify(
            fieldPath.length > 0
              ? { objectApiName, fieldApiName: fieldPath.join('.') }
              : { objectApiName }
          )};`;
        }
        default:
          return null;
      }
    },
    transform(code, id) {
      // Component ids carry the alias as a query (`...ts?specifier=c/name`).
      const fileName = id.split('?')[0] ?? id;
      if (!fileName.endsWith('.ts') || fileName.endsWith('.d.ts') || id.startsWith('\0')) {
        return null;
      }
      const output = ts.transpileModule(code, { compilerOptions, fileName });
      return { code: output.outputText, map: null };
    },
  };
}

// As on the platform: base components such as lightning-combobox attach ElementInternals under
// synthetic shadow.
const LWC_OPTIONS = { enableSyntheticElementInternals: true };

// The LWC compiler is most of the build time, nearly all of it on the base components, which
// never change between builds: their compiled output is kept in workbench/.cache, keyed by the
// file's content, the compiler version and its options.
const CACHE_DIR = join(ROOT, 'workbench', '.cache', 'lwc');
const LWC_VERSION = (
  JSON.parse(
    readFileSync(join(ROOT, 'node_modules', '@lwc', 'compiler', 'package.json'), 'utf8')
  ) as { version: string }
).version;

function cachedTransforms(plugin: Plugin): Plugin {
  const transform = plugin.transform as (
    this: unknown,
    code: string,
    id: string
  ) => { code: string; map?: unknown } | null | undefined;
  mkdirSync(CACHE_DIR, { recursive: true });
  return {
    ...plugin,
    transform(code, id) {
      if (!id.includes(`${sep}node_modules${sep}`)) {
        return transform.call(this, code, id);
      }
      const key = createHash('sha256')
        .update(`${LWC_VERSION}\0${JSON.stringify(LWC_OPTIONS)}\0${id}\0${code}`)
        .digest('hex');
      const file = join(CACHE_DIR, `${key}.js`);
      if (existsSync(file)) {
        return { code: readFileSync(file, 'utf8'), map: null };
      }
      const result = transform.call(this, code, id);
      if (result) {
        // Written aside and renamed, so that a build running at the same time never reads half a file.
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, result.code);
        renameSync(partial, file);
      }
      return result ? { code: result.code, map: null } : result;
    },
  } as Plugin;
}

function failOnUnresolved(log: RollupLog): void {
  if (log.code === 'UNRESOLVED_IMPORT') {
    throw new Error(
      `${log.message}\nThe workbench has no module for it: platform modules go in ` +
        'workbench/src/platform and PLATFORM_MODULES in workbench/lib/build.ts (see workbench/README.md).'
    );
  }
}

export async function buildWorkbench(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const outDir = options.outDir ?? DIST;
  const catalog = readCatalog(ROOT);
  if (catalog.orphanEntries.length > 0) {
    throw new Error(
      `workbench/components has entries for no component with a template: ${catalog.orphanEntries.join(', ')}`
    );
  }
  const extraEntries = options.extraEntries ?? [];
  const bundle = await rollup({
    input: {
      main: join(SRC, 'main.ts'),
      ...Object.fromEntries(extraEntries.map((entry) => [entry.name, entry.input])),
    },
    onwarn(warning, warn) {
      failOnUnresolved(warning);
      // The base components' own template warnings are not ours to fix; the package's are shown.
      const fromDependency = (warning.id ?? warning.loc?.file ?? '').includes('node_modules');
      if (!fromDependency && warning.code !== 'CIRCULAR_DEPENDENCY') {
        warn(warning);
      }
    },
    plugins: [
      workbenchPlugin(catalog),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify(options.mode),
          'import.meta.env.SSR': 'false',
        },
      }),
      cachedTransforms(
        lwc({
          rootDir: SRC,
          ...LWC_OPTIONS,
          // The workbench's own modules are plain TypeScript, not components; its stand-ins for
          // base components the package lacks (workbench/lightning) are components.
          exclude: [
            `${join(ROOT, 'workbench')}/{src,components,fixtures,lib,tests}/**`,
            ...extraEntries.map((entry) => entry.input),
          ],
          // c/<name> for every module of the package, template-less ones (kondoErrors) included.
          modules: [
            ...lwcModuleSources().map((module) => ({
              name: `c/${module.name}`,
              path: module.path,
            })),
            ...BASE_COMPONENT_STAND_INS,
            ...(options.extraModules ?? []).map((module) => ({
              name: `c/${module.name}`,
              path: module.path,
            })),
            { npm: 'lightning-base-components' },
          ],
        })
      ),
      nodeResolve({ extensions: ['.ts', '.mjs', '.js'] }),
    ],
  });
  rmSync(outDir, { recursive: true, force: true });
  await bundle.write({
    dir: join(outDir, 'assets'),
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunk-[hash].js',
    sourcemap: options.mode === 'development',
  });
  await bundle.close();
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(SRC, 'workbench.css'), join(outDir, 'assets', 'workbench.css'));
  writeFileSync(join(outDir, 'index.html'), indexHtml());
  return { outDir, catalog, seconds: (Date.now() - started) / 1000 };
}

function lwcModuleSources(): { name: string; path: string }[] {
  return lwcBundles(ROOT)
    .map((bundle) => ({ name: bundle.name, path: join(bundle.folder, `${bundle.name}.ts`) }))
    .filter((module) => existsSync(module.path));
}

function indexHtml(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Kondo workbench</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css" />
    <link rel="stylesheet" href="/assets/workbench.css" />
  </head>
  <body>
    <script type="module" src="/assets/main.js"></script>
  </body>
</html>
`;
}

if (require.main === module) {
  const mode = process.argv.includes('--production') ? 'production' : 'development';
  buildWorkbench({ mode }).then(
    (result) =>
      console.log(
        `workbench built in ${result.seconds.toFixed(1)} s: ${dirname(result.outDir)}/dist`
      ),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  );
}
