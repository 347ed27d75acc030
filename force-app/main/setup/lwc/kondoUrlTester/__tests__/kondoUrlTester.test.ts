import { createElement } from 'lwc';
import testMatch from '@salesforce/apex/SetupController.testMatch';
import KondoUrlTester from 'c/kondoUrlTester';
import type { MatchTest } from 'types/dto/setup';

/* eslint-disable @typescript-eslint/no-require-imports */
const MATCH: MatchTest = require('./data/SetupController.testMatch.json');
const REJECTED: MatchTest = require('./data/SetupController.testMatch.rejected.json');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.mock('@salesforce/apex/SetupController.testMatch', () => ({ default: jest.fn() }), {
  virtual: true,
});

const testMatchMock = testMatch as unknown as jest.Mock;

function apexError(message: string) {
  return { body: { message }, status: 500, statusText: 'Server Error' };
}

function settle(): Promise<void> {
  let chain = Promise.resolve();
  for (let turn = 0; turn < 6; turn++) {
    chain = chain.then(() => undefined);
  }
  return chain;
}

function render(): HTMLElement {
  const element = createElement('c-kondo-url-tester', { is: KondoUrlTester });
  document.body.appendChild(element);
  return element;
}

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

function qa<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll<T>(selector));
}

function enterUrl(element: HTMLElement, value: string): void {
  q(element, '.test-url')?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function runTest(element: HTMLElement): void {
  q(element, '.run-test')?.dispatchEvent(new CustomEvent('click'));
}

function testDisabled(element: HTMLElement): boolean | undefined {
  return q<HTMLElement & { disabled: boolean }>(element, '.run-test')?.disabled;
}

describe('c-kondo-url-tester', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows the normalised key and the matching records', async () => {
    const element = render();
    testMatchMock.mockResolvedValue(MATCH);
    await settle();

    expect(testDisabled(element)).toBe(true);
    enterUrl(element, 'https://uk.linkedin.com/in/Jane-Doe-42/');
    await settle();
    runTest(element);
    await settle();

    expect(testMatchMock).toHaveBeenCalledWith({
      linkedInUrl: 'https://uk.linkedin.com/in/Jane-Doe-42/',
    });
    expect(q(element, '.test-key code')?.textContent).toBe('jane-doe-42');
    expect(qa(element, '.test-matches li').map((item) => item.textContent?.trim())).toEqual([
      'Jane Doe (Contact)',
      'Jane Doe (Lead)',
    ]);
    expect(
      qa<HTMLAnchorElement>(element, '.test-matches a').map((link) => link.getAttribute('href'))
    ).toEqual([
      '/lightning/r/Contact/003000000000001AAA/view',
      '/lightning/r/Lead/00Q000000000001AAA/view',
    ]);
    await expect(element).toBeAccessible();
  });

  it('says when nothing matches and why a URL is rejected', async () => {
    const element = render();
    enterUrl(element, 'https://example.com/x');
    await settle();

    testMatchMock.mockResolvedValue({ ...MATCH, matches: [] });
    runTest(element);
    await settle();
    expect(q(element, '.test-no-match')?.textContent).toBe('No Contact or Lead matches this key.');

    testMatchMock.mockResolvedValue(REJECTED);
    runTest(element);
    await settle();
    expect(q(element, '.test-rejected')?.textContent).toBe(
      'NOT_LINKEDIN: The URL is not on linkedin.com.'
    );
    expect(q(element, '.test-key')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows a failed test in the error panel, and nothing of the last result', async () => {
    const element = render();
    enterUrl(element, 'https://www.linkedin.com/in/jane-doe-42/');
    testMatchMock.mockResolvedValue(MATCH);
    await settle();
    runTest(element);
    await settle();
    expect(q(element, '.test-key')).not.toBeNull();

    testMatchMock.mockRejectedValue(apexError('Boom'));
    runTest(element);
    await settle();
    expect(
      q<HTMLElement & { errors: unknown; friendlyMessage: string }>(
        element,
        'c-kondo-error-panel.test-error'
      )?.friendlyMessage
    ).toBe('The URL could not be tested.');
    expect(q(element, '.test-key')).toBeNull();

    // The next test clears the error.
    testMatchMock.mockResolvedValue(MATCH);
    runTest(element);
    await settle();
    expect(q(element, '.test-error')).toBeNull();
    expect(q(element, '.test-key')).not.toBeNull();
  });

  it('disables the button for a blank URL and while a test runs', async () => {
    const element = render();
    enterUrl(element, '   ');
    await settle();
    expect(testDisabled(element)).toBe(true);

    let answer: (result: MatchTest) => void = () => undefined;
    testMatchMock.mockReturnValue(new Promise<MatchTest>((resolve) => (answer = resolve)));
    enterUrl(element, 'https://www.linkedin.com/in/jane-doe-42/');
    await settle();
    expect(testDisabled(element)).toBe(false);
    runTest(element);
    await settle();
    expect(testDisabled(element)).toBe(true);

    answer(MATCH);
    await settle();
    expect(testDisabled(element)).toBe(false);
  });
});
