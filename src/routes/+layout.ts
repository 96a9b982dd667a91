// Every section is prerendered to a static shell; data from IndexedDB fills it in the browser.
export const prerender = true;
export const trailingSlash = 'never';
