// React 19 JSX with the package's IntrinsicElements augmentation.
import { useRef, useState } from 'react';
import type {} from 'massage-guide';

export function Guide({ productUrl }: { productUrl: string }) {
  const ref = useRef<HTMLElementTagNameMap['massage-guide']>(null);
  const [outcome, setOutcome] = useState('');
  return (
    <massage-guide
      ref={ref}
      id="guide"
      className="shop-guide"
      product-url={productUrl}
      sections="article quiz"
      start="quiz"
      theme="dark"
      locale="en-GB"
      loading="eager"
      lang="en-GB"
      storage-key="pdp"
      data-outcome={outcome}
      onmassage-guide:quiz-result={(event) => setOutcome(event.detail.outcome)}
      onmassage-guide:timer-end={(event) => event.detail.minutes.toFixed()}
      onmassage-guide:ready={(event) => event.detail}
    />
  );
}

// @ts-expect-error theme is light, dark or auto
export const badTheme = <massage-guide theme="purple" />;
// @ts-expect-error locale is en-US or en-GB
export const badLocale = <massage-guide locale="fr-FR" />;
// @ts-expect-error the quiz-result detail has no answers
export const badDetail = <massage-guide onmassage-guide:quiz-result={(event) => event.detail.answers} />;
// @ts-expect-error attribute values are strings
export const badNumber = <massage-guide emergency-number={999} />;
// @ts-expect-error no such attribute
export const badName = <massage-guide product_url="https://shop.example/" />;
