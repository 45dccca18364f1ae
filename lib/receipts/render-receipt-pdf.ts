import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatMoney } from "@/lib/money";
import type { ReceiptDocument } from "./receipt-document";

/**
 * DejaVu Sans covers Slovak (č, š, ž, ľ, ô) and €, which PDF's standard fonts do not. The files are read from the
 * package at render time (pdfkit is a server-external package, so nothing is bundled).
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

export interface RenderReceiptPdfOptions {
  /** Deflate the page content (default). Tests turn it off to read the printed text. */
  compress?: boolean;
}

const PAGE_MARGIN = 50;
const GREY = "#52525b";
const RULE = "#d4d4d8";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** A receipt or credit note as an A4 PDF. */
export async function renderReceiptPdf(
  receipt: ReceiptDocument,
  options: RenderReceiptPdfOptions = {},
): Promise<Buffer> {
  const [regular, bold] = await Promise.all([
    readFile(path.join(FONT_DIR, "DejaVuSans.ttf")),
    readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  ]);
  const title =
    receipt.kind === "receipt" ? `Receipt ${receipt.number}` : `Credit note ${receipt.number}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE_MARGIN,
    compress: options.compress ?? true,
    info: { Title: title, Author: receipt.seller.name, Subject: `Payment #${receipt.paymentId}` },
  });
  doc.registerFont("Regular", regular);
  doc.registerFont("Bold", bold);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  drawHeader(doc, receipt, title);
  drawParties(doc, receipt);
  drawItems(doc, receipt);
  drawTotals(doc, receipt);
  drawFooter(doc, receipt);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - 2 * PAGE_MARGIN;

function drawHeader(doc: Doc, receipt: ReceiptDocument, title: string): void {
  const top = PAGE_MARGIN;
  const half = contentWidth(doc) / 2;
  doc
    .font("Bold")
    .fontSize(14)
    .fillColor("black")
    .text(receipt.seller.name, PAGE_MARGIN, top, { width: half });
  doc.font("Regular").fontSize(9.5).fillColor(GREY);
  for (const line of receipt.seller.address_lines) doc.text(line, { width: half });
  if (receipt.seller.vat_id) doc.text(`VAT ID: ${receipt.seller.vat_id}`, { width: half });
  const sellerBottom = doc.y;

  const right = PAGE_MARGIN + half;
  // One line for the title: a long credit note number gets a smaller size instead of wrapping.
  let titleSize = 18;
  while (titleSize > 12 && doc.font("Bold").fontSize(titleSize).widthOfString(title) > half)
    titleSize -= 1;
  doc
    .fontSize(titleSize)
    .fillColor("black")
    .text(title, right, top, { width: half, align: "right" });
  doc.font("Regular").fontSize(9.5).fillColor(GREY).moveDown(0.3);
  doc.text(`Date paid: ${dateFormat.format(receipt.paidAt)}`, { width: half, align: "right" });
  if (receipt.kind === "credit_note") {
    if (receipt.refundedAt)
      doc.text(`Date refunded: ${dateFormat.format(receipt.refundedAt)}`, {
        width: half,
        align: "right",
      });
    doc.text(
      receipt.cancelsReceiptNumber
        ? `Cancels receipt ${receipt.cancelsReceiptNumber}`
        : `Cancels the payment #${receipt.paymentId}`,
      { width: half, align: "right" },
    );
  }
  doc.y = Math.max(sellerBottom, doc.y) + 28;
}

function drawParties(doc: Doc, receipt: ReceiptDocument): void {
  doc.x = PAGE_MARGIN;
  doc
    .font("Bold")
    .fontSize(9)
    .fillColor(GREY)
    .text(receipt.kind === "receipt" ? "BILLED TO" : "REFUNDED TO", PAGE_MARGIN);
  doc.moveDown(0.2).font("Regular").fontSize(10.5).fillColor("black");
  if (receipt.customer.name) doc.font("Bold").text(receipt.customer.name).font("Regular");
  doc.text(receipt.customer.email);
  for (const line of receipt.customer.addressLines) doc.text(line);
  doc.moveDown(2);
}

