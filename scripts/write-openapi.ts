// Writes the OpenAPI document the Worker serves at /openapi.json to dist/openapi.json, for linting.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createApp } from '../src/app.ts';

const response = await createApp().request('/openapi.json');
if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`);
mkdirSync('dist', { recursive: true });
writeFileSync('dist/openapi.json', `${JSON.stringify(await response.json(), null, 2)}\n`);
console.log('Wrote dist/openapi.json');
