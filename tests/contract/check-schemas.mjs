// An independent reader of the service's JSON Schemas: ajv, draft 2020-12, strict mode.
// Input (file named by argv[2]): { vocabulary: [keyword…], schemas: { id: schema }, cases: [{ name, schema, data }] }.
// Output (stdout): { compiled: { id: null | "error" }, cases: [{ name, valid, errors }] }.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
// strict: unknown keywords, formats and ignored keywords are errors. Nullable fields are type unions, which
// JSON Schema allows: allowUnionTypes says so rather than switching strictTypes off.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
// The service's annotations, declared: x-labels is { kk, ru, help?, options? }; x-deadlines marks a date.
for (const keyword of input.vocabulary) {
  ajv.addKeyword({
    keyword,
    metaSchema: keyword === 'x-labels'
      ? {
        type: 'object',
        properties: {
          kk: { type: 'string', minLength: 1 },
          ru: { type: 'string', minLength: 1 },
          help: { $ref: '#/$defs/pair' },
          options: { type: 'object', additionalProperties: { $ref: '#/$defs/pair' } },
        },
        required: ['kk', 'ru'],
        additionalProperties: false,
        $defs: { pair: { type: 'object', properties: { kk: { type: 'string', minLength: 1 }, ru: { type: 'string', minLength: 1 } }, required: ['kk', 'ru'], additionalProperties: false } },
      }
      : { type: 'boolean' },
  });
}

const compiled = {};
const validators = {};
for (const [id, schema] of Object.entries(input.schemas)) {
  try {
    validators[id] = ajv.compile(schema);
    compiled[id] = null;
  } catch (e) {
    compiled[id] = String(e.message ?? e);
  }
}
const cases = input.cases.map(({ name, schema, data }) => {
  const validate = validators[schema];
  if (!validate) return { name, valid: null, errors: ['schema did not compile'] };
  const valid = validate(data);
  return { name, valid, errors: valid ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`) };
});
process.stdout.write(JSON.stringify({ compiled, cases }));
