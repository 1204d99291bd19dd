import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardPreview } from '../components/sidebar/card-top';
import { request } from '../lib/messaging/client';
import { followFrameTheme } from '../lib/sidebar/frame-theme';
import { PORT_NAME } from '../lib/messaging/vocabulary';
import { startShell } from '../lib/sidebar/shell';

/**
 * The sidebar page's first script (public/sidebar.html): small, so it runs as soon as the page
 * does; it paints the card's preview and then loads the whole sidebar (lib/sidebar/shell.ts).
 */
export default defineUnlistedScript(() => {
  // Marks for the bench's account of where a first card's time goes (bench/measure-paint.ts).
  performance.mark('crm:shell');
  // Dark beside a dark page from the first paint on, as the whole sidebar will be.
  followFrameTheme(window);
  const root = document.getElementById('shell');
  startShell({
    connect: () => browser.runtime.connect({ name: PORT_NAME }),
    context: () => request('sidebar.context', { keep: null }).finally(() => performance.mark('crm:context')),
    paint: (context) => {
      if (root && context.card) render(<CardPreview card={context.card} now={Date.now()} />, root);
      performance.mark('crm:preview');
    },
    loadApp: () => {
      const script = document.createElement('script');
      script.src = '/sidebar-app.js';
      document.head.append(script);
    },
    afterPaint: (then) => requestAnimationFrame(() => setTimeout(then, 0)),
  });
});
