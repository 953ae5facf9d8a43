// What the generated forms.ts uses: a client made by openapi-fetch from the types openapi-typescript wrote from the
// service's live document (schema.d.ts, beside this file at test time), and a report of what it saw.
import createClient from "openapi-fetch";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { paths } from "./schema.js";

function argument(index: number): string {
  const value = process.argv[2 + index];
  if (!value) throw new Error("usage: node out/main.js <baseUrl> <input folder> <output folder>");
  return value;
}
const baseUrl = argument(0), input = argument(1), output = argument(2);

export const client = createClient<paths>({ baseUrl });
const entries: Record<string, unknown>[] = [];

/** The names a response declares, without the index signature openapi-typescript adds to every headers object. */
type Declared<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
type OkHeaders<O> = O extends { responses: { 200: { headers: infer H } } } ? H : never;

/** A header of a 200, by a name the operation declares: an undeclared name does not compile. */
export function okHeader<P extends keyof paths, M extends keyof paths[P]>(response: Response, name: Declared<OkHeaders<paths[P][M]>> & string): string | null {
  return response.headers.get(name);
}

/** The statuses an operation declares: a test that meets one names it through this type. */
export type Statuses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? keyof R : never;

export function invalid(formId: string): any {
  return JSON.parse(readFileSync(join(input, `${formId}.invalid.json`), "utf8"));
}

export function rendered(formId: string, format: string, response: Response, body: ArrayBuffer | undefined, headers: Record<string, string | null>): void {
  const folder = join(output, "typescript");
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${formId}.${format}`);
  writeFileSync(file, Buffer.from(body ?? new ArrayBuffer(0)));
  entries.push({ kind: "render", client: "typescript", formId, format, status: response.status, file, contentType: response.headers.get("Content-Type"), ...headers });
}

export function notModified(formId: string, status: number, declared: number, etag: string | null): void {
  entries.push({ kind: "notModified", client: "typescript", formId, status, message: `declared ${declared}`, etag });
}

export function refused(formId: string, status: number, problemStatus: number | undefined, paths: string[]): void {
  entries.push({ kind: "refused", client: "typescript", formId, status, problemStatus, paths });
}

export function finish(): void {
  writeFileSync(join(output, "report.json"), JSON.stringify(entries, null, 2));
}
