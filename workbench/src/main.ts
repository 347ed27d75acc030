// The workbench page: lists every component bundle, shows the chosen one in the chosen state on
// the local org it is served with (its Apex answering as the viewing user), and lets the reader
// switch state, record and user. Plain DOM with SLDS classes, so the page itself adds nothing
// to the components it shows.
// Synthetic shadow first: the base components need it, as on the platform.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { catalog, type CatalogItem } from 'virtual:workbench-catalog';
import { activateState, apexCalls, type ApexCall } from './apexRuntime';
import { connect, query, type LocalOrg, type LocalOrgUser } from './localOrg';
import { SHOW_TOAST_EVENT, type ShowToastEventDetail } from './platform/showToastEvent';
import type { SampleRecord, StateContext, WorkbenchEntry } from './types';

/** What the browser tests and the benchmark read from the page. */
export interface WorkbenchStatus {
  component: string | null;
  state: string | null;
  ready: boolean;
  /** performance.now() just before the component element was inserted. */
  mountedAt: number | null;
  toasts: ShowToastEventDetail[];
  /** The Apex calls made so far, oldest first. */
  apexCalls: ApexCall[];
}

declare global {
  interface Window {
    __workbench: WorkbenchStatus;
  }
}

/** Dispatched on window right after the component is inserted; detail: the element. */
export const MOUNTED_EVENT = 'workbench:mounted';

type Child = Node | string | null | undefined | false;

function h(
  tag: string,
  attributes: Record<string, string> = {},
  children: Child[] = []
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child) {
      element.append(child);
    }
  }
  return element;
}

const params = new URLSearchParams(window.location.search);

function link(values: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  // The viewing user stays as the reader moves around the page.
  for (const [name, value] of Object.entries({
    user: params.get('user') ?? undefined,
    ...values,
  })) {
    if (value) {
      search.set(name, value);
    }
  }
  const query = search.toString();
  return query ? `?${query}` : './';
}

const status: WorkbenchStatus = {
  component: params.get('component'),
  state: null,
  ready: false,
  mountedAt: null,
  toasts: [],
  apexCalls,
};
window.__workbench = status;

function navigation(current: CatalogItem | undefined): HTMLElement {
  const items = catalog.map((item) => {
    const active = item === current;
    return h('li', { class: `slds-nav-vertical__item${active ? ' slds-is-active' : ''}` }, [
      h(
        'a',
        {
          class: 'slds-nav-vertical__action',
          href: link({ component: item.name }),
          ...(active ? { 'aria-current': 'page' } : {}),
        },
        [
          item.name,
          item.entry
            ? null
            : h('span', { class: 'slds-badge slds-badge_lightest slds-m-left_x-small' }, [
                'no sample data yet',
              ]),
        ]
      ),
    ]);
  });
  return h('nav', { class: 'slds-nav-vertical wb-nav', id: 'wb-nav', 'aria-label': 'Components' }, [
    h('div', { class: 'slds-nav-vertical__section' }, [
      h('h2', { class: 'slds-nav-vertical__title', id: 'wb-nav-title' }, ['Components']),
      h('ul', { 'aria-describedby': 'wb-nav-title' }, items),
    ]),
  ]);
}

/** An SLDS table with a caption (visible when a class is given, else for screen readers). */
function table(
  caption: string,
  headers: string[],
  rows: HTMLElement[],
  captionClass = 'slds-assistive-text'
): HTMLElement {
  return h('table', { class: 'slds-table slds-table_bordered slds-table_cell-buffer' }, [
    h('caption', { class: captionClass }, [caption]),
    h('thead', {}, [
      h(
        'tr',
        { class: 'slds-line-height_reset' },
        headers.map((header) => h('th', { scope: 'col' }, [header]))
      ),
    ]),
    h('tbody', {}, rows),
  ]);
}

function code(text: string): HTMLElement {
  return h('code', { class: 'wb-code' }, [text]);
}

