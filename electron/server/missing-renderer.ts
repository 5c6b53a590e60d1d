/** What a browser shows when the server runs before the renderer was ever built. */
export function missingRendererPage(staticDir: string): string {
  const dir = staticDir.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>MAU Studio: renderer not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}
code{background:#eee;padding:.1rem .3rem;border-radius:3px}</style></head>
<body>
<h1>MAU Studio is running, but its user interface has not been built</h1>
<p>The server found no renderer build in <code>${dir}</code>.</p>
<p>Run <code>npm run build:renderer</code> in the MAU Studio checkout, then reload this page.</p>
<p>The API under <code>/api/</code> and the event stream under <code>/events</code> work already.</p>
</body>
</html>
`;
}
