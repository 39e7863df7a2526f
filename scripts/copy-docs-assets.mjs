// Copies Swagger UI from node_modules into public/docs/swagger-ui, so the docs page is served by the
// Worker's own static assets and loads nothing from elsewhere. Runs after `npm install`.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'node_modules', 'swagger-ui-dist');
const to = join(root, 'public', 'docs', 'swagger-ui');
const files = ['swagger-ui-bundle.js', 'swagger-ui.css', 'favicon-32x32.png', 'LICENSE'];

if (!existsSync(from)) {
  // A production-only install has no dev dependencies; the docs page then has no assets.
  console.warn('swagger-ui-dist is not installed; the docs page will have no assets.');
  process.exit(0);
}
mkdirSync(to, { recursive: true });
for (const file of files) copyFileSync(join(from, file), join(to, file));
const { version } = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'));
console.log(`Copied Swagger UI ${version} to public/docs/swagger-ui`);
