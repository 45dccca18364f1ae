import { inflateSync } from "node:zlib";

/**
 * The text a PDF from pdfkit prints, in drawing order, one line per text run. pdfkit writes embedded TrueType text
 * as glyph ids, so the ids are mapped back through each font's ToUnicode CMap. Enough for our own receipts, not a
 * general PDF reader.
 */
export function extractPdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  for (const [id, object] of objects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(object.dict);
    const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : undefined;
    if (cmap) cmaps.set(id, parseCMap(cmap.toString("latin1")));
  }
  const fontByName = new Map<string, number>();
  for (const object of objects.values()) {
    for (const [, name, id] of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g))
      fontByName.set(name!, Number(id));
  }
  const lines: string[] = [];
  for (const object of objects.values()) {
    const content = object.stream?.toString("latin1");
    if (!content?.includes(" Tf")) continue;
    let cmap: Map<number, string> | undefined;
    for (const [, font, array] of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (font) cmap = cmaps.get(fontByName.get(font) ?? -1);
      else if (array !== undefined) {
        const hex = [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join("");
        let line = "";
        for (let i = 0; i + 4 <= hex.length; i += 4)
          line += cmap?.get(parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
        lines.push(line);
      }
    }
  }
  return lines.join("\n");
}

function readObjects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const header = /(\d+) 0 obj/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endobj", start);
    const streamAt = text.indexOf("stream", start);
    if (streamAt === -1 || streamAt > end) {
      objects.set(Number(match[1]), { dict: text.slice(start, end), stream: null });
      header.lastIndex = end;
      continue;
    }
    // The stream is read by its /Length: binary font data may contain anything, "endobj" included.
    const dict = text.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const dataStart = streamAt + "stream".length + (text[streamAt + 6] === "\r" ? 2 : 1);
    const raw = pdf.subarray(dataStart, dataStart + length);
    objects.set(Number(match[1]), {
      dict,
      stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw,
    });
    header.lastIndex = dataStart + length;
  }
  return objects;
}

/** `bfrange` entries of the form `<first> <last> [<utf16> …]`, as pdfkit writes them. */
function parseCMap(source: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, first, , targets] of source.matchAll(
    /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g,
  )) {
    [...targets!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach(([, utf16], index) => {
      const units = utf16!.replace(/\s+/g, "").match(/.{4}/g) ?? [];
      map.set(
        parseInt(first!, 16) + index,
        String.fromCharCode(...units.map((unit) => parseInt(unit, 16))),
      );
    });
  }
  return map;
}