/** The first screen: what this is, who is viewing, where the API is, how to push data. */
function orgPanel(org: LocalOrg, viewing: LocalOrgUser): HTMLElement {
  const api = `${org.origin}/services/apexrest/${org.namespace}/v1`;
  const rows = org.users.map((user) =>
    h('tr', {}, [
      h('th', { scope: 'row' }, [
        h('a', { href: link({ user: user.key }) }, [user.name]),
        h('div', { class: 'slds-text-body_small wb-folder' }, [user.key]),
      ]),
      h('td', { class: 'slds-cell-wrap' }, [user.permissionSets.join(', ') || 'none']),
      h('td', { class: 'slds-cell-wrap' }, [user.description]),
    ])
  );
  return h(
    'section',
    {
      class: 'slds-card slds-p-around_medium slds-m-bottom_medium',
      'aria-labelledby': 'wb-org-title',
    },
    [
      h('h2', { class: 'slds-text-heading_medium slds-m-bottom_small', id: 'wb-org-title' }, [
        'Local org',
      ]),
      h('p', { class: 'slds-m-bottom_x-small' }, [
        'The package runs here: its Apex in the local Apex runtime, its metadata and the sample data in a database kept in ',
        code('.local-org/'),
        ' (',
        code('npm start -- --reset'),
        ' starts over). Each component below calls its real Apex as the viewing user: now ',
        h('strong', { class: 'wb-viewing' }, [viewing.name]),
        ` (${viewing.permissionSets.join(', ') || 'no Kondo permission set'}).`,
      ]),
      h('p', { class: 'slds-m-bottom_x-small' }, [
        'Apex REST: ',
        code(`${api}/conversations`),
        ', ',
        code(`${api}/lookup`),
        ', ',
        code(`${api}/settings`),
      ]),
      h('p', { class: 'slds-m-bottom_small' }, [
        'Push conversations: ',
        code(
          `KONDO_ACCESS_TOKEN=$(npm run -s local -- token --user integration) npx kondo-sf push data/sample/conversations.push.json --instance-url ${org.origin}`
        ),
      ]),
      table(
        'Users (pick one to view as)',
        ['User', 'Permission sets', 'Who this is'],
        rows,
        'slds-text-title_caps slds-p-bottom_x-small'
      ),
    ]
  );
}

function overview(): HTMLElement {
  const rows = catalog.map((item) =>
    h('tr', { class: 'slds-hint-parent' }, [
      h('th', { scope: 'row' }, [h('a', { href: link({ component: item.name }) }, [item.name])]),
      h('td', {}, [item.folder]),
      h('td', {}, [
        item.entry
          ? h(
              'ul',
              { class: 'slds-list_horizontal slds-has-dividers_left' },
              Object.entries(item.entry.states).map(([key, state]) =>
                h('li', { class: 'slds-item' }, [
                  h('a', { href: link({ component: item.name, state: key }) }, [state.label]),
                ])
              )
            )
          : h('span', { class: 'slds-badge slds-badge_lightest' }, ['no sample data yet']),
      ]),
    ])
  );
  return h('div', { class: 'slds-card slds-p-around_medium' }, [
    h('p', { class: 'slds-m-bottom_small' }, [
      `${catalog.length} components with a template, built with LWC open source from force-app/. `,
      'Pick one to see it on the local org; each state is a URL of its own.',
    ]),
    table('Components', ['Component', 'Folder', 'States'], rows),
  ]);
}

function errorAlert(text: string): HTMLElement {
  return h('div', { class: 'slds-notify slds-notify_alert slds-alert_error', role: 'alert' }, [
    h('h2', {}, [text]),
  ]);
}

function missingEntry(item: CatalogItem): HTMLElement {
  return h('div', { class: 'slds-notify slds-notify_alert slds-alert_warning', role: 'alert' }, [
    h('h2', {}, [
      `No sample data yet for ${item.name}: add workbench/components/${item.name}.ts `,
      '(see workbench/README.md).',
    ]),
  ]);
}

/** The widths a component can be previewed at, like the regions of a Lightning page. */
const PREVIEW_WIDTHS = {
  sidebar: { label: 'Sidebar', hint: 'a record page’s sidebar, about 400 px' },
  main: { label: 'Main column', hint: 'a record page’s main column, about 640 px' },
  full: { label: 'Full width', hint: 'the whole page: an app page or a tab' },
} as const;

type PreviewWidth = keyof typeof PREVIEW_WIDTHS;

const DECLARED_WIDTHS: Record<NonNullable<WorkbenchEntry['width']>, PreviewWidth> = {
  narrow: 'sidebar',
  medium: 'main',
  wide: 'full',
};

function isPreviewWidth(value: string | null): value is PreviewWidth {
  return value !== null && Object.hasOwn(PREVIEW_WIDTHS, value);
}

