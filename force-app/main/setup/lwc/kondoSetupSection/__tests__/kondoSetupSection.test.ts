import { createElement } from 'lwc';
import KondoSetupSection from 'c/kondoSetupSection';
import { cleanUp, q, settle } from '../../kondoSettingsCard/__tests__/harness';

type SectionElement = HTMLElement & { name: string; heading: string; iconName: string };

describe('c-kondo-setup-section', () => {
  afterEach(cleanUp);

  it('is a titled landmark in a card that takes focus for the navigation', async () => {
    const element = createElement('c-kondo-setup-section', {
      is: KondoSetupSection,
    }) as SectionElement;
    Object.assign(element, {
      name: 'mappings',
      heading: 'Field mappings',
      iconName: 'utility:merge_field',
    });
    document.body.appendChild(element);
    await settle();

    const card = q<HTMLElement & { title: string; iconName: string }>(element, 'lightning-card');
    expect(card?.className).toBe('section section_mappings');
    expect([card?.title, card?.iconName]).toEqual(['Field mappings', 'utility:merge_field']);
    const landmark = q(element, 'section') as HTMLElement;
    expect(landmark.getAttribute('aria-label')).toBe('Field mappings');

    element.focus();
    expect((element.shadowRoot as ShadowRoot).activeElement).toBe(landmark);
    await expect(element).toBeAccessible();
  });

  it('names no section before it is told', async () => {
    const element = createElement('c-kondo-setup-section', { is: KondoSetupSection });
    document.body.appendChild(element);
    await settle();
    expect(q(element, 'lightning-card')?.className).toBe('section section_');
  });
});
