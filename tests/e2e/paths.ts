import {join} from 'node:path';

/** Scratch folder of the e2e layer, ignored by git. */
export const E2E_DIR = join(import.meta.dirname, '../.tmp/e2e');
export const E2E_INPUT = join(E2E_DIR, 'input');
export const E2E_SITE = join(E2E_DIR, 'site');

/** The address the e2e site is built for (`--site-url`): its QR codes, feed and sitemap point there, not at the test server. */
export const E2E_ORIGIN = 'https://gongshi.example.gov.cn';
