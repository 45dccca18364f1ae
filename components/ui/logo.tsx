import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-2 rounded-md font-semibold tracking-tight text-zinc-900"
    >
      <span
        className="flex size-7 items-center justify-center rounded-md bg-brand-600 text-white"
        aria-hidden
      >
        <svg
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          className="size-4"
        >
          <path d="M4 13c2.5 0 3-6 6-6s3.5 6 6 6" strokeLinecap="round" />
        </svg>
      </span>
      Subflow
    </Link>
  );
}