/** The width asked for in the URL (`?width=sidebar`), else the one the entry declares. */
function previewWidthOf(entry: WorkbenchEntry): PreviewWidth {
  const requested = params.get('width');
  return isPreviewWidth(requested) ? requested : DECLARED_WIDTHS[entry.width ?? 'medium'];
}

/**
 * SLDS radio button group choosing the stage's width in place (the component keeps its state):
 * the URL is rewritten so that a link or a reload shows the same width.
 */
function widthControl(
  selected: PreviewWidth,
  declared: PreviewWidth,
  onChange: (width: PreviewWidth) => void
): HTMLElement {
  const options = (Object.keys(PREVIEW_WIDTHS) as PreviewWidth[]).map((width) => {
    const { label, hint } = PREVIEW_WIDTHS[width];
    const input = h('input', {
      type: 'radio',
      name: 'wb-width',
      id: `wb-width-${width}`,
      value: width,
    }) as HTMLInputElement;
    input.checked = width === selected;
    input.addEventListener('change', () => {
      if (input.checked) {
        onChange(width);
      }
    });
    return h('span', { class: 'slds-button slds-radio_button', title: hint }, [
      input,
      h('label', { class: 'slds-radio_button__label', for: `wb-width-${width}` }, [
        h('span', { class: 'slds-radio_faux' }, [
          label,
          width === declared
            ? h('span', { class: 'slds-assistive-text' }, [' (the entry’s width)'])
            : null,
        ]),
      ]),
    ]);
  });
  return h('fieldset', { class: 'slds-form-element wb-width' }, [
    h('legend', { class: 'slds-form-element__legend slds-form-element__label' }, ['Preview width']),
    h('div', { class: 'slds-form-element__control' }, [
      h('div', { class: 'slds-radio_button-group' }, options),
    ]),
  ]);
}

/** The width the reader chose (kept by the state and record switches), if any. */
function chosenWidth(): PreviewWidth | undefined {
  const chosen = params.get('width');
  return isPreviewWidth(chosen) ? chosen : undefined;
}

/**
 * Writes the chosen width into the page URL without reloading it, and into the state links,
 * which were drawn before the choice.
 */
function rememberWidth(width: PreviewWidth, links: Iterable<HTMLAnchorElement>): void {
  params.set('width', width);
  const next = new URLSearchParams(window.location.search);
  next.set('width', width);
  window.history.replaceState(null, '', `?${next.toString()}`);
  for (const anchor of links) {
    const target = new URL(anchor.href);
    target.searchParams.set('width', width);
    anchor.setAttribute('href', target.search);
  }
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The header's menu button, shown only on narrow screens (see workbench.css), where the
 * navigation is folded away so that the component gets the window's width.
 */
function menuButton(layout: HTMLElement): HTMLElement {
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('class', 'slds-button__icon slds-button__icon_large');
  icon.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', '/slds/icons/utility-sprite/svg/symbols.svg#rows');
  icon.append(use);
  const button = h(
    'button',
    {
      type: 'button',
      class: 'slds-button slds-button_icon slds-button_icon-inverse wb-menu',
      'aria-controls': 'wb-nav',
      'aria-expanded': 'false',
      title: 'Components',
    },
    [icon, h('span', { class: 'slds-assistive-text' }, ['Components'])]
  );
  const setOpen = (open: boolean): void => {
    button.setAttribute('aria-expanded', String(open));
    layout.classList.toggle('wb-layout_nav-open', open);
  };
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    setOpen(open);
    if (open) {
      layout.querySelector<HTMLElement>('.wb-nav a')?.focus();
    }
  });
  // Escape folds the open menu and gives focus back to its button, as SLDS menus do.
  layout.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      button.focus();
    }
  });
  return button;
}

function stateSwitch(
  item: CatalogItem,
  entry: WorkbenchEntry,
  stateKey: string,
  record: string | undefined
): HTMLElement {
  const buttons = Object.entries(entry.states).map(([key, state]) => {
    const active = key === stateKey;
    return h(
      'a',
      {
        class: `slds-button ${active ? 'slds-button_brand' : 'slds-button_neutral'}`,
        href: link({ component: item.name, state: key, record, width: chosenWidth() }),
        title: state.description,
        'data-state': key,
        ...(active ? { 'aria-current': 'true' } : {}),
      },
      [state.label]
    );
  });
  return h('nav', { class: 'wb-states', 'aria-label': 'States' }, [
    h('div', { class: 'slds-button-group', role: 'group' }, buttons),
  ]);
}

