// Vue 3 fixture: <massage-guide> (opening on the safety check, so every mount mounts the quiz
// and timer app) with attributes bound to reactive state, events through
// `@massage-guide:…` listeners and through addEventListener on a template ref, and v-if to
// unmount and remount it. The template is compiled in the browser, so the custom element is
// declared with app.config.compilerOptions.isCustomElement.
import { createApp, ref, watch } from 'vue';

const stats = { propReady: 0, refReady: 0, propResults: [], refResults: [], refAttached: 0, refDetached: 0 };
window.mgStats = stats;

const app = createApp({
  setup() {
    const shown = ref(true);
    const theme = ref('light');
    const sections = ref('article quiz timer');
    const emergency = ref('911');
    const guide = ref(null);
    // Listeners on the element through a template ref, removed when it goes away.
    watch(guide, (element, _old, onCleanup) => {
      if (!element) return;
      const onReady = () => { stats.refReady++; };
      const onResult = (event) => { stats.refResults.push(event.detail.outcome); };
      element.addEventListener('massage-guide:ready', onReady);
      element.addEventListener('massage-guide:quiz-result', onResult);
      stats.refAttached++;
      onCleanup(() => {
        element.removeEventListener('massage-guide:ready', onReady);
        element.removeEventListener('massage-guide:quiz-result', onResult);
        stats.refDetached++;
      });
    }, { flush: 'post' });
    return {
      shown, theme, sections, emergency, guide,
      onReady: () => { stats.propReady++; },
      onResult: (event) => { stats.propResults.push(event.detail.outcome); },
    };
  },
  template: `
    <main>
      <p>
        <button id="toggle" @click="shown = !shown">Show or hide the guide</button>
        <button id="theme" @click="theme = theme === 'dark' ? 'light' : 'dark'">Theme: {{ theme }}</button>
        <button id="sections" @click="sections = sections === 'quiz timer' ? 'article quiz timer' : 'quiz timer'">Sections: {{ sections }}</button>
        <button id="emergency" @click="emergency = emergency === '999' ? '911' : '999'">Emergency: {{ emergency }}</button>
      </p>
      <massage-guide v-if="shown" ref="guide" loading="eager" start="quiz"
        :theme="theme" :sections="sections" :emergency-number="emergency"
        product-url="https://shop.example/p/classic"
        @massage-guide:ready="onReady" @massage-guide:quiz-result="onResult"></massage-guide>
    </main>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'massage-guide';
app.config.errorHandler = (error) => { console.error('vue error:', error); };
app.mount('#app');
