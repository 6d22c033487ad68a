// React 19 fixture: <massage-guide> (opening on the safety check, so every mount mounts the
// quiz and timer app) with attributes from state, events through a ref callback
// (with React 19 ref cleanup) and through React 19's custom-element event props, and a toggle
// that unmounts and remounts it. Bundled by esbuild in tests/e2e/frameworks.test.mjs.
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { MassageGuideElement } from 'massage-guide';

/** What the test reads: counters of what each listener saw. */
const stats = {
  propReady: 0,
  refReady: 0,
  propResults: [] as string[],
  refResults: [] as string[],
  refAttached: 0,
  refDetached: 0,
};
(window as unknown as { mgStats: typeof stats }).mgStats = stats;

type Theme = 'light' | 'dark';

function Guide({ theme, sections, emergency }: { theme: Theme; sections: string; emergency: string }) {
  // A ref callback that adds listeners and returns their cleanup (React 19).
  const ref = useCallback((element: MassageGuideElement | null) => {
    if (!element) return;
    const onReady = () => { stats.refReady++; };
    const onResult = (event: CustomEvent<{ outcome: string }>) => { stats.refResults.push(event.detail.outcome); };
    element.addEventListener('massage-guide:ready', onReady);
    element.addEventListener('massage-guide:quiz-result', onResult);
    stats.refAttached++;
    return () => {
      element.removeEventListener('massage-guide:ready', onReady);
      element.removeEventListener('massage-guide:quiz-result', onResult);
      stats.refDetached++;
    };
  }, []);
  return (
    <massage-guide
      ref={ref}
      loading="eager"
      start="quiz"
      theme={theme}
      sections={sections}
      emergency-number={emergency}
      product-url="https://shop.example/p/classic"
      onmassage-guide:ready={() => { stats.propReady++; }}
      onmassage-guide:quiz-result={(event) => { stats.propResults.push(event.detail.outcome); }}
    />
  );
}

function App() {
  const [shown, setShown] = useState(true);
  const [theme, setTheme] = useState<Theme>('light');
  const [sections, setSections] = useState('article quiz timer');
  const [emergency, setEmergency] = useState('911');
  return (
    <main>
      <p>
        <button id="toggle" onClick={() => setShown((s) => !s)}>Show or hide the guide</button>
        <button id="theme" onClick={() => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))}>Theme: {theme}</button>
        <button id="sections" onClick={() => setSections((s) => (s === 'quiz timer' ? 'article quiz timer' : 'quiz timer'))}>Sections: {sections}</button>
        <button id="emergency" onClick={() => setEmergency((n) => (n === '999' ? '911' : '999'))}>Emergency: {emergency}</button>
      </p>
      {shown && <Guide theme={theme} sections={sections} emergency={emergency} />}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