/** Column x positions and widths: item, quantity, unit price, amount. */
function columns(doc: Doc) {
  const width = contentWidth(doc);
  const amount = { x: PAGE_MARGIN + width - 90, width: 90 };
  const unit = { x: amount.x - 95, width: 85 };
  const count = { x: unit.x - 50, width: 40 };
  const item = { x: PAGE_MARGIN, width: count.x - PAGE_MARGIN - 10 };
  return { item, count, unit, amount };
}

function rule(doc: Doc, y: number, from = PAGE_MARGIN): void {
  doc
    .moveTo(from, y)
    .lineTo(doc.page.width - PAGE_MARGIN, y)
    .lineWidth(0.7)
    .strokeColor(RULE)
    .stroke();
}

function drawItems(doc: Doc, receipt: ReceiptDocument): void {
  const col = columns(doc);
  let y = doc.y;
  doc.font("Bold").fontSize(9).fillColor(GREY);
  doc.text("ITEM", col.item.x, y, { width: col.item.width });
  doc.text("QTY", col.count.x, y, { width: col.count.width, align: "right" });
  doc.text("UNIT PRICE", col.unit.x, y, { width: col.unit.width, align: "right" });
  doc.text("AMOUNT", col.amount.x, y, { width: col.amount.width, align: "right" });
  y = doc.y + 4;
  rule(doc, y);
  y += 8;
  doc.font("Regular").fontSize(10.5).fillColor("black");
  for (const item of receipt.items) {
    if (y > doc.page.height - PAGE_MARGIN - 160) {
      doc.addPage();
      y = PAGE_MARGIN;
    }
    const height = doc.heightOfString(item.name, { width: col.item.width });
    doc.text(item.name, col.item.x, y, { width: col.item.width });
    doc.text(String(item.count), col.count.x, y, { width: col.count.width, align: "right" });
    doc.text(formatMoney(item.unitPriceCents), col.unit.x, y, {
      width: col.unit.width,
      align: "right",
    });
    doc.text(formatMoney(item.amountCents), col.amount.x, y, {
      width: col.amount.width,
      align: "right",
    });
    y += height + 6;
  }
  rule(doc, y);
  doc.y = y + 8;
}

function drawTotals(doc: Doc, receipt: ReceiptDocument): void {
  const col = columns(doc);
  const labelX = col.count.x - 90;
  const labelWidth = col.amount.x - labelX - 10;
  const line = (label: string, cents: number, strong = false) => {
    const y = doc.y;
    doc
      .font(strong ? "Bold" : "Regular")
      .fontSize(strong ? 12 : 10.5)
      .fillColor(strong ? "black" : GREY);
    doc.text(label, labelX, y, { width: labelWidth, align: "right" });
    doc.text(formatMoney(cents), col.amount.x, y, { width: col.amount.width, align: "right" });
    doc.moveDown(0.35);
  };
  if (receipt.discountCents !== 0) {
    line("Subtotal", receipt.subtotalCents);
    const sign = receipt.kind === "receipt" ? 1 : -1;
    const label = sign * receipt.discountCents > 0 ? "Discount" : "Adjustment";
    line(
      receipt.discountCode ? `${label} (${receipt.discountCode})` : label,
      -receipt.discountCents,
    );
  }
  line("Total", receipt.totalCents, true);
  const rate = `${receipt.vatRatePercent.toLocaleString("en-US", { maximumFractionDigits: 2 })} %`;
  line(`Price without VAT`, receipt.totalCents - receipt.vatCents);
  line(`VAT ${rate} included`, receipt.vatCents);
}

function drawFooter(doc: Doc, receipt: ReceiptDocument): void {
  doc.moveDown(2.5);
  rule(doc, doc.y);
  doc.moveDown(0.8);
  doc.x = PAGE_MARGIN;
  doc.font("Regular").fontSize(9).fillColor(GREY);
  const reference = receipt.gatewayReference ? ` · Reference: ${receipt.gatewayReference}` : "";
  doc.text(
    `Payment #${receipt.paymentId} · Gateway: ${receipt.gateway}${reference}`,
    PAGE_MARGIN,
    doc.y,
    {
      width: contentWidth(doc),
    },
  );
  doc.text(
    receipt.kind === "receipt"
      ? "Prices include VAT. Thank you for your subscription."
      : "This credit note cancels the receipt named above: the amount shown was refunded.",
    { width: contentWidth(doc) },
  );
}
