// The referral-certificate as a pdfmake document definition, from the service's own document model of the filled
// example (FormsService.Benchmarks peer-doc), so both sides lay out exactly the same words. Fields are underlined
// runs; their captions go on a small line under the paragraph (pdfmake has no caption-under-blank primitive); the cut
// line is a dashed rule with its label. Shared by render.js (in-process) and server.js (over HTTP).
'use strict';
const path = require('path');

function fonts(fontsDir) {
  return {
    LiberationSerif: {
      normal: path.join(fontsDir, 'LiberationSerif-Regular.ttf'),
      bold: path.join(fontsDir, 'LiberationSerif-Bold.ttf'),
      italics: path.join(fontsDir, 'LiberationSerif-Italic.ttf'),
      bolditalics: path.join(fontsDir, 'LiberationSerif-BoldItalic.ttf'),
    },
  };
}

function definition(model) {
  const contentWidth = model.page.width - model.page.margins[0] - model.page.margins[2];
  const content = [];
  for (const b of model.blocks) {
    if (b.kind === 'cut') {
      content.push({
        margin: [0, b.spaceBefore, 0, b.spaceAfter],
        stack: [
          { canvas: [{ type: 'line', x1: 0, y1: 6, x2: contentWidth, y2: 6, lineWidth: 0.6, dash: { length: 4, space: 3 } }] },
          { text: b.label, italics: true, alignment: 'center', fontSize: model.captionSize + 2, margin: [0, -10, 0, 0] },
        ],
      });
      continue;
    }
    const size = b.size || model.size;
    const runs = [];
    const captions = [];
    for (const i of b.inlines) {
      if (i.kind === 'break') { runs.push({ text: '\n' }); continue; }
      if (i.kind === 'text') {
        runs.push({ text: i.text, bold: i.bold || b.bold, italics: i.italic, fontSize: i.small ? model.captionSize : size, decoration: i.underline ? 'underline' : undefined });
        continue;
      }
      // A field: its value underlined, padded to about its minimum width when short or blank.
      const pad = Math.max(0, Math.round((i.minWidth - i.text.length * size * 0.45) / (size * 0.25)));
      runs.push({ text: '\u00a0' + i.text + '\u00a0'.repeat(Math.min(pad, 80)), bold: i.bold || b.bold, italics: i.italic, fontSize: i.small ? model.captionSize : size, decoration: 'underline' });
      if (i.caption) captions.push(i.caption);
    }
    const paragraph = {
      text: runs,
      alignment: b.align === 'center' ? 'center' : b.align === 'right' ? 'right' : 'justify' === b.align ? 'justify' : 'left',
      bold: b.bold,
      fontSize: size,
      leadingIndent: b.firstLine || 0,
      lineHeight: model.lineSpacing,
      margin: [b.indentLeft || 0, b.spaceBefore || 0, 0, captions.length ? 0 : (b.spaceAfter || 0)],
    };
    content.push(paragraph);
    if (captions.length)
      content.push({ text: captions.join('    '), fontSize: model.captionSize, alignment: 'center', margin: [b.indentLeft || 0, 0, 0, b.spaceAfter || 0] });
  }
  return {
    info: { title: model.title, creator: 'pdfmake peer', producer: 'pdfmake peer' },
    pageSize: { width: model.page.width, height: model.page.height },
    pageMargins: model.page.margins,
    defaultStyle: { font: 'LiberationSerif', fontSize: model.size },
    content,
  };
}


function renderOnce(printer, model) {
  return new Promise((resolve, reject) => {
    const doc = printer.createPdfKitDocument(definition(model));
    const chunks = [];
    doc.on('data', c => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

module.exports = { fonts, definition, renderOnce };
