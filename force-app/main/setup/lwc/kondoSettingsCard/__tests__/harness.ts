// The setup page's Jest tests share this harness: the getSetup fixture, queries into a
// component's shadow, settling promises, Apex errors and toasts as the platform shapes them,
// and the rules every settings card follows (settingsCardRules), so each rule is written once.
// It lives beside the cards' base class; it defines no test itself (each test file runs the
// rules), so it is no test file.
import { createElement } from 'lwc';
import type { LightningElement } from 'lwc';
import type { Configuration, SetupPage, ValidationError } from 'types/dto/setup';
import { SETTING_LABELS } from 'c/kondoSettingEdit';
import type { InputChange, SettingChange, SettingField } from 'c/kondoSettingEdit';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
export const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

/** A base input as the tests read it (the lightning stubs keep what they are given). */
export type Input = HTMLElement & {
  value: string;
  checked: boolean;
  disabled: boolean;
  label: string;
  options: { label: string; value: string }[];
};

export interface Toast {
  title: string;
  message: string;
  variant: string;
}

/** A deep copy of the fixture page, edited. */
export function page(edit: (copy: SetupPage) => void = () => undefined): SetupPage {
  const copy = JSON.parse(JSON.stringify(PAGE)) as SetupPage;
  edit(copy);
  return copy;
}

export function q<T extends Element = Input>(element: Element, selector: string): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

export function qa<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll<T>(selector));
}

/** An element inside the child component `tag` of element. */
export function inside<T extends Element = Input>(
  element: Element,
  tag: string,
  selector: string
): T | null {
  const child = q(element, tag);
  return child ? q<T>(child, selector) : null;
}

/** Lets the microtasks of Apex answers and re-renders run. */
export function settle(turns = 12): Promise<void> {
  let chain = Promise.resolve();
  for (let turn = 0; turn < turns; turn++) {
    chain = chain.then(() => undefined);
  }
  return chain;
}

/** A failed Apex call as a component receives it. */
export function apexError(message: string) {
  return { body: { message }, status: 500, statusText: 'Server Error' };
}

export function settingError(field: string, message: string): ValidationError {
  return { section: 'settings', rowIndex: null, field, message };
}

/** The toasts element sends (lightning/platformShowToastEvent), as they arrive. */
export function toastsOf(element: HTMLElement): Toast[] {
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => {
    toasts.push((event as CustomEvent<Toast>).detail);
  });
  return toasts;
}

export function change(target: Element | null, detail: InputChange | { files: unknown[] }): void {
  expect(target).not.toBeNull();
  target?.dispatchEvent(new CustomEvent('change', { detail }));
}

export function click(target: Element | null): void {
  expect(target).not.toBeNull();
  target?.dispatchEvent(new CustomEvent('click'));
}

/** Empties the page after each test and forgets the mocks' calls. */
export function cleanUp(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
}

export type CardElement = HTMLElement & {
  configuration: Configuration | undefined;
  errors: ValidationError[];
  editedFields: string[];
  focusField(field: string): boolean;
};

type ComponentClass = typeof LightningElement;

/** Inserts a card with the fixture's draft (or none) and records the edits it sends up. */
export function renderCard<T extends CardElement = CardElement>(
  tag: string,
  is: ComponentClass,
  configuration: Configuration | null = PAGE.configuration,
  props: Record<string, unknown> = {}
): { element: T; changes: SettingChange[] } {
  const element = createElement(tag, { is }) as T;
  if (configuration) {
    element.configuration = configuration;
  }
  Object.assign(element, props);
  const changes: SettingChange[] = [];
  element.addEventListener('settingchange', (event) => {
    changes.push((event as CustomEvent<SettingChange>).detail);
  });
  document.body.appendChild(element);
  return { element, changes };
}

/** Each setting of a card as c-kondo-setting-field shows it: edited, invalid. */
export function settingStates(
  element: HTMLElement
): { field: string; edited: boolean; invalid: boolean }[] {
  return qa<HTMLElement & { field: string }>(element, 'c-kondo-setting-field').map((field) => ({
    field: field.field,
    edited: q(field, '.edited-mark') !== null,
    invalid: q(field, '.setting_invalid') !== null,
  }));
}

/** The input of a setting in a card. */
export function settingInput(element: HTMLElement, field: string): Input | null {
  return q(element, `[data-field="${field}"]`);
}

