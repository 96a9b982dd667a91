import type { PageLoad } from './$types';

// Articles live in this device's database, so their pages render in the browser only.
export const prerender = false;
export const ssr = false;

export const load: PageLoad = ({ params }) => ({ id: params.id });
