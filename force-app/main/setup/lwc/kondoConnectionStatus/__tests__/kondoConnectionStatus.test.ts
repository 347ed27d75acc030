import { createElement } from 'lwc';
import KondoConnectionStatus from 'c/kondoConnectionStatus';
import type { Connection, SetupPage } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

type ConnectionElement = HTMLElement & { connection: Connection | undefined };

function render(edit: Partial<Connection> | null = {}): ConnectionElement {
  const element = createElement('c-kondo-connection-status', {
    is: KondoConnectionStatus,
  }) as ConnectionElement;
  if (edit) {
    element.connection = { ...PAGE.connection, ...edit };
  }
  document.body.appendChild(element);
  return element;
}

function text(element: HTMLElement, selector: string): string | undefined {
  return (element.shadowRoot as ShadowRoot).querySelector(selector)?.textContent?.trim();
}

describe('c-kondo-connection-status', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the endpoints, the integration user, the last sync and the last 24 hours', async () => {
    const element = render();
    await Promise.resolve();

    expect(text(element, '.conversations-url')).toBe(PAGE.connection.conversationsUrl);
    expect(text(element, '.settings-url')).toBe(PAGE.connection.settingsUrl);
    expect(text(element, '.lookup-url')).toBe(PAGE.connection.lookupUrl);
    expect(text(element, '.integration-user')).toBe(
      '1 active user holds the Kondo Integration permission set.'
    );
    expect(
      (element.shadowRoot as ShadowRoot).querySelector<HTMLElement & { value: string }>(
        '.last-sync c-kondo-date-time'
      )?.value
    ).toBe(PAGE.connection.lastSuccessfulSyncAt);
    expect(text(element, '.failed-conversations')).toBe('2 conversations failed.');
    expect(text(element, '.failed-requests')).toBe('1 request failed or was rejected.');
    await expect(element).toBeAccessible();
  });

  it('warns when no integration user exists and no sync succeeded', async () => {
    const element = render({ integrationUserCount: 0, lastSuccessfulSyncAt: null });
    await Promise.resolve();

    expect(text(element, '.integration-user')).toBe(
      'No active user holds the Kondo Integration permission set, so Kondo cannot sync.'
    );
    expect(text(element, '.last-sync')).toBe('No successful sync yet');
    await expect(element).toBeAccessible();
  });

  it('counts several integration users', async () => {
    const element = render({ integrationUserCount: 3 });
    await Promise.resolve();

    expect(text(element, '.integration-user')).toBe(
      '3 active users hold the Kondo Integration permission set.'
    );
  });

  it('says the last 24 hours in sentences: none, one, several', async () => {
    const quiet = render({ failedConversationsLast24Hours: 0, failedRequestsLast24Hours: 0 });
    const mixed = render({ failedConversationsLast24Hours: 1, failedRequestsLast24Hours: 2 });
    await Promise.resolve();

    expect(text(quiet, '.failed-conversations')).toBe('No conversation failed.');
    expect(text(quiet, '.failed-requests')).toBe('No request failed or was rejected.');
    expect(text(mixed, '.failed-conversations')).toBe('1 conversation failed.');
    expect(text(mixed, '.failed-requests')).toBe('2 requests failed or were rejected.');
  });

  it('shows nothing before it gets a connection', async () => {
    const element = render(null);
    await Promise.resolve();

    expect((element.shadowRoot as ShadowRoot).querySelector('dl')).toBeNull();
  });
});
