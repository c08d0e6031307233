import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ActivityIcon, ArrowRightIcon, SendIcon, ShieldCheckIcon } from "lucide-react";
import { Logo } from "@/components/shell/logo";
import { Button } from "@/components/ui/button";
import { Money } from "@/components/ui/money";
import { StatusBadge, type StatusValue } from "@/components/ui/status-badge";

export const metadata: Metadata = {
  title: { absolute: "Tribedesk — the order desk for TribeMade merchants" },
};

const features: { title: string; text: string; icon: ReactNode }[] = [
  {
    title: "Never lose an order",
    text: "Every webhook TribeMade sends is written to the database, byte for byte, before TribeMade gets its answer. Duplicates are recognised; rejected deliveries are kept so you can see why.",
    icon: <ShieldCheckIcon />,
  },
  {
    title: "Every click reaches TribeMade",
    text: "Status changes go through an outbox that stays within TribeMade's rate limits and retries through timeouts, errors and outages until TribeMade confirms. Anything it refuses is shown with its reason.",
    icon: <SendIcon />,
  },
  {
    title: "A live order feed",
    text: "New orders appear within a second or two, no reload. Search, filter and move orders from started to delivered, one at a time or in bulk.",
    icon: <ActivityIcon />,
  },
];

// Illustration only: a still of the feed, not live data.
const sample: { name: string; product: string; amount: string; status: StatusValue<"order">; when: string }[] = [
  { name: "Ananya Iyer", product: "Handloom cotton saree", amount: "2499.00", status: "started", when: "just now" },
  { name: "Rohan Mehta", product: "Brass diya set (4)", amount: "899.00", status: "processing", when: "4m ago" },
  { name: "Priya Nair", product: "Block-print kurta, M", amount: "1299.00", status: "dispatched", when: "1h ago" },
  { name: "Arjun Singh", product: "Terracotta planter", amount: "649.50", status: "delivered", when: "3h ago" },
];

export default function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex h-16 w-full max-w-6xl items-center justify-between px-4 sm:px-6">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          <Button href="/login" variant="ghost">
            Sign in
          </Button>
          <Button href="/signup" variant="primary">
            Create account
          </Button>
        </nav>
      </header>

      <main className="flex-1">
        <section className="mx-auto grid w-full max-w-6xl items-center gap-12 px-4 pt-12 pb-16 sm:px-6 sm:pt-20 lg:grid-cols-[1.1fr_1fr] lg:gap-14">
          <div>
            <p className="border-line bg-surface text-fg-muted mb-4 inline-flex items-center gap-2 rounded-full border px-3 py-1 text-xs font-medium">
              <span className="size-1.5 rounded-full bg-emerald-500" aria-hidden="true" />
              For merchants selling on TribeMade
            </p>
            <h1 className="text-fg text-4xl leading-[1.1] font-semibold tracking-tight text-balance sm:text-5xl">
              <span className="sm:block">The order desk</span> for TribeMade stores
            </h1>
            <p className="text-fg-muted mt-5 max-w-xl text-base leading-relaxed text-pretty sm:text-lg">
              Tribedesk records every order TribeMade sends the moment a customer pays, shows it in a live feed you can keep open
              all day, and pushes each status change back to TribeMade, from processing to dispatched to delivered, even when
              TribeMade is slow, rate-limited or down.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Button href="/signup" variant="primary" size="lg" trailingIcon={<ArrowRightIcon />}>
                Create account
              </Button>
              <Button href="/login" variant="secondary" size="lg">
                Sign in
              </Button>
            </div>
          </div>

          <FeedPreview />
        </section>

        <section aria-labelledby="features" className="border-line bg-panel border-t">
          <div className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6">
            <h2 id="features" className="sr-only">
              What Tribedesk does
            </h2>
            <ul className="grid gap-8 md:grid-cols-3 md:gap-10">
              {features.map((feature) => (
                <li key={feature.title}>
                  <div className="border-line bg-surface text-accent-text mb-4 flex size-9 items-center justify-center rounded-lg border shadow-xs [&_svg]:size-[18px]">
                    {feature.icon}
                  </div>
                  <h3 className="text-fg text-sm font-semibold">{feature.title}</h3>
                  <p className="text-fg-muted mt-2 text-sm leading-relaxed">{feature.text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>

      <footer className="border-line border-t">
        <div className="text-fg-subtle mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-xs sm:px-6">
          <span>Tribedesk — an order desk for TribeMade merchants.</span>
          <span>Prices in INR. Not affiliated with TribeMade.</span>
        </div>
      </footer>
    </div>
  );
}

function FeedPreview() {
  return (
    <figure className="relative" aria-label="Example of the live order feed">
      <div
        aria-hidden="true"
        className="absolute -inset-8 -z-10 rounded-[2.5rem] bg-gradient-to-tr from-indigo-500/15 via-violet-500/10 to-transparent blur-3xl dark:from-indigo-500/10 dark:via-violet-500/5"
      />
      <div className="border-line bg-surface overflow-hidden rounded-xl border shadow-xl shadow-zinc-900/5 dark:shadow-none">
        <div className="border-line flex items-center justify-between border-b px-4 py-3">
          <div className="text-fg flex items-center gap-2 text-sm font-semibold">
            Orders
            <span className="inline-flex items-center gap-1.5 rounded-full bg-emerald-500/10 px-2 py-0.5 text-[11px] font-medium text-emerald-700 dark:text-emerald-300">
              <span className="relative flex size-1.5">
                <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-500 opacity-60" />
                <span className="relative inline-flex size-1.5 rounded-full bg-emerald-500" />
              </span>
              Live
            </span>
          </div>
          <span className="text-fg-subtle text-xs">Today</span>
        </div>
        <ul className="divide-line divide-y">
          {sample.map((order, index) => (
            <li key={order.name} className={`flex items-center gap-3 px-4 py-3 ${index === 0 ? "bg-accent/[0.04]" : ""}`}>
              <span className="bg-surface-3 text-fg-muted flex size-8 shrink-0 items-center justify-center rounded-full text-[11px] font-semibold">
                {order.name
                  .split(" ")
                  .map((word) => word[0])
                  .join("")}
              </span>
              <div className="min-w-0 flex-1">
                <p className="text-fg truncate text-sm font-medium">{order.name}</p>
                <p className="text-fg-muted truncate text-xs">{order.product}</p>
              </div>
              <div className="hidden sm:block">
                <StatusBadge kind="order" value={order.status} />
              </div>
              <div className="flex flex-col items-end gap-0.5 text-right">
                <Money amount={order.amount} className="text-fg text-sm font-medium" />
                <p className="text-fg-subtle hidden text-xs sm:block">{order.when}</p>
                <StatusBadge kind="order" value={order.status} className="sm:hidden" />
              </div>
            </li>
          ))}
        </ul>
      </div>
      <figcaption className="sr-only">An illustration of the order feed with four sample orders and their statuses.</figcaption>
    </figure>
  );
}
