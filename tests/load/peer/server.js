// The peer over HTTP: pdfmake behind Node's http server, one worker process per core (cluster), each answering
//   POST /api/forms/<formId>/render  → the referral-certificate as PDF
// by reading the JSON body, parsing it, and rendering the document from the service's own model of the filled example
// (definition.js). Parsing is all it does with the body: its text is the model's, so the peer's figure is a little
// better than a real pdfmake service's, which would also fill and check the payload.
//
//   node server.js <document.json> <fontsDir> <port> [workers=nproc]
'use strict';
const cluster = require('cluster');
const fs = require('fs');
const http = require('http');
const os = require('os');
const PdfPrinter = require('pdfmake');
const { fonts, renderOnce } = require('./definition');

const [docPath, fontsDir, portArg, workersArg] = process.argv.slice(2);
if (!docPath || !fontsDir || !portArg) {
  console.error('usage: node server.js <document.json> <fontsDir> <port> [workers]');
  process.exit(2);
}
const workers = Number(workersArg || os.cpus().length);

if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (_, code) => { if (code !== 0) console.error(`a worker exited with ${code}`); });
} else {
  const model = JSON.parse(fs.readFileSync(docPath, 'utf8'));
  const printer = new PdfPrinter(fonts(fontsDir));
  http.createServer((req, res) => {
    if (req.method !== 'POST' || !req.url.startsWith('/api/forms/')) {
      res.writeHead(req.url === '/health' ? 200 : 404).end();
      return;
    }
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      let payload;
      try { payload = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { payload = null; }
      if (payload === null || typeof payload !== 'object') {
        res.writeHead(400).end();
        return;
      }
      renderOnce(printer, model).then(
        pdf => res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': pdf.length }).end(pdf),
        e => { console.error(e); res.writeHead(500).end(); });
    });
  }).listen(Number(portArg), '127.0.0.1');
}
