import { createElement } from 'lwc';
import KondoSyncHealth from 'c/kondoSyncHealth';
import type { SyncHealth } from 'types/dto/setup';
import { cleanUp, PAGE, q, qa, settle } from '../../kondoSettingsCard/__tests__/harness';

type HealthElement = HTMLElement & { health: SyncHealth | undefined };

function render(health: SyncHealth | null = PAGE.health): HealthElement {
  const element = createElement('c-kondo-sync-health', { is: KondoSyncHealth }) as HealthElement;
  if (health) {
    element.health = health;
  }
  document.body.appendChild(element);
  return element;
}

function showView(element: HTMLElement, value: string): void {
  q(element, '.view-filter')?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-kondo-sync-health', () => {
  afterEach(() => {
    cleanUp();
    jest.restoreAllMocks();
  });

  it('draws fourteen days of synced, skipped and failed conversations', async () => {
    const element = render();
    await settle();

    const days = qa(element, '.chart-day');
    expect(days).toHaveLength(14);
    expect(days[13]?.title).toBe('Nov 21, 2026: 6 synced, 1 skipped, 0 failed');
    expect(qa(element, '.chart-label')[13]?.textContent).toBe('Nov 21');
    expect(q(element, '.chart')?.getAttribute('aria-label')).toBe(
      'Conversations in the last 14 days: 64 synced, 13 skipped, 2 failed.'
    );
    // The busiest day fills the chart.
    const stackHeights = qa(element, '.chart-stack').map((stack: HTMLElement) =>
      Array.from(stack.children).reduce(
        (sum, bar) => sum + parseInt((bar as HTMLElement).style.height, 10),
        0
      )
    );
    expect(Math.max(...stackHeights)).toBe(100);
    await expect(element).toBeAccessible();
  });

  it('lists the recent requests with the outcome in words, the code and the message apart', async () => {
    const element = render();
    await settle();
    expect(qa(element, 'tr.request-row')).toHaveLength(3);
    const rejected = qa(element, 'tr.request-row')[2] as HTMLElement;
    const cells = Array.from(rejected.querySelectorAll('td')).map((cell) => cell.textContent);
    expect(cells[2]).toBe('Rejected');
    expect(rejected.querySelector('.code-cell')?.textContent).toBe('INVALID_JSON');
    expect(rejected.querySelector('.text-cell')?.textContent).toBe(
      'The body is not JSON, "really".'
    );
    // The table scrolls in its own box, which a keyboard user can reach.
    const box = q(element, '.table-scroll');
    expect(box?.getAttribute('tabindex')).toBe('0');
    expect(box?.getAttribute('aria-label')).toBe('Recent sync requests, scrolls sideways');
    await expect(element).toBeAccessible();
  });

  it('filters the failed requests and the failed conversations, each linked to its record', async () => {
    const element = render();
    await settle();

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
    expect(failures[0]?.querySelector('.text-cell')?.textContent).toBe(
      'The Contact object has no field Foo__c.'
    );
    const links = qa<HTMLAnchorElement>(element, 'a.conversation-link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.title])).toEqual([
      ['conv-1', '/lightning/r/a00000000000001AAA/view', 'Open conversation conv-1'],
      // Never stored: the log entry, which holds the details.
      [
        'conv-2',
        '/lightning/r/a04000000000002AAA/view',
        'Open the sync log entry of conversation conv-2',
      ],
    ]);
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

  it('says there is no sync yet instead of an empty chart and an empty table', async () => {
    const element = render({
      days: [{ day: '2026-11-21', synced: 0, skipped: 0, failed: 0 }],
      requests: [],
      failures: [],
      webhookPending: 0,
      webhookFailed: 0,
    });
    await settle();

    expect(qa(element, '.chart-day')).toHaveLength(0);
    expect(q(element, '.webhook-status')).toBeNull();
    expect(q(element, '.chart-empty')?.textContent).toBe(
      'No conversation was synced in the last 14 days.'
    );
    expect(q(element, '.legend')).toBeNull();
    expect(q(element, '.empty')?.textContent).toBe('No sync requests yet.');
    expect(q<HTMLElement & { disabled: boolean }>(element, '.export-csv')?.disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('says how many changes wait for the webhook and how many were given up', async () => {
    const element = render({ ...PAGE.health, webhookPending: 3, webhookFailed: 1 });
    await settle();

    expect(q(element, '.webhook-status')?.textContent?.trim()).toBe(
      "Changes for Kondo's webhook: 3 waiting, 1 given up (each delivery is in the sync log, endpoint webhook)."
    );
    await expect(element).toBeAccessible();
  });

  it('links no conversation without an id', async () => {
    const [first] = PAGE.health.failures;
    const element = render({ ...PAGE.health, failures: [{ ...first!, conversationId: null }] });
    await settle();
    showView(element, 'failedConversations');
    await settle();
    expect(qa(element, 'tr.failure-row')).toHaveLength(1);
    expect(qa(element, 'a.conversation-link')).toHaveLength(0);
  });

  it('says when a filter shows nothing', async () => {
    const element = render({ ...PAGE.health, failures: [] });
    await settle();
    showView(element, 'failedConversations');
    await settle();
    expect(q(element, '.empty')?.textContent).toBe('Nothing to show for this filter.');
  });

  it('draws empty bars for quiet days among busy ones, and shows an unknown outcome as it is', async () => {
    const element = render({
      days: [
        { day: '2026-11-20', synced: 0, skipped: 0, failed: 0 },
        { day: '2026-11-21', synced: 2, skipped: 0, failed: 0 },
      ],
      requests: [
        { ...(PAGE.health.requests[0] as SyncHealth['requests'][number]), outcome: 'Odd' },
      ],
      failures: [],
      webhookPending: 0,
      webhookFailed: 0,
    });
    await settle();

    expect(qa(element, '.bar').map((bar: HTMLElement) => bar.style.height)).toEqual([
      '0%',
      '0%',
      '0%',
      '0%',
      '0%',
      '100%',
    ]);
    expect(qa(element, 'tr.request-row td')[2]?.textContent).toBe('Odd');
  });

  it('renders without data', async () => {
    const element = render(null);
    await settle();

    expect(qa(element, '.chart-day')).toHaveLength(0);
    expect(q(element, '.empty')).not.toBeNull();
  });
});
