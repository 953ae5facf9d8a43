// The peer: pdfmake renders the referral-certificate (same text, same Liberation Serif font files) warm, in-process,
// N times, and prints the median time of one PDF and its size.
//
//   node render.js <document.json> <fontsDir> [n=200] [out.pdf]
//
// document.json is the service's own document model of the filled example (FormsService.Benchmarks peer-doc); the
// definition is in definition.js.
'use strict';
const fs = require('fs');
const PdfPrinter = require('pdfmake');
const { fonts, renderOnce: renderPdf } = require('./definition');

const [docPath, fontsDir, nArg, outPath] = process.argv.slice(2);
if (!docPath || !fontsDir) {
  console.error('usage: node render.js <document.json> <fontsDir> [n] [out.pdf]');
  process.exit(2);
}
const n = Number(nArg || 200);
const model = JSON.parse(fs.readFileSync(docPath, 'utf8'));

const printer = new PdfPrinter(fonts(fontsDir));
const renderOnce = () => renderPdf(printer, model);

(async () => {
  let pdf;
  for (let i = 0; i < 20; i++) pdf = await renderOnce(); // warm: fonts parsed, JIT hot
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    pdf = await renderOnce();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(n / 2)];
  if (outPath) fs.writeFileSync(outPath, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`peer pdfmake: ${n} warm renders, median ${median.toFixed(3)} ms, p95 ${times[Math.floor(n * 0.95)].toFixed(3)} ms, ${pdf.length} bytes, ${pages} page(s)`);
  console.log(`PEER_MEDIAN_MS=${median.toFixed(3)}`);
})().catch(e => { console.error(e); process.exit(1); });