/** A select whose choice opens the page at `target(value)`. */
function selectOf(
  id: string,
  options: { value: string; label: string }[],
  selected: string | undefined,
  target: (value: string) => string
): HTMLSelectElement {
  const select = h('select', { class: 'slds-select', id }) as HTMLSelectElement;
  for (const { value, label } of options) {
    const option = h('option', { value }, [label]) as HTMLOptionElement;
    option.selected = value === selected;
    select.append(option);
  }
  select.addEventListener('change', () => {
    window.location.search = target(select.value);
  });
  return select;
}

function recordPicker(
  item: CatalogItem,
  records: SampleRecord[],
  stateKey: string,
  record: string | undefined
): HTMLElement | null {
  if (!records.length) {
    return null;
  }
  const select = selectOf(
    'wb-record',
    records.map((sample) => ({ value: sample.id, label: sample.label })),
    record,
    (value) => link({ component: item.name, state: stateKey, record: value, width: chosenWidth() })
  );
  return h('div', { class: 'slds-form-element wb-record' }, [
    h('label', { class: 'slds-form-element__label', for: 'wb-record' }, ['Record']),
    h('div', { class: 'slds-form-element__control' }, [
      h('div', { class: 'slds-select_container' }, [select]),
    ]),
  ]);
}

function toastRegion(): { region: HTMLElement; show(detail: ShowToastEventDetail): void } {
  const region = h('div', { class: 'slds-notify_container wb-toasts', 'aria-live': 'polite' });
  return {
    region,
    show(detail) {
      const variant = detail.variant ?? 'info';
      const toast = h(
        'div',
        { class: `slds-notify slds-notify_toast slds-theme_${variant}`, role: 'status' },
        [
          h('div', { class: 'slds-notify__content' }, [
            h('h2', { class: 'slds-text-heading_small' }, [detail.title]),
            detail.message ? h('p', {}, [detail.message]) : null,
          ]),
        ]
      );
      region.append(toast);
      setTimeout(() => toast.remove(), 6000);
    },
  };
}

function userSwitch(org: LocalOrg, viewing: LocalOrgUser): HTMLElement {
  const select = selectOf(
    'wb-user',
    org.users.map((user) => ({ value: user.key, label: user.name })),
    viewing.key,
    (value) => {
      const next = new URLSearchParams(window.location.search);
      next.set('user', value);
      return `?${next.toString()}`;
    }
  );
  return h('div', { class: 'wb-user' }, [
    h('label', { class: 'wb-user__label', for: 'wb-user' }, ['Viewing as']),
    h('div', { class: 'slds-select_container' }, [select]),
  ]);
}

