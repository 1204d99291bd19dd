/** Bundled into a page by the bench (bench/bundle.ts): the content scripts' finders as shipped. */
export { scanEnabledSite } from '../lib/sites/enabled-site';
export { findPeople } from '../lib/sites/gmail/finder';
