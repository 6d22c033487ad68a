// What a TypeScript user of the package writes; `tsc --noEmit` must accept it, and every
// `@ts-expect-error` line must really be an error (tsc fails on an unused one).
import type { MassageGuideElement, MassageGuideElementConstructor, MassageGuideEventMap } from 'massage-guide';

const guide = document.createElement('massage-guide');
const typed: MassageGuideElement = guide;
const found: MassageGuideElement | null = document.querySelector('massage-guide');
guide.setAttribute('product-url', 'https://shop.example/p/classic');

guide.addEventListener('massage-guide:quiz-result', (event) => {
  const outcome: string = event.detail.outcome;
  // @ts-expect-error the detail carries the outcome only, never the answers
  event.detail.answers;
  return outcome;
});
guide.addEventListener('massage-guide:timer-start', (event) => {
  const routine: string = event.detail.routine;
  const minutes: number = event.detail.minutes;
  // @ts-expect-error minutes is a number
  const wrong: string = event.detail.minutes;
  return [routine, minutes, wrong];
});
guide.addEventListener('massage-guide:ready', (event) => {
  const detail: null = event.detail;
  return detail;
});
guide.removeEventListener('massage-guide:timer-end', (event) => event.detail.minutes.toFixed());
guide.addEventListener('click', (event) => event.clientX);
// @ts-expect-error a listener for another detail shape does not fit the event
guide.addEventListener('massage-guide:quiz-result', (event: CustomEvent<{ answers: string[] }>) => event);
// The events bubble: document and window hear them with the same types.
document.addEventListener('massage-guide:timer-end', (event) => event.detail.routine.toUpperCase());
window.addEventListener('massage-guide:quiz-result', (event) => event.detail.outcome.length);

const Element = customElements.get('massage-guide') as MassageGuideElementConstructor | undefined;
const version: string | undefined = Element?.version;
const detail: MassageGuideEventMap['massage-guide:timer-end']['detail'] = { routine: 'hands', minutes: 5 };

export { typed, found, version, detail };