async function showComponent(
  item: CatalogItem,
  entry: WorkbenchEntry,
  main: HTMLElement,
  org: LocalOrg,
  viewing: LocalOrgUser
): Promise<void> {
  const stateKeys = Object.keys(entry.states);
  const requested = params.get('state') ?? '';
  const stateKey = stateKeys.includes(requested) ? requested : (stateKeys[0] ?? '');
  const state = entry.states[stateKey];
  const admin = org.users.find((user) => user.key === 'admin') ?? viewing;
  const records = entry.records
    ? await entry.records({ org, query: (soql) => query(admin, soql) })
    : [];
  const record = records.some((sample) => sample.id === params.get('record'))
    ? (params.get('record') ?? undefined)
    : records[0]?.id;
  const user = org.users.find((candidate) => candidate.key === state?.user) ?? viewing;
  const simulated = Object.keys(state?.apex ?? {});
  status.state = stateKey;
  document.title = `${item.name} · ${state?.label ?? 'no state'} · Kondo workbench`;

  const toasts = toastRegion();
  const declaredWidth = DECLARED_WIDTHS[entry.width ?? 'medium'];
  const stage = h('section', {
    class: `wb-stage wb-stage_${previewWidthOf(entry)}`,
    'aria-label': `${item.name} preview`,
  });
  const states = stateSwitch(item, entry, stateKey, record);
  const widths = widthControl(previewWidthOf(entry), declaredWidth, (width) => {
    for (const name of Object.keys(PREVIEW_WIDTHS)) {
      stage.classList.toggle(`wb-stage_${name}`, name === width);
    }
    rememberWidth(width, states.querySelectorAll('a'));
  });
  main.append(
    h('div', { class: 'slds-page-header slds-m-bottom_medium' }, [
      h('div', { class: 'slds-page-header__row' }, [
        h('div', { class: 'slds-page-header__col-title' }, [
          h('h1', { class: 'slds-page-header__title' }, [item.name]),
          h('p', { class: 'slds-text-body_small wb-folder' }, [item.folder]),
          h('p', { class: 'slds-m-top_x-small' }, [entry.description]),
        ]),
      ]),
    ]),
    h('div', { class: 'wb-controls slds-m-bottom_small' }, [
      states,
      widths,
      recordPicker(item, records, stateKey, record),
    ]),
    h('p', { class: 'slds-text-color_weak slds-m-bottom_small wb-state-description' }, [
      state?.description ?? '',
      ' ',
      h(
        'span',
        {
          class: `slds-badge ${simulated.length ? 'slds-badge_lightest' : 'slds-theme_success'} wb-source`,
        },
        [
          simulated.length
            ? `Simulated: ${simulated.map((name) => name.split('.')[1]).join(', ')}`
            : `Local org, as ${user.name}`,
        ]
      ),
    ]),
    stage,
    toasts.region
  );
  if (!state) {
    stage.append(h('p', {}, ['This entry has no states.']));
    return;
  }

  const context: StateContext = { recordId: record, params, user };
  const latency = Number(params.get('latency') ?? 0);
  activateState({
    name: stateKey,
    apex: state.apex ?? {},
    context,
    user,
    latencyMs: Number.isFinite(latency) ? latency : 0,
  });
  stage.addEventListener(SHOW_TOAST_EVENT, (event) => {
    const detail = (event as CustomEvent<ShowToastEventDetail>).detail;
    status.toasts.push(detail);
    toasts.show(detail);
  });

  state.prepare?.(context);
  // ?mount=false prepares the state without the component: the benchmark's baseline.
  if (params.get('mount') === 'false') {
    status.ready = true;
    return;
  }
  const element = createElement(item.tag, {
    is: item.component as Parameters<typeof createElement>[1]['is'],
  });
  Object.assign(element, (await state.props?.(context)) ?? {});
  status.mountedAt = performance.now();
  stage.append(element);
  window.dispatchEvent(new CustomEvent(MOUNTED_EVENT, { detail: element }));
  status.ready = true;
}

async function start(): Promise<void> {
  const current = catalog.find((item) => item.name === status.component);
  const main = h('main', { class: 'wb-main slds-p-around_medium' });
  let org: LocalOrg;
  try {
    org = await connect();
  } catch (error) {
    document.body.append(
      errorAlert(
        `The local org does not answer (${error instanceof Error ? error.message : String(error)}). Start the workbench with npm start.`
      )
    );
    status.ready = true;
    return;
  }
  const viewing: LocalOrgUser | undefined =
    org.users.find((user) => user.key === params.get('user')) ??
    org.users.find((user) => user.key === 'admin') ??
    org.users[0];
  if (!viewing) {
    document.body.append(errorAlert('The local org has no users: check config/local-org.json.'));
    status.ready = true;
    return;
  }
  const layout = h('div', { class: 'wb-layout' }, [navigation(current), main]);
  const header = h(
    'header',
    { class: 'wb-header slds-p-horizontal_medium slds-p-vertical_small' },
    [
      menuButton(layout),
      h('a', { class: 'wb-brand slds-text-heading_medium', href: link({}) }, ['Kondo workbench']),
      h('span', { class: 'slds-text-body_small wb-tagline' }, [
        `the package's components on a local org running its Apex, at ${org.origin}`,
      ]),
      userSwitch(org, viewing),
    ]
  );
  document.body.append(header, layout);
  if (!current) {
    if (status.component) {
      main.append(errorAlert(`No component named ${status.component}.`));
    }
    main.append(
      orgPanel(org, viewing),
      h('h1', { class: 'slds-text-heading_large slds-m-bottom_medium' }, ['Components']),
      overview()
    );
    status.ready = true;
    return;
  }
  if (!current.entry) {
    main.append(
      h('h1', { class: 'slds-text-heading_large slds-m-bottom_medium' }, [current.name]),
      missingEntry(current)
    );
    status.ready = true;
    return;
  }
  await showComponent(current, current.entry, main, org, viewing);
}

void start();
