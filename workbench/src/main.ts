// The workbench page: lists every component bundle, shows the chosen one on its sample data in
// the chosen state, and lets the reader switch state and sample record. Plain DOM with SLDS
// classes, so the page itself adds nothing to the components it shows.
// Synthetic shadow first: the base components need it, as on the platform.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { catalog, type CatalogItem } from 'virtual:workbench-catalog';
import { activateState } from './apexRuntime';
import { SHOW_TOAST_EVENT, type ShowToastEventDetail } from './platform/showToastEvent';
import type { StateContext, WorkbenchEntry } from './types';

/** What the browser tests and the benchmark read from the page. */
export interface WorkbenchStatus {
  component: string | null;
  state: string | null;
  ready: boolean;
  /** performance.now() just before the component element was inserted. */
  mountedAt: number | null;
  toasts: ShowToastEventDetail[];
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

function link(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) {
      search.set(name, value);
    }
  }
  const query = search.toString();
  return query ? `?${query}` : './';
}

const params = new URLSearchParams(window.location.search);
const status: WorkbenchStatus = {
  component: params.get('component'),
  state: null,
  ready: false,
  mountedAt: null,
  toasts: [],
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
  return h('nav', { class: 'slds-nav-vertical wb-nav', 'aria-label': 'Components' }, [
    h('div', { class: 'slds-nav-vertical__section' }, [
      h('h2', { class: 'slds-nav-vertical__title', id: 'wb-nav-title' }, ['Components']),
      h('ul', { 'aria-describedby': 'wb-nav-title' }, items),
    ]),
  ]);
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
      'Pick one to see it on sample data; each state is a URL of its own.',
    ]),
    h('table', { class: 'slds-table slds-table_bordered slds-table_cell-buffer' }, [
      h('caption', { class: 'slds-assistive-text' }, ['Components']),
      h('thead', {}, [
        h('tr', { class: 'slds-line-height_reset' }, [
          h('th', { scope: 'col' }, ['Component']),
          h('th', { scope: 'col' }, ['Folder']),
          h('th', { scope: 'col' }, ['States']),
        ]),
      ]),
      h('tbody', {}, rows),
    ]),
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
        href: link({ component: item.name, state: key, record }),
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

function recordPicker(
  item: CatalogItem,
  entry: WorkbenchEntry,
  stateKey: string,
  record: string | undefined
): HTMLElement | null {
  if (!entry.records?.length) {
    return null;
  }
  const select = h('select', { class: 'slds-select', id: 'wb-record' }) as HTMLSelectElement;
  for (const sample of entry.records) {
    const option = h('option', { value: sample.id }, [sample.label]) as HTMLOptionElement;
    option.selected = sample.id === record;
    select.append(option);
  }
  select.addEventListener('change', () => {
    window.location.search = link({ component: item.name, state: stateKey, record: select.value });
  });
  return h('div', { class: 'slds-form-element wb-record' }, [
    h('label', { class: 'slds-form-element__label', for: 'wb-record' }, ['Sample record']),
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

function showComponent(item: CatalogItem, entry: WorkbenchEntry, main: HTMLElement): void {
  const stateKeys = Object.keys(entry.states);
  const requested = params.get('state') ?? '';
  const stateKey = stateKeys.includes(requested) ? requested : (stateKeys[0] ?? '');
  const state = entry.states[stateKey];
  const record = entry.records?.some((sample) => sample.id === params.get('record'))
    ? (params.get('record') ?? undefined)
    : entry.records?.[0]?.id;
  status.state = stateKey;
  document.title = `${item.name} · ${state?.label ?? 'no state'} · Kondo workbench`;

  const toasts = toastRegion();
  const stage = h('section', {
    class: `wb-stage wb-stage_${entry.width ?? 'medium'}`,
    'aria-label': `${item.name} preview`,
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
      stateSwitch(item, entry, stateKey, record),
      recordPicker(item, entry, stateKey, record),
    ]),
    h('p', { class: 'slds-text-color_weak slds-m-bottom_small wb-state-description' }, [
      state?.description ?? '',
    ]),
    stage,
    toasts.region
  );
  if (!state) {
    stage.append(h('p', {}, ['This entry has no states.']));
    return;
  }

  const context: StateContext = { recordId: record, params };
  const latency = Number(params.get('latency') ?? 0);
  activateState({
    name: stateKey,
    apex: state.apex ?? {},
    context,
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
  Object.assign(element, state.props?.(context) ?? {});
  status.mountedAt = performance.now();
  stage.append(element);
  window.dispatchEvent(new CustomEvent(MOUNTED_EVENT, { detail: element }));
  status.ready = true;
}

function start(): void {
  const current = catalog.find((item) => item.name === status.component);
  const main = h('main', { class: 'wb-main slds-p-around_medium' });
  const header = h(
    'header',
    { class: 'wb-header slds-p-horizontal_medium slds-p-vertical_small' },
    [
      h('a', { class: 'wb-brand slds-text-heading_medium', href: './' }, ['Kondo workbench']),
      h('span', { class: 'slds-text-body_small wb-tagline' }, [
        'the package components on sample data, built with LWC open source',
      ]),
    ]
  );
  document.body.append(header, h('div', { class: 'wb-layout' }, [navigation(current), main]));
  if (!current) {
    if (status.component) {
      main.append(
        h('div', { class: 'slds-notify slds-notify_alert slds-alert_error', role: 'alert' }, [
          h('h2', {}, [`No component named ${status.component}.`]),
        ])
      );
    }
    main.prepend(
      h('h1', { class: 'slds-text-heading_large slds-m-bottom_medium' }, ['Components'])
    );
    main.append(overview());
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
  showComponent(current, current.entry, main);
}

start();