export interface CardSpec {
  tag: string;
  is: ComponentClass;
  /** The card's settings, in the order it shows them. */
  fields: SettingField[];
  /** One edit per kind of input the card has: the change event and the edit it must send. */
  edits: { field: SettingField; detail: InputChange; sends: SettingChange['value'] }[];
  /** Properties the card needs besides the draft. */
  props?: Record<string, unknown>;
}

/** One rule every settings card follows: a test each card's file runs with `it.each`. */
export interface CardRule {
  name: string;
  run: () => Promise<void>;
}

/**
 * The rules every settings card follows: nothing before the draft, each setting labelled as the
 * summary names it, each edit sent up typed, the settings edited since the last save marked,
 * each server error put on its input, focus moved to a setting the summary links to, and no
 * accessibility violation. Each card's test file runs them (`it.each(settingsCardRules(spec))`),
 * with `afterEach(cleanUp)`.
 */
export function settingsCardRules(spec: CardSpec): CardRule[] {
  const render = (configuration: Configuration | null = PAGE.configuration) =>
    renderCard(spec.tag, spec.is, configuration, spec.props);

  return [
    {
      name: 'shows nothing before it gets the draft',
      run: async () => {
        const { element } = render(null);
        await settle();
        expect(qa(element, '[data-field]')).toEqual([]);
      },
    },
    {
      name: 'labels each setting with the words the error summary uses',
      run: async () => {
        const { element } = render();
        await settle();
        expect(settingStates(element).map((state) => state.field)).toEqual(spec.fields);
        for (const field of spec.fields) {
          expect(settingInput(element, field)?.label).toBe(SETTING_LABELS[field]);
        }
      },
    },
    {
      name: 'sends each edit up as a typed settingchange',
      run: async () => {
        const { element, changes } = render();
        await settle();
        for (const edit of spec.edits) {
          change(settingInput(element, edit.field), edit.detail);
        }
        expect(changes).toEqual(
          spec.edits.map((edit) => ({ field: edit.field, value: edit.sends }))
        );
      },
    },
    {
      name: 'marks the settings edited since the last save, and only those',
      run: async () => {
        const { element } = render();
        await settle();
        expect(settingStates(element).some((state) => state.edited)).toBe(false);

        const [first, ...others] = spec.fields;
        element.editedFields = [first as string, 'notOnThisCard'];
        await settle();
        expect(settingStates(element).map((state) => [state.field, state.edited])).toEqual([
          [first, true],
          ...others.map((field) => [field, false]),
        ]);
        await expect(element).toBeAccessible();
      },
    },
    {
      name: "marks each setting's input invalid with the server's message, until the errors go",
      run: async () => {
        const { element } = render();
        await settle();
        const inputs = spec.fields.map((field) => {
          const input = settingInput(element, field) as Input & {
            setCustomValidity(message: string): void;
            reportValidity(): boolean;
          };
          return {
            field,
            setCustomValidity: jest.spyOn(input, 'setCustomValidity'),
            reportValidity: jest.spyOn(input, 'reportValidity'),
          };
        });

        element.errors = [
          ...spec.fields.map((field) => settingError(field, `${field} is wrong.`)),
          settingError('notOnThisCard', 'Elsewhere.'),
          { section: 'mappings', rowIndex: 0, field: spec.fields[0] as string, message: 'A row.' },
        ];
        await settle();
        for (const input of inputs) {
          expect(input.setCustomValidity).toHaveBeenLastCalledWith(`${input.field} is wrong.`);
          expect(input.reportValidity).toHaveBeenCalledTimes(1);
        }
        expect(settingStates(element).every((state) => state.invalid)).toBe(true);
        await expect(element).toBeAccessible();

        element.errors = [];
        await settle();
        for (const input of inputs) {
          expect(input.setCustomValidity).toHaveBeenLastCalledWith('');
          expect(input.reportValidity).toHaveBeenCalledTimes(2);
        }
        expect(settingStates(element).some((state) => state.invalid)).toBe(false);
      },
    },
    {
      name: 'moves focus to a setting the error summary links to',
      run: async () => {
        const { element } = render();
        await settle();
        const field = spec.fields[spec.fields.length - 1] as string;
        const focus = jest.spyOn(settingInput(element, field) as HTMLElement, 'focus');

        expect(element.focusField(field)).toBe(true);
        expect(focus).toHaveBeenCalledTimes(1);
        expect(element.focusField('notOnThisCard')).toBe(false);
      },
    },
  ];
}
