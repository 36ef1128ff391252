// The published JSON Schema (public/feed-schema.json) accepts the bundled sample feed and
// rejects the mistakes docs/feed-format.md warns publishers about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(await readFile(join(root, 'public', 'feed-schema.json'), 'utf8'));
const sample = JSON.parse(await readFile(join(root, 'public', 'sample-feed.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const ok = { id: 'k:1', name: { fi: 'Konsertti' }, start_time: '2026-12-05T19:00:00+02:00', location: { name: { fi: 'Kuhmo-talo' } } };

test('the bundled sample feed follows the recommended profile', () => {
  assert.ok(validate(sample), JSON.stringify(validate.errors?.slice(0, 3), null, 1));
});

test('a minimal good event passes; a postponed one may lack a start', () => {
  assert.ok(validate({ data: [ok] }), JSON.stringify(validate.errors));
  assert.ok(validate({ data: [{ ...ok, start_time: null, event_status: 'EventPostponed' }] }));
});

test('the common mistakes are caught', () => {
  const bad = (event, why) => assert.equal(validate({ data: [event] }), false, why);
  bad({ ...ok, id: undefined }, 'no id');
  bad({ ...ok, name: 'Konsertti' }, 'name as a bare string');
  bad({ ...ok, start_time: '5.12.2026 klo 19' }, 'Finnish date format');
  bad({ ...ok, start_time: undefined }, 'no start for a scheduled event');
  bad({ ...ok, event_status: 'Cancelled' }, 'unknown status');
  bad({ ...ok, location: { ...ok.location, position: { type: 'Point', coordinates: [64.22, 27.73] } } }, 'lat/lon swapped');
  bad({ ...ok, images: [{ url: 'javascript:alert(1)' }] }, 'non-http image');
});
