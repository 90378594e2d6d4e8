// End-to-end: the web form in headless Chromium. Starts `leaflet serve` on a free
// port, fills the form as a person would (keyboard and clicks), checks the errors,
// the preview and the downloaded PDF's final page. Screenshots go to screenshots/.
// Run: (cd tests/e2e && npm ci && node --test) after `cargo build`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const bin = process.env.LEAFLET_BIN ?? path.join(root, "target/debug/leaflet");
const port = 18000 + (process.pid % 1000);
const base = `http://127.0.0.1:${port}`;
const shots = path.join(here, "screenshots");
let server;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/locales`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test("a person fills in the form, sees errors and a preview, and downloads the PDF", async () => {
  const page = await browser.newPage({ locale: "sv-SE", acceptDownloads: true });
  await page.goto(base + "/");
  assert.equal(await page.getAttribute("html", "lang"), "sv");
  await page.screenshot({ path: path.join(shots, "1-empty.png"), fullPage: true });

  // A mistake: the e-mail address is not one. Sent without a name.
  await page.getByLabel("E-post", { exact: true }).first().fill("inte en adress");
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await page.waitForSelector("#errors");
  // The errors are listed at the top, where the page opens.
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const summary = await page.textContent("#errors");
  // In Swedish, naming the fields by their labels, never by the file's keys.
  assert.match(summary, /Namn måste fyllas i/);
  assert.match(summary, /E-post är ingen e-postadress: "inte en adress"/);
  assert.doesNotMatch(summary, /organisation\.|is not/);
  assert.equal(await page.getAttribute("#organisation-email", "aria-invalid"), "true");
  assert.match(await page.textContent("#organisation-email-error"), /^E-post är ingen e-postadress/);
  await page.screenshot({ path: path.join(shots, "2-errors.png"), fullPage: true });

  // Corrected, with a contact person; keyboard only for the name.
  await page.focus("#organisation-name-sv");
  await page.keyboard.type("Åsby kommun");
  await page.fill("#organisation-email", "anhorigstod@asby.se");
  await page.fill("#organisation-phone", "0123-456 78");
  await page.fill("#organisation-web-sv", "https://www.asby.se/anhorig");
  await page.fill("#contact-1--name", "Åsa Öhrström");
  await page.fill("#contact-1--phone", "0123-456 80");
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await page.waitForSelector("img.preview");
  assert.equal(await page.$("#errors"), null);
  // The page opens at the preview, below the long form, not at the form's top.
  const at = await page.evaluate(() => document.getElementById("preview").getBoundingClientRect().top);
  assert.ok(at >= 0 && at < 40, `the preview at the top of the window, not ${at} px away`);
  await page.screenshot({ path: path.join(shots, "3-preview.png"), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Ladda ner PDF" }).click(),
  ]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "leaflet-e2e-")), "leaflet.pdf");
  await download.saveAs(file);
  const last = execFileSync("pdftotext", ["-f", "4", "-l", "4", file, "-"]).toString();
  for (const text of ["Åsby kommun", "Åsa Öhrström", "0123-456 80", "anhorigstod@asby.se"]) {
    assert.ok(last.includes(text), `${text} on the last page:\n${last}`);
  }
  await page.close();
});
