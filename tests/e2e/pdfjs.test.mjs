// The PDF as Firefox's engine (pdf.js) reads it: a word the typesetter
// hyphenated at a line end carries no hyphen in its text, and the text of the
// contact page is there. Run with the other tests: node --test (after cargo build).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const bin = process.env.LEAFLET_BIN ?? path.join(root, "target/debug/leaflet");

async function items(args) {
  const dir = mkdtempSync(path.join(tmpdir(), "leaflet-pdfjs-"));
  const out = path.join(dir, "out.pdf");
  execFileSync(bin, ["build", path.join(root, "examples/asby.toml"), "-o", out, ...args], { stdio: "ignore" });
  const doc = await getDocument({ data: new Uint8Array(readFileSync(out)), verbosity: 0 }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((it) => ({ str: it.str, eol: it.hasEOL })));
  }
  return pages;
}

test("a hyphenated line end carries no hyphen in pdf.js's text", async () => {
  const pages = await items(["--layout", "a4"]);
  const back = pages[1];
  const at = back.findIndex((it) => it.str.endsWith("kan du få närstående"));
  assert.ok(at >= 0, "the line that ends in the hyphenated word");
  assert.ok(back[at].eol, "the line ends there");
  assert.match(back[at + 1].str, /^penning /);
  const hyphenEnds = back.filter((it) => it.eol && /\p{L}-$/u.test(it.str));
  assert.deepEqual(hyphenEnds, [], "no line ends in a hyphen after a letter");
});

// The fillable leaflet as Firefox fills it in: pdf.js lists every field by its
// name, on the contact page, with its tooltip and the value the contacts file gave.
test("pdf.js lists the fillable leaflet's fields by their names", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "leaflet-pdfjs-"));
  const out = path.join(dir, "form.pdf");
  execFileSync(bin, ["build", "--fillable", path.join(root, "examples/asby.toml"), "--lang", "fi", "-o", out], { stdio: "ignore" });
  const doc = await getDocument({ data: new Uint8Array(readFileSync(out)), verbosity: 0 }).promise;
  const fields = await doc.getFieldObjects();
  const names = Object.keys(fields).sort();
  assert.deepEqual(names, [
    "address.postal", "address.visiting",
    "contact[1]", "contact[2]", "contact[3]", "contact[4]",
    "extra.lines",
    "organisation.email", "organisation.name", "organisation.phone", "organisation.unit", "organisation.web",
  ]);
  assert.equal(fields["organisation.name"][0].value, "Åsby kommun");
  assert.equal(fields["organisation.phone"][0].page, doc.numPages - 1, "on the contact page");
  const page = await doc.getPage(doc.numPages);
  const widgets = (await page.getAnnotations()).filter((a) => a.fieldType === "Tx");
  assert.equal(widgets.length, 12);
  assert.ok(widgets.every((w) => w.alternativeText), "every field has a tooltip");
  assert.equal(widgets.find((w) => w.fieldName === "contact[1]").multiLine, true);
});
