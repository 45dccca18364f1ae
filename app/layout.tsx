import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Subflow", template: "%s · Subflow" },
  description:
    "Subscription-growth CRM: subscriptions, payments, automation and growth programs on one core.",
};

/**
 * Every page renders per request, none at build time: proxy.ts gives each response a Content-Security-Policy with a
 * fresh nonce, which Next.js puts on the scripts it renders then. A page prerendered at build time has scripts
 * without it, and the browser refuses them.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
