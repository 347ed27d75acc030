import { createElement } from 'lwc';
import KondoSyncHealth from 'c/kondoSyncHealth';
import type { SetupPage, SyncHealth } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

type HealthElement = HTMLElement & { health: SyncHealth | undefined };

function settle(): Promise<void> {
  let chain = Promise.resolve();
  for (let turn = 0; turn < 6; turn++) {
    chain = chain.then(() => undefined);
  }
  return chain;
}

function render(health: SyncHealth | null = PAGE.health): HealthElement {
  const element = createElement('c-kondo-sync-health', { is: KondoSyncHealth }) as HealthElement;
  if (health) {
    element.health = health;
  }
  document.body.appendChild(element);
  return element;
}

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

function qa(element: HTMLElement, selector: string): HTMLElement[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>(selector));
}

function showView(element: HTMLElement, value: string): void {
  q(element, '.view-filter')?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-kondo-sync-health', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.restoreAllMocks();
  });

  it('draws fourteen days of synced, skipped and failed conversations', async () => {
    const element = render();
    await settle();

    const days = qa(element, '.chart-day');
    expect(days).toHaveLength(14);
    expect(days[13]?.title).toBe('2026-11-21: 6 synced, 1 skipped, 0 failed');
    expect(q(element, '.chart')?.getAttribute('aria-label')).toBe(
      'Conversations in the last 14 days: 64 synced, 13 skipped, 2 failed.'
    );
    // The busiest day fills the chart.
    const stackHeights = qa(element, '.chart-stack').map((stack) =>
      Array.from(stack.children).reduce(
        (sum, bar) => sum + parseInt((bar as HTMLElement).style.height, 10),
        0
      )
    );
    expect(Math.max(...stackHeights)).toBe(100);
    await expect(element).toBeAccessible();
  });

  it('lists the recent requests and filters the failed ones', async () => {
    const element = render();
    await settle();
    expect(qa(element, 'tr.request-row')).toHaveLength(3);

    showView(element, 'failedRequests');
    await settle();
    expect(qa(element, 'tr.request-row').map((row) => row.firstElementChild?.textContent)).toEqual([
      'SL-00000002',
      'SL-00000001',
    ]);

    showView(element, 'failedConversations');
    await settle();
    const failures = qa(element, 'tr.failure-row');
    expect(failures).toHaveLength(2);
    expect(failures[0]?.textContent).toContain('The Contact object has no field Foo__c.');
    await expect(element).toBeAccessible();
  });

  it('exports the shown rows as CSV', async () => {
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const element = render();
    await settle();

    showView(element, 'failedRequests');
    await settle();
    q(element, '.export-csv')?.dispatchEvent(new CustomEvent('click'));
    showView(element, 'failedConversations');
    await settle();
    q(element, '.export-csv')?.dispatchEvent(new CustomEvent('click'));

    const links = click.mock.contexts as HTMLAnchorElement[];
    expect(links.map((link) => link.download)).toEqual([
      'kondo-sync-log-failedRequests.csv',
      'kondo-sync-log-failedConversations.csv',
    ]);
    const requestsCsv = decodeURIComponent(links[0]?.href.split(',').slice(1).join(',') ?? '');
    expect(requestsCsv.split('\r\n')).toEqual([
      'Log,Started at,Endpoint,Outcome,Received,Created,Updated,Skipped,Failed,Error code,Error message',
      'SL-00000002,2026-11-21T08:00:00.000Z,/v1/conversations,Partial,3,0,1,0,2,,',
      'SL-00000001,2026-11-20T08:00:00.000Z,/v1/conversations,Rejected,0,0,0,0,0,INVALID_JSON,"The body is not JSON, ""really""."',
      '',
    ]);
    const failuresCsv = decodeURIComponent(links[1]?.href.split(',').slice(1).join(',') ?? '');
    expect(failuresCsv).toContain('SL-00000002,2026-11-21T08:00:00.000Z,conv-1,UNKNOWN_FIELD');
  });

  it('says when nothing is shown and disables the export', async () => {
    const element = render({ days: [], requests: [], failures: [] });
    await settle();

    expect(q(element, '.empty')).not.toBeNull();
    expect(q<HTMLElement & { disabled: boolean }>(element, '.export-csv')?.disabled).toBe(true);
    expect(q(element, '.chart')?.getAttribute('aria-label')).toBe(
      'Conversations in the last 0 days: 0 synced, 0 skipped, 0 failed.'
    );
  });

  it('draws empty bars for days without conversations', async () => {
    const element = render({
      days: [{ day: '2026-11-21', synced: 0, skipped: 0, failed: 0 }],
      requests: [],
      failures: [],
    });
    await settle();

    expect(qa(element, '.bar').map((bar) => bar.style.height)).toEqual(['0%', '0%', '0%']);
  });

  it('renders without data', async () => {
    const element = render(null);
    await settle();

    expect(qa(element, '.chart-day')).toHaveLength(0);
    expect(q(element, '.empty')).not.toBeNull();
  });
});
