/**
 * The sidebar frame's theme, set by its content script in the frame address's hash
 * (`#frame=…&theme=dark`) when the page beside it is dark (Gmail's dark theme). Without it the
 * sidebar follows the system's theme. A page can only make the sidebar dark or light by this:
 * nothing else is read from it.
 */
export function frameTheme(hash: string): 'dark' | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('theme') === 'dark' ? 'dark' : null;
}

/** Applies the hash's theme to the document now and whenever the hash changes. */
export function followFrameTheme(win: Window): void {
  const apply = () => {
    const theme = frameTheme(win.location.hash);
    if (theme) win.document.documentElement.dataset.theme = theme;
    else delete win.document.documentElement.dataset.theme;
  };
  apply();
  win.addEventListener('hashchange', apply);
}

/** The frame address with the theme set in its hash (the token and anything else kept). */
export function withFrameTheme(src: string, dark: boolean): string {
  const url = new URL(src);
  const params = new URLSearchParams(url.hash.slice(1));
  if (dark) params.set('theme', 'dark');
  else params.delete('theme');
  url.hash = params.toString();
  return url.href;
}
