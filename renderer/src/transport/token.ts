const KEY = 'mau.token';

/**
 * A `?token=` in the page URL is kept for the tab's life and removed from the address bar, so it
 * does not end up in screenshots, bookmarks or the history of a shared machine.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(KEY);
}
